// How the dApp reads history from the RPC when it has no indexer (docs/history.md): the widest eth_getLogs range
// and the requests a first load, a "Load older" and a per-block refresh may spend. NEXT_PUBLIC_* set at build time.
const positive = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export const historyBudget = {
  /** Blocks per eth_getLogs (default 2,000; halved on the RPC's refusal). */
  maxRange: positive(process.env.NEXT_PUBLIC_HISTORY_MAX_RANGE, 2_000),
  /** Ranges read on the first load and on each "Load older". */
  rangesPerLoad: positive(process.env.NEXT_PUBLIC_HISTORY_RANGES_PER_LOAD, 10),
  /** Ranges a per-block refresh may read forward (normally one: the new blocks). */
  rangesPerRefresh: 3,
} as const;
