// A JSON-RPC provider for long-running operations tools: every HTTP request has a timeout, failures are retried with
// exponential backoff and full jitter, each failure is classified (timeout, 429, 5xx, reset, unreachable) and
// reported to a callback, and requests are counted by method. It speaks to one URL with a static network, so it
// never sends the eth_chainId / hardhat_metadata probes Hardhat's provider adds to every report.
import { JsonRpcProvider, Network, type JsonRpcPayload, type JsonRpcResult } from "ethers";

/** Why a request failed; the `kind` label of numi_rpc_errors_total. */
export type RpcFaultKind =
  "timeout" | "rate_limited" | "http_5xx" | "reset" | "unreachable" | "range_refused" | "rpc_error";

export const RPC_FAULT_KINDS: readonly RpcFaultKind[] = [
  "timeout",
  "rate_limited",
  "http_5xx",
  "reset",
  "unreachable",
  "range_refused",
  "rpc_error",
];

/** A request that failed at the transport (or was refused as a whole): what happened, in plain words. */
export class RpcFault extends Error {
  constructor(
    readonly kind: RpcFaultKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "RpcFault";
  }
}

export interface BoundedRpcOptions {
  /** Milliseconds one HTTP request may take, answer included. Default 10,000. */
  timeoutMs?: number;
  /** Attempts per request, the first included. Default 4. */
  attempts?: number;
  /** First backoff in milliseconds; doubles per attempt (capped at 8 s), each wait drawn in [base/2, base]. */
  backoffMs?: number;
  /** Called on every failed attempt, retried or not. */
  onFault?: (fault: RpcFault) => void;
}

export interface RequestCounts {
  /** JSON-RPC calls (a batch of 5 counts 5), attempts included. */
  total: number;
  /** HTTP requests sent. */
  http: number;
  byMethod: Record<string, number>;
}

const RATE_LIMIT_WORDING = /rate.?limit|too many requests|exceeded .*(quota|capacity)|credits/i;
const MAX_BACKOFF_MS = 8_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The error's code and the codes of what it wraps (undici puts the socket's code on `cause`). */
function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  for (let e = err as { code?: unknown; cause?: unknown; name?: unknown } | undefined, i = 0; e && i < 5; i++) {
    if (typeof e.code === "string") codes.push(e.code);
    if (typeof e.name === "string") codes.push(e.name);
    e = e.cause as typeof e;
  }
  return codes;
}

/** A fetch() rejection as a fault: what the network did, in words an operator understands. */
export function transportFault(err: unknown, url: string, timeoutMs: number): RpcFault {
  const codes = codesOf(err);
  const has = (...names: string[]) => names.some((n) => codes.includes(n));
  if (has("TimeoutError", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"))
    return new RpcFault("timeout", `${url} did not answer within ${timeoutMs / 1000} s`, { cause: err });
  if (has("ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"))
    return new RpcFault("unreachable", `cannot connect to ${url} (${codes.find((c) => c.startsWith("E"))})`, {
      cause: err,
    });
  if (has("ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"))
    return new RpcFault("reset", `${url} closed the connection before answering`, { cause: err });
  const detail = err instanceof Error ? err.message : String(err);
  return new RpcFault("rpc_error", `request to ${url} failed: ${detail}`, { cause: err });
}

/** An HTTP answer that is not a JSON-RPC reply, as a fault. */
function httpFault(status: number, url: string): RpcFault {
  if (status === 429) return new RpcFault("rate_limited", `${url} is rate-limiting requests (HTTP 429)`);
  if (status >= 500) return new RpcFault("http_5xx", `${url} answered with a server error (HTTP ${status})`);
  return new RpcFault("rpc_error", `${url} answered HTTP ${status}`);
}

/** The fault a failure carries, looking through the wrappers ethers, Contract and @numi/history add. */
export function faultOf(err: unknown): RpcFault | undefined {
  for (let e = err as { cause?: unknown; error?: unknown } | undefined, i = 0; e && i < 8; i++) {
    if (e instanceof RpcFault) return e;
    e = (e.cause ?? e.error) as typeof e;
  }
  return undefined;
}

export class BoundedRpcProvider extends JsonRpcProvider {
  readonly url: string;
  readonly counts: RequestCounts = { total: 0, http: 0, byMethod: {} };
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly onFault?: (fault: RpcFault) => void;

  constructor(url: string, chainId: number | bigint, options: BoundedRpcOptions = {}) {
    super(url, Network.from(chainId), { staticNetwork: Network.from(chainId), batchMaxCount: 50 });
    this.url = url;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.attempts = Math.max(1, options.attempts ?? 4);
    this.backoffMs = options.backoffMs ?? 500;
    this.onFault = options.onFault;
  }

  resetCounts(): void {
    Object.assign(this.counts, { total: 0, http: 0, byMethod: {} });
  }

  /** Sends one HTTP request (a call or a batch) and retries it on transport faults and rate limits. */
  override async _send(payload: JsonRpcPayload | JsonRpcPayload[]): Promise<JsonRpcResult[]> {
    const calls = Array.isArray(payload) ? payload : [payload];
    for (let attempt = 1; ; attempt++) {
      this.counts.http++;
      this.counts.total += calls.length;
      for (const c of calls) this.counts.byMethod[c.method] = (this.counts.byMethod[c.method] ?? 0) + 1;
      try {
        return await this.sendOnce(payload);
      } catch (err) {
        const fault = err instanceof RpcFault ? err : transportFault(err, this.url, this.timeoutMs);
        this.onFault?.(fault);
        if (attempt >= this.attempts) throw fault;
        const ceiling = Math.min(MAX_BACKOFF_MS, this.backoffMs * 2 ** (attempt - 1));
        await sleep(ceiling / 2 + Math.random() * (ceiling / 2));
      }
    }
  }

  private async sendOnce(payload: JsonRpcPayload | JsonRpcPayload[]): Promise<JsonRpcResult[]> {
    const response = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw httpFault(response.status, this.url);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new RpcFault("rpc_error", `${this.url} answered something that is not JSON: ${text.slice(0, 80)}`);
    }
    const results = (Array.isArray(body) ? body : [body]) as JsonRpcResult[];
    const errors = results.map((r) => (r as { error?: { code?: number; message?: string } }).error);
    const limited = errors.find((e) => e && (e.code === 429 || RATE_LIMIT_WORDING.test(String(e.message))));
    if (limited) throw new RpcFault("rate_limited", `${this.url} is rate-limiting requests: ${limited.message}`);
    return results;
  }
}
