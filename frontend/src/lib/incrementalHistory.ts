// Event history read from the RPC in bounded ranges, kept between refreshes (@numi/history, docs/history.md).
// The first load reads the newest blocks back from the head within a budget; each refresh reads only the blocks
// that arrived since; "Load older" spends another budget further back. Nothing ever rescans from deployment.
import { emptyHistory, sync, type Fetch, type HistoryState } from "@numi/history";
import type { Client } from "viem";
import { getBlockNumber } from "viem/actions";
import { historyBudget } from "@/config/history";

export interface IncrementalHistory<T> {
  /** The items read so far, oldest first. */
  items: T[];
  /** The covered blocks [from, to]. */
  from: number;
  to: number;
  /** True once the covered blocks reach back to the deployment block. */
  complete: boolean;
  /** eth_getLogs ranges this read requested (refused ones included). */
  requests: number;
}

const states = new Map<string, HistoryState<unknown>>();
const running = new Map<string, Promise<unknown>>();

/** Runs reads of one history one at a time: two at once would each extend the same state and lose the other's. */
function serial<R>(key: string, run: () => Promise<R>): Promise<R> {
  const next = (running.get(key) ?? Promise.resolve()).catch(() => undefined).then(run);
  running.set(key, next);
  return next;
}

/**
 * Extends the history `key` up to the chain's head; with `older`, or on its first read, also back towards
 * `deploymentBlock` within the per-load budget.
 */
export function readIncrementally<T>(
  key: string,
  client: Client,
  deploymentBlock: number,
  fetch: Fetch<T>,
  { older = false }: { older?: boolean } = {},
): Promise<IncrementalHistory<T>> {
  return serial(key, async () => {
    const previous = (states.get(key) as HistoryState<T> | undefined) ?? emptyHistory<T>(historyBudget.maxRange);
    const latest = Number(await getBlockNumber(client));
    const backward = older || previous.from === null;
    const result = await sync(previous, latest, fetch, {
      // A refresh reads forward only: the backward scan stops where the history already starts.
      deploymentBlock: backward ? deploymentBlock : previous.from!,
      maxRange: historyBudget.maxRange,
      maxRequests: backward ? historyBudget.rangesPerLoad : historyBudget.rangesPerRefresh,
    });
    states.set(key, result.state as HistoryState<unknown>);
    const { items, from, to } = result.state;
    return { items, from: from!, to: to!, complete: from! <= deploymentBlock, requests: result.requests };
  });
}

/** Forgets every history read (tests; a chain switch keys its own histories anyway). */
export function forgetHistories(): void {
  states.clear();
  running.clear();
}
