"use client";
// Event queries, multi-step reads and the chain clock, refreshed per block. They take wagmi's bare client and the caller
// imports only the viem actions it runs (from "viem/actions"): a public client decorated with every action
// would put all of viem, signature recovery included, into the bundle of every page that reads events.
import { useBlock } from "wagmi";
import type { Client } from "viem";
import { TARGET_CHAIN_ID } from "@/config/chains";
import { useReads } from "@/hooks/contractRead";

/** A query on the target chain, refreshed on every new block like every other read (see useReads). */
export function useChainQuery<T>(key: readonly unknown[], run: (client: Client) => Promise<T>, enabled = true) {
  return useReads(TARGET_CHAIN_ID, key, run, { enabled });
}

/** The latest block's timestamp (the governor's clock), for countdowns that stay right on a local chain. */
export function useChainTime(): bigint | undefined {
  const { data } = useBlock({ chainId: TARGET_CHAIN_ID, watch: true });
  return data?.timestamp;
}
