// @numi/miner: what runs anywhere (browser Web Worker or Node): the search core, the job protocol, the worker
// loop and the expected work per solution. The Node-only CLI (worker_threads pool, miner loop) is @numi/miner/cli.
export * from "./core";
export * from "./protocol";
export { createJobRunner, type JobRunnerHost } from "./jobRunner";
