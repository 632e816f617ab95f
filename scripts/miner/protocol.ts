// Messages between the miner's main thread and its search workers (worker_threads, structured clone).

/** One unit of work: a challenge for a miner at a target, from a start nonce owned by this worker. */
export interface Job {
  id: number;
  challenge: string;
  miner: string;
  target: bigint;
  startNonce: bigint;
}

export type ToWorker =
  | { type: "job"; job: Job }
  /** Stop searching (the job is stale or solved) and wait for the next job. */
  | { type: "idle" }
  | { type: "exit" };

export type FromWorker =
  | { type: "ready"; kernel: string }
  | { type: "progress"; jobId: number; hashes: number }
  | { type: "solution"; jobId: number; nonce: bigint; digest: string; hashes: number }
  | { type: "error"; message: string };
