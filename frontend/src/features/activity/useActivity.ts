"use client";
// Where the Activity page's rows come from: the indexer, paged on the server; or, without one (or while it cannot
// be reached), the RPC's logs read incrementally in bounded ranges, paged here. The page says which, and why.
import { useCallback, useEffect, useState } from "react";
import type { Abi, Address } from "viem";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useClient } from "wagmi";
import { TARGET_CHAIN_ID } from "@/config/chains";
import { contracts } from "@/config/contracts";
import { allAbis } from "@/config/allAbis";
import { readIncrementally } from "@/lib/incrementalHistory";
import { readKey } from "@/lib/readKey";
import { useIndexerQuery } from "@/hooks/useIndexerQuery";
import { describeError } from "@/lib/errors";
import type { ActivityEntry } from "./activityEntry";
import { indexedActivity, PAGE } from "./fromIndexer";
import { readAccountLogs, withTimes } from "./fromLogs";

export type ActivitySource =
  | { kind: "indexer" }
  /** `reason`: why not the indexer; `from`/`to`: the blocks read; `complete`: back to the deployment block. */
  | { kind: "rpc"; reason: string; from: number; to: number; complete: boolean };

export interface ActivityView {
  entries: ActivityEntry[];
  total: number;
  page: number;
  pages: number;
  source?: ActivitySource;
  loading: boolean;
  error?: string;
  newer?: () => void;
  older?: () => void;
  /** RPC history only: read further back than the first load did. */
  loadOlder?: () => Promise<void>;
  retry: () => void;
}

const EVENTS_ABI = allAbis.flat() as Abi;

export function useActivity(account: Address | undefined): ActivityView {
  const client = useClient({ chainId: TARGET_CHAIN_ID });
  const queryClient = useQueryClient();
  const [cursor, setCursor] = useState<{ after?: string; before?: string }>({});
  const [page, setPage] = useState(0);
  useEffect(() => {
    setCursor({});
    setPage(0);
  }, [account]);

  const {
    query: indexed,
    problem: indexerProblem,
    otherError,
    retryIndexer,
  } = useIndexerQuery(
    ["activity", account, cursor],
    (signal) => indexedActivity(TARGET_CHAIN_ID, account!, cursor, signal),
    !!account,
  );

  const { numi, pool, governorAddress, fromBlock } = contracts();
  const at = { token: numi.address, pool: pool.address, governor: governorAddress };
  const historyKey = `activity-${TARGET_CHAIN_ID}-${account?.toLowerCase()}`;
  const read = useCallback(
    (older: boolean) =>
      readIncrementally(
        historyKey,
        client!,
        Number(fromBlock),
        (from, to) => readAccountLogs(client!, account!, at, EVENTS_ABI, from, to),
        { older },
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, account, historyKey],
  );
  const fromRpc = useQuery({
    queryKey: readKey(TARGET_CHAIN_ID, "activity", "rpc", account),
    queryFn: () => read(false),
    enabled: !!account && !!client && !!indexerProblem,
  });
  const rpcRows = [...(fromRpc.data?.items ?? [])].reverse();
  const shown = rpcRows.slice(page * PAGE, page * PAGE + PAGE);
  const times = useQuery({
    queryKey: readKey(TARGET_CHAIN_ID, "activity", "times", shown.map((e) => e.id).join()),
    queryFn: () => withTimes(client!, shown),
    enabled: !!client && !!indexerProblem && shown.length > 0,
    staleTime: Infinity,
  });

  if (!indexerProblem) {
    const data = indexed.data;
    const total = data?.total ?? 0;
    return {
      entries: data?.entries ?? [],
      total,
      page,
      pages: Math.max(1, Math.ceil(total / PAGE)),
      source: { kind: "indexer" },
      loading: indexed.isLoading,
      error: otherError ? describeError(otherError).message : undefined,
      older: data?.older
        ? () => {
            setCursor({ after: data.older });
            setPage(page + 1);
          }
        : undefined,
      newer:
        page > 0 && data?.newer
          ? () => {
              setCursor(page === 1 ? {} : { before: data.newer });
              setPage(page - 1);
            }
          : undefined,
      retry: () => void indexed.refetch(),
    };
  }

  const h = fromRpc.data;
  const pages = Math.max(1, Math.ceil(rpcRows.length / PAGE));
  return {
    entries: times.data ?? shown,
    total: rpcRows.length,
    page,
    pages,
    source: h && { kind: "rpc", reason: indexerProblem, from: h.from, to: h.to, complete: h.complete },
    loading: fromRpc.isLoading,
    error: fromRpc.isError ? describeError(fromRpc.error).message : undefined,
    older: page + 1 < pages ? () => setPage(page + 1) : undefined,
    newer: page > 0 ? () => setPage(page - 1) : undefined,
    loadOlder:
      h && !h.complete
        ? async () => {
            const next = await read(true);
            queryClient.setQueryData(readKey(TARGET_CHAIN_ID, "activity", "rpc", account), next);
          }
        : undefined,
    retry: () => {
      retryIndexer();
      void fromRpc.refetch();
    },
  };
}
