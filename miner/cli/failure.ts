// What the miner decides about a failed read or submission, shared by the classifiers (failures.ts for the chain's
// answers, rpcFailures.ts for the endpoint's).

export type FailureAction =
  /** The challenge moved on (someone else's reward): drop the solution, mine the new challenge. */
  | "stale"
  /** Mining is paused: keep the solution, wait until governance resumes (the challenge does not change). */
  | "wait"
  /** Transient (RPC down, out of gas, funds, nonce race): keep the solution and retry after a pause. */
  | "retry"
  /** Nothing left to mine, or a configuration error: stop. */
  | "stop";

export interface Failure {
  /** Custom error name from the ABI, or a short code for non-revert failures. */
  name: string;
  action: FailureAction;
  /** One line for the operator: what happened and what the miner does about it. */
  message: string;
  /** The RPC endpoint failed, not the chain: nothing is known about the request's effect. */
  transport?: boolean;
  /** How long the endpoint asked us to wait (HTTP 429 Retry-After). */
  retryAfterMs?: number;
}
