// N search workers on one job at a time, each over its own nonce range. The pool reports progress (for the
// hash rate) and the first solution of the current job; results of replaced jobs are dropped, never mixed up.
import { EventEmitter } from "events";
import { Worker } from "worker_threads";
import { compileKernel } from "../core";
import { startNonces, type FromWorker, type Job, type ToWorker } from "../protocol";
import { workerScriptPath } from "./workerScript";

export interface Solution {
  jobId: number;
  challenge: string;
  miner: string;
  nonce: bigint;
  digest: string;
}

export interface WorkerPoolOptions {
  threads: number;
  /** Attempts per batch in each worker (default: the worker's BATCH). */
  batch?: number;
}

export class WorkerPool extends EventEmitter {
  private readonly workers: Worker[] = [];
  private job: Job | null = null;
  private nextJobId = 1;
  /** Hashes done since the pool started, over all jobs. */
  totalHashes = 0;
  kernel = "";

  private constructor() {
    super();
  }

  /** Starts the workers and resolves once each has compiled its kernel. */
  static async start(options: WorkerPoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool();
    const kernelModule = compileKernel(); // compiled once, shared by structured clone
    const script = workerScriptPath();
    const ready: Promise<void>[] = [];
    for (let i = 0; i < options.threads; i++) {
      const worker = new Worker(script, { workerData: { kernelModule, batch: options.batch } });
      ready.push(
        new Promise((resolve, reject) => {
          worker.once("error", reject);
          worker.once("message", (m: FromWorker) => {
            if (m.type === "ready") {
              pool.kernel = m.kernel;
              resolve();
            } else reject(new Error(`worker ${i} did not start: ${JSON.stringify(m)}`));
          });
        }),
      );
      pool.workers.push(worker);
    }
    await Promise.all(ready);
    pool.workers.forEach((worker) => {
      worker.on("message", (m: FromWorker) => pool.onMessage(m));
      worker.on("error", (e) => pool.emit("error", e));
    });
    return pool;
  }

  get threads(): number {
    return this.workers.length;
  }

  /** Replaces any current job: every worker drops its stale work and starts on this challenge. */
  startJob(challenge: string, miner: string, target: bigint): number {
    const nonces = startNonces(this.workers.length);
    const id = this.nextJobId++;
    this.job = { id, challenge, miner, target, startNonce: 0n };
    this.workers.forEach((worker, i) => {
      const job: Job = { ...this.job!, startNonce: nonces[i] };
      worker.postMessage({ type: "job", job } satisfies ToWorker);
    });
    return id;
  }

  /** Stops all searching (stale challenge, solution in hand, paused mining). */
  idle(): void {
    this.job = null;
    this.workers.forEach((worker) => worker.postMessage({ type: "idle" } satisfies ToWorker));
  }

  /** Ends the workers. */
  async stop(): Promise<void> {
    this.job = null;
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once("exit", () => resolve());
            worker.postMessage({ type: "exit" } satisfies ToWorker);
            setTimeout(() => void worker.terminate(), 2_000).unref();
          }),
      ),
    );
  }

  private onMessage(m: FromWorker): void {
    if (m.type === "progress" || m.type === "solution") this.totalHashes += m.hashes;
    if (m.type === "error") this.emit("error", new Error(m.message));
    if (m.type !== "solution" || !this.job || m.jobId !== this.job.id) return;
    const { challenge, miner } = this.job;
    this.idle(); // one solution per challenge is all the contract accepts
    this.emit("solution", { jobId: m.jobId, challenge, miner, nonce: m.nonce, digest: m.digest } satisfies Solution);
  }
}
