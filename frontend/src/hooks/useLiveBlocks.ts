"use client";
import { useEffect, useRef } from "react";
import { useBlockNumber } from "wagmi";
import { useQueryClient } from "@tanstack/react-query";
import { TARGET_CHAIN_ID } from "@/config/chains";
import { READ_KEY } from "@/lib/readKey";

/** Refetches every read (useReads) when a new block arrives, so figures update live. */
export function useLiveBlocks() {
  const queryClient = useQueryClient();
  const { data: block } = useBlockNumber({ watch: true, chainId: TARGET_CHAIN_ID });
  const seen = useRef<bigint | undefined>(undefined);
  useEffect(() => {
    // The first block number only tells us where we are: the reads that just loaded are already fresh.
    const previous = seen.current;
    seen.current = block;
    if (block === undefined || previous === undefined || block === previous) return;
    queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === READ_KEY,
    });
  }, [block, queryClient]);
  return block;
}
