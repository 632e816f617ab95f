// Names what went wrong between the miner and its RPC endpoint, in the words an operator needs: throttled, the
// endpoint's server failing, no answer in time, the connection cut, or nobody listening. None of these says
// anything about the chain, so the miner keeps its solution and decides the outcome of a send from the chain.
import type { Failure } from "./failure";

interface TransportErrorLike {
  code?: string | number;
  message?: string;
  cause?: unknown;
  error?: unknown;
  info?: { responseStatus?: string; error?: unknown };
  response?: { statusCode?: number; headers?: Record<string, string> };
}

/** Every error in the chain of causes ethers, undici and Node wrap around the first one. */
function* causes(error: unknown): Generator<TransportErrorLike> {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const e = current as TransportErrorLike;
    yield e;
    current = e.cause ?? e.error ?? e.info?.error;
  }
}

/** HTTP status of a failed response (ethers SERVER_ERROR), with its Retry-After in milliseconds. */
function httpStatus(error: unknown): { status: number; statusText: string; retryAfterMs?: number } | null {
  for (const e of causes(error)) {
    const match = /^(\d{3})\s*(.*)$/.exec(e.info?.responseStatus ?? "");
    const status = e.response?.statusCode ?? (match ? Number(match[1]) : undefined);
    if (status && status >= 400) {
      const retryAfter = Number(e.response?.headers?.["retry-after"]);
      return {
        status,
        statusText: match?.[2] ?? "",
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
      };
    }
  }
  return null;
}

const has = (error: unknown, pattern: RegExp) =>
  [...causes(error)].some((e) => pattern.test(`${e.code ?? ""} ${e.message ?? ""}`));

/** The transport failure `error` is, or null when the endpoint answered (a revert, a JSON-RPC error). */
export function classifyRpcFailure(error: unknown): Failure | null {
  const http = httpStatus(error);
  if (http?.status === 429 || (!http && has(error, /rate limit|too many requests|-32005/i))) {
    return {
      name: "RpcRateLimited",
      action: "retry",
      transport: true,
      retryAfterMs: http?.retryAfterMs,
      message: "the RPC endpoint is rate-limiting this miner (HTTP 429)",
    };
  }
  if (http) {
    const text = `HTTP ${http.status}${http.statusText ? ` ${http.statusText}` : ""}`;
    return {
      name: "RpcHttpError",
      action: "retry",
      transport: true,
      message: `the RPC endpoint answered ${text} instead of a JSON-RPC reply (its server is failing)`,
    };
  }
  if (has(error, /\bTIMEOUT\b|timeout|timed out|ETIMEDOUT|UND_ERR_(HEADERS|BODY)_TIMEOUT/i)) {
    return {
      name: "RpcTimeout",
      action: "retry",
      transport: true,
      message: "the RPC endpoint did not answer in time",
    };
  }
  if (has(error, /ECONNRESET|EPIPE|socket hang up|other side closed|UND_ERR_SOCKET|terminated/i)) {
    return {
      name: "RpcConnectionLost",
      action: "retry",
      transport: true,
      message: "the connection to the RPC endpoint was cut before it answered",
    };
  }
  if (has(error, /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|fetch failed|NETWORK_ERROR/i)) {
    return {
      name: "RpcUnavailable",
      action: "retry",
      transport: true,
      message: "the RPC endpoint is unreachable (connection refused or no route)",
    };
  }
  if (has(error, /SERVER_ERROR|bad response|missing response|invalid JSON|not valid JSON/i)) {
    return {
      name: "RpcBadReply",
      action: "retry",
      transport: true,
      message: "the RPC endpoint sent a reply that is not JSON-RPC",
    };
  }
  return null;
}
