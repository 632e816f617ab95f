/// <reference lib="webworker" />
// One mining thread: searches batches with the shared hashing core (scripts/miner/core, embedded WASM) and
// reports progress between batches, so a new challenge or a stop is picked up within one batch.
import { createSearcher } from "@numi/miner-core";
import type { WorkerIn, WorkerOut } from "@/features/mine/protocol";

declare const self: DedicatedWorkerGlobalScope;

const searcher = createSearcher();
let job: { challenge: string; miner: string; target: bigint; nonce: bigint; id: number } | undefined;
let running = false;
const BATCH = 20_000;

function post(msg: WorkerOut) {
  self.postMessage(msg);
}

function loop() {
  if (!running || !job) return;
  const started = performance.now();
  const r = searcher.search(job.challenge, job.miner, job.target, job.nonce, BATCH);
  job.nonce += BigInt(r.hashes);
  post({ type: "progress", hashes: r.hashes, ms: performance.now() - started, id: job.id });
  if (r.found && r.nonce !== undefined && r.digest) {
    running = false;
    post({ type: "found", nonce: r.nonce.toString(), digest: r.digest, challenge: job.challenge, id: job.id });
    return;
  }
  setTimeout(loop, 0); // let "stop" and new challenges in between batches
}

self.onmessage = (event: MessageEvent<WorkerIn>) => {
  const msg = event.data;
  if (msg.type === "stop") {
    running = false;
    return;
  }
  job = { challenge: msg.challenge, miner: msg.miner, target: BigInt(msg.target), nonce: BigInt(msg.startNonce), id: msg.id };
  if (!running) {
    running = true;
    setTimeout(loop, 0);
  }
};

post({ type: "ready", kernel: searcher.kernel });
