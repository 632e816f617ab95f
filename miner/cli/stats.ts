// What a miner run counts, shared by the miner loop, its status line and its summary.

export interface MinerStats {
  /** Hashes computed by all workers. */
  hashes: number;
  /** Solutions found (submitted or not). */
  solutions: number;
  /** Rewards minted by this miner's transactions, as the chain recorded them (receipt or Mint event). */
  rewards: number;
  /** The miner's part of those rewards, in wei. */
  rewardWei: bigint;
  /** Solutions found for a challenge that had already moved on, dropped (sent or not). */
  staleSolutions: number;
  /** Searches abandoned because a new challenge appeared. */
  abandonedJobs: number;
  /** Mint transactions of this miner that reverted on chain (gas spent for nothing; the simulation should prevent it). */
  revertedMints: number;
  /** Milliseconds from each solution found to its transaction accepted by the node. */
  broadcastMs: number[];
  /** Failures by name (custom error, RpcRateLimited, RpcTimeout, OutOfGas, ...). */
  failures: Record<string, number>;
}

export function emptyStats(): MinerStats {
  return {
    hashes: 0,
    solutions: 0,
    rewards: 0,
    rewardWei: 0n,
    staleSolutions: 0,
    abandonedJobs: 0,
    revertedMints: 0,
    broadcastMs: [],
    failures: {},
  };
}

/** The q-quantile (0..1) of `values` by the nearest-rank method, or null when there are none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** "p50 0.12 s, p95 0.40 s over 31" for the summary and the status line. */
export function broadcastLatency(stats: Pick<MinerStats, "broadcastMs">): string {
  const p50 = quantile(stats.broadcastMs, 0.5);
  const p95 = quantile(stats.broadcastMs, 0.95);
  if (p50 === null || p95 === null) return "no solution sent yet";
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return `p50 ${s(p50)}, p95 ${s(p95)} over ${stats.broadcastMs.length}`;
}
