// The per-block refresh behind useLiveBlocks, kept free of React so tests can drive it with fake timers
// (tests/unit/rpcBudget.test.ts). Budget and figures: docs/rpc-budget.md.
import type { Client } from "viem";
import { watchBlockNumber } from "viem/actions";
import type { QueryClient } from "@tanstack/react-query";
import { READ_KEY } from "./readKey";

/** Whether the tab is hidden, and a way to hear when that changes. */
export interface Visibility {
  hidden(): boolean;
  subscribe(onChange: () => void): () => void;
}

/** The page's visibility (document.visibilityState). */
export function documentVisibility(doc: Document): Visibility {
  return {
    hidden: () => doc.visibilityState === "hidden",
    subscribe(onChange) {
      doc.addEventListener("visibilitychange", onChange);
      return () => doc.removeEventListener("visibilitychange", onChange);
    },
  };
}

/**
 * Polls the block number at the client's pollingInterval (one block time) while the tab is visible, and
 * refetches every read (queries keyed by READ_KEY) when a new block arrives. A hidden tab sends nothing; when
 * it shows again, the block number is read at once, and the reads refresh if the chain moved meanwhile.
 * Returns the function that stops it.
 */
export function watchLiveBlocks(
  client: Client,
  queryClient: QueryClient,
  visibility?: Visibility,
  onBlock?: (block: bigint) => void,
): () => void {
  let seen: bigint | undefined;
  let unwatch: (() => void) | undefined;
  const onBlockNumber = (block: bigint) => {
    // The first block number only tells us where we are: the reads that just loaded are already fresh.
    const previous = seen;
    seen = block;
    onBlock?.(block);
    if (previous === undefined || block === previous) return;
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === READ_KEY });
  };
  const start = () => {
    unwatch ??= watchBlockNumber(client, {
      emitOnBegin: true,
      // Polling once per block may skip one; a single refresh at the latest block is all the reads need.
      emitMissed: false,
      onBlockNumber,
      // A failed poll is retried at the next interval; the reads report their own errors.
      onError: () => {},
    });
  };
  const stop = () => {
    unwatch?.();
    unwatch = undefined;
  };
  const follow = () => (visibility?.hidden() ? stop() : start());
  follow();
  const unsubscribe = visibility?.subscribe(follow);
  return () => {
    unsubscribe?.();
    stop();
  };
}
