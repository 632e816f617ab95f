/// <reference lib="webworker" />
// One mining thread of the Mine page: the miner's shared job runner (@numi/miner) in a Web Worker. It yields
// between batches, so a new challenge or `idle` is picked up within one batch.
import { createJobRunner, createSearcher, type ToWorker } from "@numi/miner";

declare const self: DedicatedWorkerGlobalScope;

const BATCH = 20_000;

const handle = createJobRunner(createSearcher(), BATCH, {
  post: (message) => self.postMessage(message),
  yieldToEvents: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
  close: () => self.close(),
});
self.onmessage = (event: MessageEvent<ToWorker>) => handle(event.data);
