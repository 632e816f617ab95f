"use client";
// The /analytics page's data: the indexer's epoch_stat rows over GraphQL, and its /analytics/* aggregates
// (docs/indexer.md). Refreshed every 30 s, not per block: TanStack Query skips interval refetches while the tab
// is hidden (refetchIntervalInBackground is false), so a background tab asks the indexer nothing.
import { useQuery } from "@tanstack/react-query";
import type { Client } from "viem";
import { TARGET_CHAIN_ID } from "@/config/chains";
import { contracts } from "@/config/contracts";
import { callView } from "@/lib/contractRead";
import { hasIndexer, indexerGet, indexerQuery } from "@/lib/indexer";
import { useReads } from "@/hooks/useReads";
import { parseEpochStats, type EpochStatItem, type MinersAnswer, type PoolAnswer } from "./series";

export const ANALYTICS_REFRESH_MS = 30_000;
/** Epochs charted: the latest ones, one GraphQL page (Ponder's limit). */
export const EPOCHS_SHOWN = 1000;
export const TOP_MINERS = 10;

const EPOCH_STATS = `query ($chainId: Int!, $limit: Int!) {
  epochStats(where: { chainId: $chainId }, orderBy: "epoch", orderDirection: "desc", limit: $limit) {
    items { epoch timestamp duration target difficulty expectedHashes hashRate supply }
  }
}`;

const options = { enabled: hasIndexer(), refetchInterval: ANALYTICS_REFRESH_MS, retry: 1 } as const;

export function useEpochStats() {
  return useQuery({
    ...options,
    queryKey: ["analytics", TARGET_CHAIN_ID, "epochStats"],
    queryFn: async ({ signal }) => {
      const data = await indexerQuery<{ epochStats: { items: EpochStatItem[] } }>(
        EPOCH_STATS,
        { chainId: TARGET_CHAIN_ID, limit: EPOCHS_SHOWN },
        signal,
      );
      return parseEpochStats(data.epochStats.items);
    },
  });
}

export function useTopMiners() {
  return useQuery({
    ...options,
    queryKey: ["analytics", TARGET_CHAIN_ID, "miners"],
    queryFn: ({ signal }) =>
      indexerGet<MinersAnswer>(`/analytics/miners?chainId=${TARGET_CHAIN_ID}&limit=${TOP_MINERS}`, signal),
  });
}

export function usePoolHistory() {
  return useQuery({
    ...options,
    queryKey: ["analytics", TARGET_CHAIN_ID, "pool"],
    queryFn: ({ signal }) => indexerGet<PoolAnswer>(`/analytics/pool?chainId=${TARGET_CHAIN_ID}`, signal),
  });
}

async function readTargetEpochTime(client: Client) {
  return callView(client, { ...contracts().numi, functionName: "targetEpochTime" });
}

/** The epoch time the difficulty aims for (an immutable of NumiCoin), read once from the chain. */
export function useTargetEpochTime() {
  return useReads(["targetEpochTime"], readTargetEpochTime, { staleTime: "static" });
}
