// The fault proxy itself: each mode misbehaves as documented, the requests still reach the chain when the mode
// says so (lost-reply), the listener comes back after an outage, and calls are counted by method.
import { expect } from "chai";
import { network } from "hardhat";
import { startFaultProxy, GETLOGS_BLOCK_LIMIT, type FaultProxy } from "./faultProxy";
import { serveProvider, type ProviderServer } from "./serveProvider";

interface RpcAnswer {
  result?: unknown;
  error?: { code: number; message: string };
}

async function rpc(url: string, method: string, params: unknown[] = [], timeoutMs = 5_000) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const blockNumber = async () => Number(await network.provider.request({ method: "eth_blockNumber" }));
/** The low-level reason a fetch failed (undici wraps it in "fetch failed"). */
const failureOf = (url: string, method: string, timeoutMs?: number) =>
  rpc(url, method, [], timeoutMs).then(
    () => "answered",
    (e: Error & { cause?: { code?: string; message?: string } }) => e.cause?.code ?? e.cause?.message ?? e.name,
  );

describe("fault-injecting JSON-RPC proxy", function () {
  this.timeout(30_000);
  let upstream: ProviderServer;
  let proxy: FaultProxy;
  let snapshot: unknown; // the blocks these tests mine are gone for the tests after them

  beforeEach(async () => {
    snapshot = await network.provider.request({ method: "evm_snapshot" });
    upstream = await serveProvider(network.provider);
    proxy = await startFaultProxy(upstream.url);
  });
  afterEach(async () => {
    await proxy.close();
    await upstream.close();
    await network.provider.request({ method: "evm_revert", params: [snapshot] });
  });

  it("none: forwards single calls and batches, counting JSON-RPC calls by method", async () => {
    const single = JSON.parse((await rpc(proxy.url, "eth_blockNumber")).text) as RpcAnswer;
    expect(Number(single.result)).to.equal(await blockNumber());
    const response = await fetch(proxy.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([
        { jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] },
        { jsonrpc: "2.0", id: 2, method: "eth_blockNumber", params: [] },
      ]),
    });
    const batch = (await response.json()) as RpcAnswer[];
    expect(batch.map((a) => a.result)).to.have.length(2);
    expect(Number(batch[0].result)).to.equal(31_337);
    expect(proxy.requests()).to.deep.equal({ total: 3, byMethod: { eth_blockNumber: 2, eth_chainId: 1 } });
    proxy.resetCounts();
    expect(proxy.requests()).to.deep.equal({ total: 0, byMethod: {} });
  });

  it("latency: answers correctly after the delay", async () => {
    proxy.setMode("latency", { latencyMs: 400 });
    const start = Date.now();
    const answer = JSON.parse((await rpc(proxy.url, "eth_chainId")).text) as RpcAnswer;
    expect(Date.now() - start).to.be.at.least(390);
    expect(Number(answer.result)).to.equal(31_337);
  });

  it("rate-limit: HTTP 429 with Retry-After", async () => {
    proxy.setMode("rate-limit");
    const { status, headers } = await rpc(proxy.url, "eth_chainId");
    expect(status).to.equal(429);
    expect(headers.get("retry-after")).to.equal("1");
  });

  it("http-5xx: 502 then 503, each with an HTML body", async () => {
    proxy.setMode("http-5xx");
    const first = await rpc(proxy.url, "eth_chainId");
    const second = await rpc(proxy.url, "eth_chainId");
    expect([first.status, second.status]).to.deep.equal([502, 503]);
    expect(first.text).to.include("<html>");
    expect(second.headers.get("content-type")).to.equal("text/html");
  });

  it("reset: the connection is destroyed without an answer", async () => {
    proxy.setMode("reset");
    expect(await failureOf(proxy.url, "eth_chainId")).to.match(/ECONNRESET|UND_ERR_SOCKET|other side closed/);
  });

  it("lost-reply: the node processes the request, the client gets no answer", async () => {
    const before = await blockNumber();
    proxy.setMode("lost-reply");
    expect(await failureOf(proxy.url, "evm_mine")).to.not.equal("answered");
    expect(await blockNumber()).to.equal(before + 1);
  });

  it("hang: never answers (the client's own timeout ends the call)", async () => {
    proxy.setMode("hang");
    const start = Date.now();
    expect(await failureOf(proxy.url, "eth_chainId", 500)).to.equal("TimeoutError");
    expect(Date.now() - start).to.be.at.least(450);
  });

  it("outage: refuses connections until the mode changes, then answers again on the same URL", async () => {
    proxy.setMode("outage");
    await new Promise((r) => setTimeout(r, 50));
    expect(await failureOf(proxy.url, "eth_chainId")).to.equal("ECONNREFUSED");
    proxy.setMode("none");
    await new Promise((r) => setTimeout(r, 50));
    expect(Number((JSON.parse((await rpc(proxy.url, "eth_chainId")).text) as RpcAnswer).result)).to.equal(31_337);
  });

  it("getlogs-range: refuses eth_getLogs over 1,000 blocks with -32602 and forwards narrower ranges", async () => {
    await network.provider.request({ method: "hardhat_mine", params: ["0x5dc"] }); // 1,500 blocks
    proxy.setMode("getlogs-range");
    const latest = await blockNumber();
    const wide = JSON.parse(
      (await rpc(proxy.url, "eth_getLogs", [{ fromBlock: `0x${(latest - GETLOGS_BLOCK_LIMIT).toString(16)}` }])).text,
    ) as RpcAnswer;
    expect(wide.error?.code).to.equal(-32602);
    const narrow = JSON.parse(
      (await rpc(proxy.url, "eth_getLogs", [{ fromBlock: `0x${(latest - GETLOGS_BLOCK_LIMIT + 1).toString(16)}` }]))
        .text,
    ) as RpcAnswer;
    expect(narrow.error).to.equal(undefined);
    expect(narrow.result).to.be.an("array");
  });

  it("probability: a 50% mix fails some requests and answers the others", async () => {
    proxy.setMode("mix", { probability: 0.5 });
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () =>
        rpc(proxy.url, "eth_chainId").then(
          (r) => (r.status === 200 ? "ok" : "failed"),
          () => "failed",
        ),
      ),
    );
    expect(outcomes).to.include("ok");
    expect(outcomes).to.include("failed");
    expect(proxy.requests().byMethod.eth_chainId).to.equal(40);
  });

  it("onlyMethods: the fault meets only requests carrying those methods", async () => {
    const before = await blockNumber();
    proxy.setMode("lost-reply", { onlyMethods: ["evm_mine"] });
    expect(await failureOf(proxy.url, "eth_chainId")).to.equal("answered");
    expect(await failureOf(proxy.url, "evm_mine")).to.not.equal("answered");
    expect(await blockNumber()).to.equal(before + 1);
  });

  it("refuses an unknown mode or a probability outside 0..1, naming it", () => {
    expect(() => proxy.setMode("flaky" as never)).to.throw(/unknown fault mode "flaky"/);
    expect(() => proxy.setMode("reset", { probability: 2 })).to.throw(/probability must be within 0..1, got 2/);
  });
});
