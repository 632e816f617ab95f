// The one job protocol between a miner's main thread and its search workers: Node worker_threads (the CLI) and
// browser Web Workers (the dApp) speak it alike. Both clone bigint, so big numbers travel as they are.

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

/**
 * Start nonces for `workers` workers on one job: random(176 bits) << 80 | i << 64, so each worker owns a disjoint
 * 2^64 range, fresh for every job (two miners, or two jobs, never search the same nonces in practice).
 */
export function startNonces(workers: number): bigint[] {
  const bytes = new Uint8Array(22);
  globalThis.crypto.getRandomValues(bytes);
  let random = 0n;
  for (const b of bytes) random = (random << 8n) | BigInt(b);
  return Array.from({ length: workers }, (_, i) => (random << 80n) | (BigInt(i) << 64n));
}
