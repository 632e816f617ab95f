// The search loop every worker runs, whatever its host: searches the current job in batches and yields to the
// host's event loop between batches, so a new job (the challenge moved on) or `idle` replaces stale work within
// one batch. The host supplies how to post, how to yield and how to close.
import type { Searcher } from "./core";
import type { FromWorker, Job, ToWorker } from "./protocol";

export interface JobRunnerHost {
  post(message: FromWorker): void;
  /** Resolves after pending messages had a chance to arrive (setImmediate, setTimeout 0). */
  yieldToEvents(): Promise<void>;
  /** Ends the worker (on `exit`). */
  close(): void;
}

/** Returns the worker's message handler; posts `ready` at once. */
export function createJobRunner(searcher: Searcher, batch: number, host: JobRunnerHost): (message: ToWorker) => void {
  let job: Job | null = null;
  let nonce = 0n;
  let running = false;

  async function loop(): Promise<void> {
    running = true;
    while (job) {
      const current = job;
      const result = searcher.search(current.challenge, current.miner, current.target, nonce, batch);
      if (result.found) {
        host.post({
          type: "solution",
          jobId: current.id,
          nonce: result.nonce!,
          digest: result.digest!,
          hashes: result.hashes,
        });
        job = null; // the main thread submits it; the next challenge comes as a new job
        break;
      }
      nonce += BigInt(result.hashes);
      host.post({ type: "progress", jobId: current.id, hashes: result.hashes });
      await host.yieldToEvents();
    }
    running = false;
  }

  host.post({ type: "ready", kernel: searcher.kernel });
  return (message) => {
    if (message.type === "job") {
      job = message.job;
      nonce = message.job.startNonce;
      if (!running) void loop().catch((e: unknown) => host.post({ type: "error", message: String(e) }));
    } else if (message.type === "idle") {
      job = null;
    } else {
      job = null;
      host.close();
    }
  };
}
