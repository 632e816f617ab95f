// The monitor through an RPC that refuses eth_getLogs over more than 1,000 blocks, as public RPCs do (issue #15):
// an HTTP JSON-RPC proxy in front of the in-process Hardhat node forwards every request, refuses large log
// ranges with Infura's error, and counts requests by method.
import { expect } from "chai";
import http from "node:http";
import type { AddressInfo } from "node:net";
import hre, { ethers, network } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { JsonRpcProvider, toQuantity } from "ethers";
import { deployedFixture, mineRewards } from "../helpers/deployed";
import { proposePause } from "./monitorFixture";
import { newMonitorHistory, render, evaluate, takeSnapshot } from "../../scripts/ops/monitor";

const LIMIT = 1_000; // blocks per eth_getLogs the proxy accepts
const EMPTY_BLOCKS = 50_000;

interface RpcRequest {
  jsonrpc: "2.0";
  id: number | string | null;
  method: string;
  params?: unknown[];
}

async function startProxy() {
  const counts: Record<string, number> = {};
  const stats = { http: 0, refused: 0, widestAccepted: 0 };
  const block = async (tag: unknown): Promise<number> => {
    if (typeof tag === "string" && tag.startsWith("0x")) return Number(tag);
    if (tag === "earliest") return 0;
    return Number(await network.provider.request({ method: "eth_blockNumber" }));
  };
  const handle = async (req: RpcRequest) => {
    counts[req.method] = (counts[req.method] ?? 0) + 1;
    if (req.method === "eth_getLogs") {
      const [filter] = req.params as [{ fromBlock?: string; toBlock?: string; blockHash?: string }];
      if (!filter.blockHash) {
        const blocks = (await block(filter.toBlock)) - (await block(filter.fromBlock ?? "latest")) + 1;
        if (blocks > LIMIT) {
          stats.refused++;
          const message = `query returned more than 10000 results. Try with this block range [${filter.fromBlock}, ${toQuantity(Number(filter.fromBlock) + LIMIT - 1)}].`;
          return { jsonrpc: "2.0", id: req.id, error: { code: -32005, message } };
        }
        stats.widestAccepted = Math.max(stats.widestAccepted, blocks);
      }
    }
    try {
      const result = await network.provider.request({ method: req.method, params: req.params });
      return { jsonrpc: "2.0", id: req.id, result };
    } catch (err) {
      const e = err as { code?: number; message?: string; data?: unknown };
      return { jsonrpc: "2.0", id: req.id, error: { code: e.code ?? -32603, message: e.message, data: e.data } };
    }
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      stats.http++;
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as RpcRequest | RpcRequest[];
      const answer = Array.isArray(body) ? Promise.all(body.map(handle)) : handle(body);
      void answer.then((a) => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(a));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const reset = () => {
    for (const k of Object.keys(counts)) delete counts[k];
    Object.assign(stats, { http: 0, refused: 0, widestAccepted: 0 });
  };
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url, counts, stats, reset, close };
}

describe("Monitor through an RPC that refuses eth_getLogs over 1,000 blocks", function () {
  this.timeout(300_000);
  // 50,000 blocks and a deployment of its own: leave the chain to the next test as this one found it.
  let before: string;
  beforeEach(async () => {
    before = (await network.provider.send("evm_snapshot")) as string;
  });
  afterEach(async () => {
    await network.provider.send("evm_revert", [before]);
  });

  it("reads the history in bounded ranges, and a refresh costs requests that do not grow with chain age", async function () {
    const f = await deployedFixture();
    const [, alice] = await ethers.getSigners();
    for (let i = 0; i < 4; i++) {
      await mineRewards(f.token, alice, 1);
      await time.increase(5);
    }
    await proposePause(f, alice, "NIP-15: old proposal\nbody");
    await network.provider.send("hardhat_mine", [toQuantity(EMPTY_BLOCKS)]);

    // What the monitor reads without any limit, straight from the node.
    const reference = await takeSnapshot(hre, { maxRequests: 1_000 });
    expect(reference.history.partial).to.equal(false);
    expect(reference.proposals).to.have.length(1);

    const proxy = await startProxy();
    const { chainId } = await ethers.provider.getNetwork();
    const provider = new JsonRpcProvider(proxy.url, chainId, { staticNetwork: true, cacheTimeout: -1 });
    try {
      // --watch: the history stays in memory between ticks; each tick is bounded, the first ones say partial.
      const history = newMonitorHistory();
      const ticks: string[] = [];
      let s = await takeSnapshot(hre, { provider, history });
      expect(s.history.partial, "50,000 blocks cannot be read in one bounded tick").to.equal(true);
      expect(render("proxy", s, evaluate(s))).to.match(
        /proposals: scanned blocks \d+\.\.\d+ of \d+\.\.\d+, older not yet read/,
      );
      for (let tick = 1; ; tick++) {
        ticks.push(
          `tick ${tick}: eth_getLogs ${proxy.counts.eth_getLogs} (${proxy.stats.refused} refused), all ${JSON.stringify(proxy.counts)}`,
        );
        expect(proxy.counts.eth_getLogs, "a tick stays within 2 histories x 25 requests").to.be.at.most(50);
        expect(proxy.stats.widestAccepted).to.be.at.most(LIMIT);
        if (!s.history.partial) break;
        expect(tick, "the whole chain is read within a few ticks").to.be.below(5);
        proxy.reset();
        s = await takeSnapshot(hre, { provider, history });
      }
      expect(s.proposals).to.deep.equal(reference.proposals);
      expect(s.proposals[0].description).to.equal("NIP-15: old proposal\nbody");
      expect(s.epoch).to.equal(reference.epoch);
      expect(s.recentEpochTimes).to.deep.equal(reference.recentEpochTimes);
      expect(s.recentEpochTimes).to.have.length(3); // 4 rewards
      expect(s.recentTargets).to.deep.equal(reference.recentTargets);
      expect(evaluate(s).filter((c) => c.status !== "ok")).to.deep.equal([]);
      expect(render("proxy", s, evaluate(s))).not.to.match(/not yet read/);

      // A refresh 10 blocks later: only the new blocks, whatever the chain's age.
      await network.provider.send("hardhat_mine", [toQuantity(10)]);
      proxy.reset();
      const refreshed = await takeSnapshot(hre, { provider, history });
      const refresh = `refresh after 10 blocks: eth_getLogs ${proxy.counts.eth_getLogs}, all ${JSON.stringify(proxy.counts)}, ${proxy.stats.http} HTTP requests`;
      expect(proxy.counts.eth_getLogs).to.be.at.most(10);
      expect(proxy.counts.eth_getLogs).to.equal(2); // one per history: blocks N+1..N+10
      expect(proxy.stats.refused).to.equal(0); // the accepted range is remembered
      expect(refreshed.proposals).to.deep.equal(reference.proposals);
      expect(refreshed.history.partial).to.equal(false);

      // One run without --watch: one bounded tick, partial, not a full rescan.
      proxy.reset();
      const once = await takeSnapshot(hre, { provider });
      const oneRun = `one run (fresh state): eth_getLogs ${proxy.counts.eth_getLogs} (${proxy.stats.refused} refused), covers blocks ${once.history.coveredFrom}..${once.history.coveredTo}`;
      expect(proxy.counts.eth_getLogs).to.be.at.most(50);
      console.log(`      chain: ${s.blockNumber} blocks\n      ${[...ticks, refresh, oneRun].join("\n      ")}`);
    } finally {
      provider.destroy();
      await proxy.close();
    }
  });
});
