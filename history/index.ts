// @numi/history: reads event logs through RPCs that refuse large eth_getLogs ranges (Infura and QuickNode
// 10,000 blocks, Alchemy's free tier 500), in bounded ranges and incrementally. The caller supplies the fetch
// (one eth_getLogs over [fromBlock, toBlock]) and keeps the state between calls; a sync reads the new blocks
// after what it covers first, then, with the requests left in its budget, older blocks before it, newest first,
// down to the deployment block. Recent history comes first and a long chain never costs a full rescan.

/** What has been read: the contiguous interval [from, to] of blocks and their items, oldest first. */
export interface HistoryState<T> {
  /** First block covered, or null before the first sync. */
  from: number | null;
  /** Last block covered, or null before the first sync. */
  to: number | null;
  /** The items of the covered blocks in chain order (all of them, or the last `keepLast`). */
  items: T[];
  /** The largest range (in blocks) the RPC accepted so far: the next requests start from it. */
  range: number;
}

export interface SyncOptions {
  /** The block the contract was deployed in: the backward scan stops there. */
  deploymentBlock: number;
  /** The largest range one request may cover, in blocks. Default 2,000. */
  maxRange?: number;
  /** The most requests (refused ones included) one sync may make. Default 25. */
  maxRequests?: number;
  /** Keep only the last N items and stop reading backward once N are known (e.g. the last 21 rewards). */
  keepLast?: number;
}

export interface SyncResult<T> {
  state: HistoryState<T>;
  /** Requests made by this sync, refused ones included. */
  requests: number;
  /** Refusals that made it halve the range. */
  refused: number;
  /** True while the covered interval does not reach from the deployment block to the latest block. */
  partial: boolean;
}

/** Fetches the items of the blocks [fromBlock, toBlock] (both included), in chain order. */
export type Fetch<T> = (fromBlock: number, toBlock: number) => Promise<T[]>;

export const DEFAULT_MAX_RANGE = 2_000;
export const DEFAULT_MAX_REQUESTS = 25;

/** The state before anything has been read. */
export function emptyHistory<T>(maxRange = DEFAULT_MAX_RANGE): HistoryState<T> {
  return { from: null, to: null, items: [], range: maxRange };
}

/** A fetch failed for another reason than the range, or the RPC refused even a single block. */
export class HistoryError extends Error {
  constructor(
    message: string,
    readonly fromBlock: number,
    readonly toBlock: number,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = "HistoryError";
  }
}

/** Rate limits share -32005 and words like "exceeded" with range refusals, but a smaller range does not help. */
const RATE_LIMIT = /rate.?limit|too many requests|requests? per (second|minute|day)|daily request|credits|capacity/i;
/** Refusals recognised by their wording alone, whatever the code (or when a wrapper lost it). */
const RANGE_MESSAGES = [
  /query returned more than \d+ results/i, // geth, Infura, most geth-based RPCs
  /log response size exceeded/i, // Alchemy
  /up to a \S+ block range/i, // Alchemy: "you can make eth_getLogs requests with up to a 500 block range"
  /eth_getLogs is limited to/i, // QuickNode: "eth_getLogs is limited to a 10,000 range"
  /block range (is )?(too large|too wide|exceeds|limit)/i, // Ankr, Cloudflare, Base and others
  /(exceed|exceeds|exceeded) (the )?max(imum)? block range/i, // BSC, Erigon: "exceed maximum block range: 5000"
  /requested too many blocks/i, // Nethermind, Blast: "requested too many blocks from 0 to 20000, maximum is 2048"
  /query (timeout|exceeds)/i, // geth "query timeout exceeded", OP "query exceeds max block range"
  /range (is )?too (large|big|wide)/i,
  /too many (blocks|logs|results)/i,
];
/** Codes that carry a range refusal (EIP-1474 limit exceeded, invalid params, server error) with range wording. */
const RANGE_CODES = new Set([-32005, -32602, -32000, -32600, -32614, 35]);
const RANGE_WORDING = /range|limit|too many|too large|exceed|more than|results|response size/i;

/** The messages and codes of an error and of everything it wraps (ethers' error/info, cause, data). */
function collect(err: unknown, depth = 0, out: { messages: string[]; codes: number[] } = { messages: [], codes: [] }) {
  if (depth > 6 || err === null || err === undefined) return out;
  if (typeof err === "string") {
    out.messages.push(err);
    // A JSON-RPC error body that arrived as text: {"code":-32005,"message":"..."}
    if (err.trimStart().startsWith("{")) {
      try {
        collect(JSON.parse(err), depth + 1, out);
      } catch {
        /* not JSON */
      }
    }
    return out;
  }
  if (typeof err !== "object") return out;
  const e = err as Record<string, unknown>;
  if (typeof e.message === "string") out.messages.push(e.message);
  if (typeof e.shortMessage === "string") out.messages.push(e.shortMessage);
  if (typeof e.details === "string") out.messages.push(e.details);
  if (typeof e.code === "number") out.codes.push(e.code);
  for (const key of ["error", "cause", "info", "data", "body", "responseBody"]) collect(e[key], depth + 1, out);
  return out;
}

/**
 * True when the RPC refused the request because of its block range or the size of its answer, so that a smaller
 * range may succeed: the wording of geth, Infura, Alchemy, QuickNode, Ankr, Nethermind, Erigon and others, or a
 * JSON-RPC code -32005/-32602/-32000 (and kin) with range/limit wording. Rate limits are not range refusals.
 */
export function isRangeError(err: unknown): boolean {
  const { messages, codes } = collect(err);
  const text = messages.join("\n");
  if (RATE_LIMIT.test(text)) return false;
  if (RANGE_MESSAGES.some((re) => re.test(text))) return true;
  return codes.some((c) => RANGE_CODES.has(c)) && RANGE_WORDING.test(text);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Reads what the state does not cover yet, within a budget of requests: first the new blocks after `to` up to
 * `latestBlock` (forward), then blocks before `from` down to the deployment block (backward, newest first).
 * When the RPC refuses a range it halves it (down to 1 block) and retries, and the state remembers the range
 * accepted. Any other error is thrown as a HistoryError whose cause is the original. The state passed in is not
 * modified; the result holds the new one.
 */
export async function sync<T>(
  previous: HistoryState<T>,
  latestBlock: number,
  fetch: Fetch<T>,
  options: SyncOptions,
): Promise<SyncResult<T>> {
  const maxRange = Math.max(1, Math.floor(options.maxRange ?? DEFAULT_MAX_RANGE));
  const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
  const deploymentBlock = options.deploymentBlock;
  const keepLast = options.keepLast;
  // Before the first sync, the covered interval is the empty one just after the latest block.
  let from = previous.from ?? latestBlock + 1;
  let to = previous.to ?? latestBlock;
  let range = Math.max(1, Math.min(previous.range, maxRange));
  let items = [...previous.items];
  let requests = 0;
  let refused = 0;

  /** Reads [start, end] if the RPC accepts it, else halves the range and returns null. */
  const attempt = async (start: number, end: number): Promise<T[] | null> => {
    requests++;
    try {
      return await fetch(start, end);
    } catch (err) {
      const tooLarge = isRangeError(err);
      if (tooLarge && range > 1) {
        refused++;
        range = Math.max(1, Math.floor((end - start + 1) / 2));
        return null;
      }
      const why = tooLarge ? "was refused even for a single block" : "failed";
      throw new HistoryError(`eth_getLogs over blocks ${start}..${end} ${why}: ${describe(err)}`, start, end, {
        cause: err,
      });
    }
  };

  // Forward: the new blocks, oldest first, so the covered interval stays contiguous.
  while (to < latestBlock && requests < maxRequests) {
    const end = Math.min(latestBlock, to + range);
    const read = await attempt(to + 1, end);
    if (read === null) continue;
    items.push(...read);
    to = end;
  }
  // Backward: older blocks, newest first, until the deployment block or enough items.
  const enough = () => keepLast !== undefined && items.length >= keepLast;
  while (from > deploymentBlock && requests < maxRequests && !enough()) {
    const start = Math.max(deploymentBlock, from - range);
    const read = await attempt(start, from - 1);
    if (read === null) continue;
    items.unshift(...read);
    from = start;
  }
  if (keepLast !== undefined && items.length > keepLast) items = items.slice(-keepLast);

  const partial = from > deploymentBlock || to < latestBlock;
  return { state: { from, to, items, range }, requests, refused, partial };
}
