// A search worker: runs the shared core on the jobs the main thread posts, in batches, yielding to the event
// loop between batches so a new job (the challenge moved on) replaces the stale one within one batch.
import { parentPort, workerData } from "worker_threads";
import { createSearcher, KernelModule } from "./core";
import type { FromWorker, Job, ToWorker } from "./protocol";

/** Attempts per batch: ~20 ms at 3 M/s, the longest a worker keeps working on a stale challenge. */
export const BATCH = 1 << 16;

const port = parentPort;
if (!port) throw new Error("scripts/miner/worker.ts must run in a worker thread");
const { kernelModule, batch } = workerData as { kernelModule?: KernelModule; batch?: number };
const searcher = createSearcher(kernelModule ? { module: kernelModule } : {});
const batchSize = batch ?? BATCH;

let job: Job | null = null;
let nonce = 0n;
let running = false;
let exiting = false;

const post = (message: FromWorker) => port.postMessage(message);
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

async function loop(): Promise<void> {
  running = true;
  while (job && !exiting) {
    const current = job;
    const result = searcher.search(current.challenge, current.miner, current.target, nonce, batchSize);
    if (result.found) {
      post({ type: "solution", jobId: current.id, nonce: result.nonce!, digest: result.digest!, hashes: result.hashes });
      job = null; // the main thread submits it; the next challenge comes as a new job
      break;
    }
    nonce += BigInt(result.hashes);
    post({ type: "progress", jobId: current.id, hashes: result.hashes });
    await yieldToEvents();
  }
  running = false;
}

port.on("message", (message: ToWorker) => {
  if (message.type === "job") {
    job = message.job;
    nonce = message.job.startNonce;
    if (!running) void loop().catch((e: unknown) => post({ type: "error", message: String(e) }));
  } else if (message.type === "idle") {
    job = null;
  } else {
    exiting = true;
    job = null;
    port.close();
  }
});

post({ type: "ready", kernel: searcher.kernel });
