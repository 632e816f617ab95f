// The miner's connection to its RPC endpoint: every request bounded in time, and no silent retries inside the
// HTTP client (ethers retries an HTTP 429 on its own, up to 12 times, unseen), so the miner's own backoff
// decides and the operator hears about it.
import { FetchRequest, JsonRpcProvider, Network } from "ethers";

export interface RpcOptions {
  /** The longest wait for one HTTP request, in milliseconds (default 10 s). */
  timeoutMs?: number;
  /** The chain id the endpoint serves: known up front, so no start-up probe can fail or loop. */
  chainId: number | bigint;
}

export function connectRpc(url: string, options: RpcOptions): JsonRpcProvider {
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!(Number.isInteger(timeoutMs) && timeoutMs > 0))
    throw new Error(`the RPC timeout must be a positive whole number of milliseconds, got ${timeoutMs}`);
  const request = new FetchRequest(url);
  request.timeout = timeoutMs;
  request.retryFunc = async () => false;
  const network = Network.from(options.chainId);
  // Calls made together (the miner's preparation of a send) travel as one JSON-RPC batch. No response cache:
  // ethers reuses an answer for 250 ms by default, and a nonce or block number read twice must be fresh.
  return new JsonRpcProvider(request, network, { staticNetwork: network, batchStallTime: 5, cacheTimeout: -1 });
}
