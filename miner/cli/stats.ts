// What a miner run counts, shared by the miner loop and its status line.

export interface MinerStats {
  /** Hashes computed by all workers. */
  hashes: number;
  /** Solutions found (submitted or not). */
  solutions: number;
  /** Rewards minted by this miner's transactions. */
  rewards: number;
  /** The miner's part of those rewards, in wei. */
  rewardWei: bigint;
  /** Solutions found for a challenge that had already moved on, dropped. */
  staleSolutions: number;
  /** Searches abandoned because a new challenge appeared. */
  abandonedJobs: number;
  /** Failures by name (custom error or RpcUnavailable, OutOfGas, ...). */
  failures: Record<string, number>;
}
