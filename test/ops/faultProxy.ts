// A JSON-RPC proxy that misbehaves the way public endpoints do (issue #17), for fault tests of the long-running
// processes (the miner, the monitor). It forwards to an upstream HTTP node and can be switched at runtime:
//   none           forward everything
//   latency        wait `latencyMs` (default 2 s), then forward
//   rate-limit     HTTP 429 with Retry-After, as throttled public endpoints answer
//   http-5xx       HTTP 502 or 503 with an HTML body, as a load balancer in front of a dead node answers
//   reset          destroy the socket without answering
//   lost-reply     forward (the node DOES process the request), then destroy the socket instead of replying
//   hang           never answer
//   outage         refuse connections: the listener is closed until the mode changes
//   getlogs-range  eth_getLogs over more than 1,000 blocks gets JSON-RPC error -32602; the rest is forwarded
//   mix            each HTTP request meets one of rate-limit, http-5xx, reset or lost-reply
// `probability` (default 1) applies a mode to that share of HTTP requests only (0.5: half of them fail).
// Counts are JSON-RPC calls: a batch of three counts three.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type FaultMode =
  "none" | "latency" | "rate-limit" | "http-5xx" | "reset" | "lost-reply" | "hang" | "outage" | "getlogs-range" | "mix";

export interface FaultOptions {
  /** Share of HTTP requests the mode applies to, 0..1 (default 1). */
  probability?: number;
  /** Delay of the `latency` mode in milliseconds (default 2,000). */
  latencyMs?: number;
  /** Apply the mode only to HTTP requests carrying one of these methods (e.g. a lost eth_sendRawTransaction). */
  onlyMethods?: string[];
}

export interface RequestCounts {
  /** JSON-RPC calls received (each element of a batch counts). */
  total: number;
  byMethod: Record<string, number>;
}

export interface FaultProxy {
  url: string;
  setMode(mode: FaultMode, opts?: FaultOptions): void;
  requests(): RequestCounts;
  resetCounts(): void;
  close(): Promise<void>;
}

/** Blocks one eth_getLogs may span before the `getlogs-range` mode refuses it (Infura's and Alchemy's figure). */
export const GETLOGS_BLOCK_LIMIT = 1_000;
const MIXED_FAULTS: FaultMode[] = ["rate-limit", "http-5xx", "reset", "lost-reply"];
const HTML_5XX: Record<number, string> = {
  502: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
  503: "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n",
};

interface RpcCall {
  jsonrpc?: string;
  id?: number | string | null;
  method?: string;
  params?: unknown[];
}

const FAULT_MODES: FaultMode[] = [
  "none",
  "latency",
  "rate-limit",
  "http-5xx",
  "reset",
  "lost-reply",
  "hang",
  "outage",
  "getlogs-range",
  "mix",
];

export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  let mode: FaultMode = "none";
  let options: Required<FaultOptions> = { probability: 1, latencyMs: 2_000, onlyMethods: [] };
  let counts: RequestCounts = { total: 0, byMethod: {} };
  let fiveXx = 0; // alternates 502 and 503
  const sockets = new Set<Socket>();

  const post = async (body: string): Promise<{ status: number; text: string }> => {
    const response = await fetch(upstreamUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    return { status: response.status, text: await response.text() };
  };

  const blockNumber = async (tag: unknown): Promise<number> => {
    if (typeof tag === "string" && tag.startsWith("0x")) return Number(tag);
    if (tag === "earliest") return 0;
    const { text } = await post(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }));
    return Number((JSON.parse(text) as { result: string }).result);
  };

  /** The -32602 answer for an eth_getLogs over too many blocks, or null when the call may pass. */
  const refusedRange = async (call: RpcCall): Promise<object | null> => {
    if (call.method !== "eth_getLogs") return null;
    const [filter] = (call.params ?? [{}]) as [{ fromBlock?: string; toBlock?: string; blockHash?: string }];
    if (filter.blockHash) return null;
    const from = await blockNumber(filter.fromBlock ?? "latest");
    const to = await blockNumber(filter.toBlock ?? "latest");
    if (to - from + 1 <= GETLOGS_BLOCK_LIMIT) return null;
    const message = `exceed maximum block range: ${GETLOGS_BLOCK_LIMIT}`;
    return { jsonrpc: "2.0", id: call.id ?? null, error: { code: -32602, message } };
  };

  /** Forwards, answering refused eth_getLogs ranges itself when the mode asks for it. */
  const forward = async (raw: string, calls: RpcCall[], batch: boolean): Promise<{ status: number; text: string }> => {
    if (mode !== "getlogs-range") return post(raw);
    const refusals = await Promise.all(calls.map(refusedRange));
    if (refusals.every((r) => r === null)) return post(raw);
    const answers = await Promise.all(
      calls.map(async (call, i) => {
        if (refusals[i]) return refusals[i];
        return JSON.parse((await post(JSON.stringify(call))).text) as object;
      }),
    );
    return { status: 200, text: JSON.stringify(batch ? answers : answers[0]) };
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, raw: string) => {
    let calls: RpcCall[] = [];
    let batch = false;
    try {
      const parsed = JSON.parse(raw) as RpcCall | RpcCall[];
      batch = Array.isArray(parsed);
      calls = Array.isArray(parsed) ? parsed : [parsed];
    } catch {
      calls = [{ method: "(unparseable)" }];
    }
    for (const call of calls) {
      const method = call.method ?? "(none)";
      counts.total++;
      counts.byMethod[method] = (counts.byMethod[method] ?? 0) + 1;
    }
    let fault = mode;
    if (fault !== "getlogs-range" && Math.random() >= options.probability) fault = "none";
    if (options.onlyMethods.length > 0 && !calls.some((c) => options.onlyMethods.includes(c.method ?? "")))
      fault = "none";
    if (fault === "mix") fault = MIXED_FAULTS[Math.floor(Math.random() * MIXED_FAULTS.length)];
    switch (fault) {
      case "rate-limit":
        res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
        res.end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32005, message: "rate limit exceeded" } }));
        return;
      case "http-5xx": {
        const status = fiveXx++ % 2 === 0 ? 502 : 503;
        res.writeHead(status, { "content-type": "text/html" });
        res.end(HTML_5XX[status]);
        return;
      }
      case "reset":
        destroy(req.socket);
        return;
      case "hang": // the socket stays open until the client gives up, an outage or close()
        return;
      case "latency":
        await new Promise((r) => setTimeout(r, options.latencyMs));
        break;
      default:
        break;
    }
    let answer: { status: number; text: string };
    try {
      answer = await forward(raw, calls, batch);
    } catch (err) {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`upstream unreachable: ${(err as Error).message}`);
      return;
    }
    if (fault === "lost-reply") {
      destroy(req.socket);
      return;
    }
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(answer.text);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => void handle(req, res, Buffer.concat(chunks).toString("utf8")));
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  const dropConnections = () => {
    for (const socket of sockets) destroy(socket);
  };
  const stopListening = () =>
    new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  let listening: Promise<void> = Promise.resolve();

  return {
    url: `http://127.0.0.1:${port}`,
    setMode(next, opts = {}) {
      if (!FAULT_MODES.includes(next))
        throw new Error(`unknown fault mode "${String(next)}"; one of ${FAULT_MODES.join(", ")}`);
      const probability = opts.probability ?? 1;
      if (!(probability >= 0 && probability <= 1))
        throw new Error(`probability must be within 0..1, got ${probability}`);
      const latencyMs = opts.latencyMs ?? 2_000;
      if (!(latencyMs >= 0)) throw new Error(`latencyMs must be a non-negative number, got ${latencyMs}`);
      const wasOutage = mode === "outage";
      mode = next;
      options = { probability, latencyMs, onlyMethods: opts.onlyMethods ?? [] };
      if (next === "outage" && !wasOutage) {
        listening = listening.then(async () => {
          const closed = stopListening();
          dropConnections();
          await closed;
        });
      } else if (next !== "outage" && wasOutage) {
        listening = listening.then(
          () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve())),
        );
      }
    },
    requests: () => ({ total: counts.total, byMethod: { ...counts.byMethod } }),
    resetCounts() {
      counts = { total: 0, byMethod: {} };
    },
    async close() {
      await listening;
      const closed = stopListening();
      dropConnections();
      await closed;
    },
  };
}

/** Ends the connection abruptly: a TCP RST where Node supports it, as a crashed or overloaded peer would. */
function destroy(socket: Socket): void {
  const s = socket as Socket & { resetAndDestroy?: () => Socket };
  if (typeof s.resetAndDestroy === "function") s.resetAndDestroy();
  else s.destroy();
}
