"use client";
// The one way the app reads the chain: a TanStack query over wagmi's client for the target chain. Contract
// views go through callView (lib/contractRead.ts), events and blocks through single actions from
// "viem/actions" (docs/adr/0004-own-read-layer.md).
import { useClient } from "wagmi";
import type { Client } from "viem";
import { skipToken, useQuery } from "@tanstack/react-query";
import { TARGET_CHAIN_ID } from "@/config/chains";
import { readKey } from "@/lib/readKey";
import { nextTask } from "@/lib/nextTask";

/**
 * A query on the target chain for reads that belong together (one dashboard card, one account, one list of
 * events). Its key starts with READ_KEY, so it is refetched on every new block (useLiveBlocks), unless its
 * staleTime is "static" (constants, read once).
 */
export function useReads<T>(
  key: readonly unknown[],
  run: (client: Client) => Promise<T>,
  options: { enabled?: boolean; staleTime?: number | "static" } = {},
) {
  const client = useClient({ chainId: TARGET_CHAIN_ID });
  return useQuery({
    queryKey: readKey(TARGET_CHAIN_ID, ...key),
    // A query starts inside the effect that subscribes to it, at hydration all of them in one task; encoding the
    // calls and sending them in a later task each keeps that task short (TBT, docs/frontend-performance.md).
    queryFn: client
      ? async () => {
          await nextTask();
          return run(client);
        }
      : skipToken,
    enabled: options.enabled ?? true,
    staleTime: options.staleTime,
  });
}
