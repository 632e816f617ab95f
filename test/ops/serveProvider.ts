// Serves an EIP-1193 provider (the in-process Hardhat network) as an HTTP JSON-RPC endpoint on a free port, so
// clients that only speak HTTP (ethers' JsonRpcProvider, the fault proxy) can reach the in-process chain.
import http from "node:http";
import type { AddressInfo } from "node:net";

interface Eip1193 {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

interface RpcRequest {
  id: number | string | null;
  method: string;
  params?: unknown[];
}

export interface ProviderServer {
  url: string;
  close(): Promise<void>;
}

async function answer(provider: Eip1193, req: RpcRequest) {
  try {
    return { jsonrpc: "2.0", id: req.id, result: await provider.request({ method: req.method, params: req.params }) };
  } catch (err) {
    const e = err as { code?: number; message?: string; data?: unknown };
    return { jsonrpc: "2.0", id: req.id, error: { code: e.code ?? -32603, message: e.message, data: e.data } };
  }
}

export async function serveProvider(provider: Eip1193): Promise<ProviderServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body: RpcRequest | RpcRequest[];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as RpcRequest | RpcRequest[];
      } catch {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "parse error" } }));
        return;
      }
      const reply = Array.isArray(body) ? Promise.all(body.map((r) => answer(provider, r))) : answer(provider, body);
      void reply.then((r) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(r));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
