// The chain's latest block as the live-block watcher last saw it (hooks/useLiveBlocks.ts), for pages that compare
// it with how far the indexer has got. Costs no request: the watcher polls anyway.
import { useSyncExternalStore } from "react";

let head: bigint | undefined;
const listeners = new Set<() => void>();

export function setHeadBlock(block: bigint): void {
  if (block === head) return;
  head = block;
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The latest block seen, or undefined before the first poll. */
export function useHeadBlock(): bigint | undefined {
  return useSyncExternalStore(
    subscribe,
    () => head,
    () => undefined,
  );
}
