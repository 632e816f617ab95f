"use client";
// Event queries, multi-step reads and the chain clock, refreshed per block. They take wagmi's bare client and the caller
// imports only the viem actions it runs (from "viem/actions"): a public client decorated with every action
// would put all of viem, signature recovery included, into the bundle of every page that reads events.
import { useBlock, useClient } from "wagmi";
import type { Client } from "viem";
import { useQuery } from "@tanstack/react-query";
import { TARGET_CHAIN_ID } from "@/hooks/chain";

export function useChainQuery<T>(key: readonly unknown[], run: (client: Client) => Promise<T>, enabled = true) {
  const client = useClient({ chainId: TARGET_CHAIN_ID });
  return useQuery({
    queryKey: ["chainQuery", TARGET_CHAIN_ID, ...key],
    queryFn: () => run(client as Client),
    enabled: enabled && !!client,
  });
}

/** The latest block's timestamp (the governor's clock), for countdowns that stay right on a local chain. */
export function useChainTime(): bigint | undefined {
  const { data } = useBlock({ chainId: TARGET_CHAIN_ID, watch: true });
  return data?.timestamp;
}

