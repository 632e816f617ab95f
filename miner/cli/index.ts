// @numi/miner/cli: the Node miner: a worker_threads pool over the shared core, and the loop that reads the
// mining state, searches, and submits each solution through an ethers contract.
export { runMiner, type MinerHooks, type MinerOptions } from "./miner";
export type { MiningContract, RawMiningState, SendableMethod } from "./contract";
export type { MinerStats } from "./stats";
export { WorkerPool, type Solution, type WorkerPoolOptions } from "./workerPool";
export { classifyFailure, type Failure } from "./failures";
export { readMiningState, type MiningState } from "./miningState";
export { formatRate, statusLine } from "./statusLine";
export { connectRpc, type RpcOptions } from "./rpc";
export { RpcHealth, backoffDelay, type BackoffOptions } from "./rpcHealth";
export { classifyRpcFailure } from "./rpcFailures";
export { broadcastLatency, quantile } from "./stats";
