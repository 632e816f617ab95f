// A search worker thread of the CLI: the shared job runner on Node's worker_threads.
import { parentPort, workerData } from "worker_threads";
import { createSearcher, KernelModule } from "../core";
import { createJobRunner } from "../jobRunner";
import type { ToWorker } from "../protocol";

/** Attempts per batch: ~20 ms at 3 M/s, the longest a worker keeps working on a stale challenge. */
export const BATCH = 1 << 16;

const port = parentPort;
if (!port) throw new Error("@numi/miner/cli/worker must run in a worker thread");
const { kernelModule, batch } = workerData as { kernelModule?: KernelModule; batch?: number };
const handle = createJobRunner(createSearcher(kernelModule ? { module: kernelModule } : {}), batch ?? BATCH, {
  post: (message) => port.postMessage(message),
  yieldToEvents: () => new Promise<void>((resolve) => setImmediate(resolve)),
  close: () => port.close(),
});
port.on("message", (message: ToWorker) => handle(message));
