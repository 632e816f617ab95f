"use client";
// A query to the indexer that knows when to give up on it: the first IndexerError (unreachable, timeout, HTTP
// error, refused query) sets `problem`, which callers show and use to switch to their RPC fallback; `retryIndexer`
// tries the indexer again. While the indexer is behind the chain's head, the query asks again until it catches up.
import { useEffect, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { TARGET_CHAIN_ID } from "@/config/chains";
import { useHeadBlock } from "@/lib/headBlock";
import { catchUpInterval, hasIndexer, IndexerError } from "@/lib/indexer";
import { readKey } from "@/lib/readKey";

const NO_INDEXER = "This build of the dApp has no indexer configured.";

export function useIndexerQuery<T extends { indexedBlock?: number }>(
  key: readonly unknown[],
  run: (signal: AbortSignal) => Promise<T>,
  enabled = true,
) {
  const head = useHeadBlock();
  const [problem, setProblem] = useState<string | undefined>(hasIndexer() ? undefined : NO_INDEXER);
  const query = useQuery({
    queryKey: readKey(TARGET_CHAIN_ID, ...key, "indexer"),
    queryFn: ({ signal }) => run(signal),
    enabled: enabled && !problem,
    placeholderData: keepPreviousData,
    retry: 1,
    refetchInterval: (q) => catchUpInterval(q.state.data?.indexedBlock, head),
  });
  useEffect(() => {
    if (query.error instanceof IndexerError) setProblem(query.error.message);
  }, [query.error]);
  return {
    query,
    problem,
    /** An error that is not the indexer's (those set `problem` instead). */
    otherError: query.isError && !(query.error instanceof IndexerError) ? query.error : null,
    retryIndexer: () => {
      if (hasIndexer()) setProblem(undefined);
    },
  };
}
