"use client";
import { useEffect } from "react";
import { useClient } from "wagmi";
import { useQueryClient } from "@tanstack/react-query";
import { TARGET_CHAIN_ID } from "@/config/chains";
import { documentVisibility, watchLiveBlocks } from "@/lib/liveBlocks";
import { setHeadBlock } from "@/lib/headBlock";

/**
 * Refetches every read (useReads) when a new block arrives, so figures update live. Polls once per block
 * time, and not at all while the tab is hidden (lib/liveBlocks.ts, docs/rpc-budget.md). The latest block goes to
 * lib/headBlock.ts.
 */
export function useLiveBlocks() {
  const queryClient = useQueryClient();
  const client = useClient({ chainId: TARGET_CHAIN_ID });
  useEffect(() => {
    if (!client) return;
    return watchLiveBlocks(client, queryClient, documentVisibility(document), setHeadBlock);
  }, [client, queryClient]);
}
