// The monitor through an RPC that misbehaves (test/ops/faultProxy.ts in front of the in-process chain served over
// HTTP): the exit codes (0 healthy, 1 broken invariant, 2 could not check, with the cause named), --watch surviving
// every fault mode and reporting each once and its recovery, and the bound on the requests a report costs.
import { expect } from "chai";
import hre, { network } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { toQuantity, zeroPadValue } from "ethers";
import { startFaultProxy, type FaultMode, type FaultProxy } from "./faultProxy";
import { serveProvider, type ProviderServer } from "./serveProvider";
import { activeDeploymentForThisFile } from "./monitorFixture";
import { EXIT, MonitorService, describeFailure } from "../../scripts/ops/monitorService";
import { WINDOW } from "../../scripts/ops/monitor";
import { HistoryError } from "@numi/history";

const thisFilesDeployment = activeDeploymentForThisFile();

const MAX_LOG_REQUESTS = 25; // per event history per report (the task's default)
/**
 * Most JSON-RPC calls one report may cost, whatever the chain's age: the latest block, 6 reads, 2 histories x 25
 * eth_getLogs, the blocks of the last 21 rewards and of the last reward, and the state of each proposal read (1 here).
 */
const REPORT_BOUND = 1 + 6 + 2 * MAX_LOG_REQUESTS + (WINDOW + 1) + 1 + 1;

interface Stack {
  upstream: ProviderServer;
  proxy: FaultProxy;
  service: MonitorService;
  out: string[];
  err: string[];
}

async function stack(options: { attempts?: number; timeoutMs?: number } = {}): Promise<Stack> {
  const upstream = await serveProvider(network.provider);
  const proxy = await startFaultProxy(upstream.url);
  const out: string[] = [];
  const err: string[] = [];
  const service = new MonitorService(hre, {
    network: "proxy",
    rpcUrl: proxy.url,
    chainId: 31_337,
    timeoutMs: options.timeoutMs ?? 1_000,
    attempts: options.attempts ?? 2,
    backoffMs: 20,
    maxRequests: MAX_LOG_REQUESTS,
    log: (line) => out.push(line),
    logError: (line) => err.push(line),
  });
  return { upstream, proxy, service, out, err };
}

async function until(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !condition(); await new Promise((r) => setTimeout(r, 50)))
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
}

async function metric(s: MonitorService, series: string): Promise<number> {
  const line = (await s.metrics.registry.metrics()).split("\n").find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`${series} is not served`);
  return Number(line.split(" ")[1]);
}

/** Moves the token's ownership (Ownable's slot) away from the timelock, as a compromise would. */
async function breakOwnership(token: string, timelock: string, thief: string): Promise<void> {
  const owner = zeroPadValue(timelock, 32).toLowerCase();
  for (let slot = 0; slot < 64; slot++) {
    const value = (await network.provider.send("eth_getStorageAt", [token, toQuantity(slot), "latest"])) as string;
    if (value.toLowerCase() === owner) {
      await network.provider.send("hardhat_setStorageAt", [token, toQuantity(slot), zeroPadValue(thief, 32)]);
      return;
    }
  }
  throw new Error("the token's owner slot was not found");
}

describe("Monitor through a faulty RPC: exit codes, --watch survival, request bound", function () {
  this.timeout(120_000);
  let s: Stack | undefined;
  let revertTo: string | undefined;
  afterEach(async () => {
    if (revertTo) await network.provider.send("evm_revert", [revertTo]);
    revertTo = undefined;
    if (!s) return;
    await s.service.stop();
    await s.proxy.close();
    await s.upstream.close();
    s = undefined;
  });

  it("exits 0 on a healthy chain, within the request bound, and prints what the report cost", async function () {
    await loadFixture(thisFilesDeployment);
    s = await stack();
    expect(await s.service.runOnce(), s.err.join("\n")).to.equal(EXIT.healthy);
    const seen = s.proxy.requests();
    expect(seen.total).to.equal(s.service.requestCounts!.total); // the proxy and the monitor agree
    expect(seen.total).to.be.at.most(REPORT_BOUND);
    expect(seen.byMethod).not.to.have.property("eth_chainId");
    expect(seen.byMethod).not.to.have.property("hardhat_metadata");
    expect(s.out.join("\n")).to.match(
      /note {3}this report: \d+ JSON-RPC requests \(eth_call \d+, .*\) in \d+ HTTP requests/,
    );
    console.log(`      healthy report: ${seen.total} JSON-RPC requests ${JSON.stringify(seen.byMethod)}`);
  });

  it("exits 1 on a broken invariant read through the RPC", async function () {
    const f = await loadFixture(thisFilesDeployment);
    await breakOwnership(await f.token.getAddress(), await f.timelock.getAddress(), f.alice.address);
    s = await stack();
    expect(await s.service.runOnce()).to.equal(EXIT.broken);
    expect(s.out.join("\n")).to.match(/BROKEN governance owns the contracts: token owner 0x70997970/i);
  });

  const cannotCheck: [FaultMode, RegExp][] = [
    ["outage", /cannot connect to http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\) \(unreachable\)/],
    ["http-5xx", /answered with a server error \(HTTP 50[23]\) \(http_5xx\)/],
    ["rate-limit", /is rate-limiting requests \(HTTP 429\) \(rate_limited\)/],
    ["hang", /did not answer within 1 s \(timeout\)/],
    ["reset", /closed the connection before answering \(reset\)/],
    ["lost-reply", /closed the connection before answering \(reset\)/],
  ];
  for (const [mode, message] of cannotCheck) {
    it(`exits 2 and names the cause when it cannot check: ${mode}`, async function () {
      await loadFixture(thisFilesDeployment);
      s = await stack();
      s.proxy.setMode(mode);
      const started = Date.now();
      expect(await s.service.runOnce()).to.equal(EXIT.cannotCheck);
      expect(s.err.join("\n")).to.match(/^monitor: could not check proxy: /);
      expect(s.err.join("\n")).to.match(message);
      expect(s.out, "no report from a check that did not run").to.deep.equal([]);
      expect(Date.now() - started, "bounded: 2 attempts of at most 1 s").to.be.below(5_000);
    });
  }

  it("retries a request that timed out and says so in the report (exit 0)", async function () {
    await loadFixture(thisFilesDeployment);
    s = await stack({ attempts: 3, timeoutMs: 400 });
    s.proxy.setMode("hang");
    setTimeout(() => s?.proxy.setMode("none"), 100); // the first request hangs, its retry is answered
    expect(await s.service.runOnce(), s.err.join("\n")).to.equal(EXIT.healthy);
    expect(s.out.join("\n")).to.match(/note {3}this report: .* HTTP requests; retried after timeout x1$/m);
    expect(await metric(s.service, 'numi_rpc_errors_total{kind="timeout"}')).to.equal(1);
  });

  it("as a Hardhat task: exit code 2 and one line naming the cause, through a proxy in an outage", async function () {
    await loadFixture(thisFilesDeployment);
    s = await stack();
    s.proxy.setMode("outage");
    const [log, error] = [console.log, console.error];
    const printed: string[] = [];
    console.log = (line: string) => printed.push(`out: ${line}`);
    console.error = (line: string) => printed.push(`err: ${line}`);
    try {
      process.exitCode = 0;
      await hre.run("numi:monitor", { rpcUrl: s.proxy.url, rpcTimeout: 0.5, rpcAttempts: 1 });
      expect(process.exitCode).to.equal(EXIT.cannotCheck);
    } finally {
      [console.log, console.error] = [log, error];
      process.exitCode = 0;
    }
    expect(printed).to.deep.equal([
      `err: monitor: could not check hardhat: cannot connect to ${s.proxy.url} (ECONNREFUSED) (unreachable)`,
    ]);
  });

  it("names a range refusal that even one block cannot avoid", function () {
    const refusal = new HistoryError("refused", 7, 7, {
      cause: { code: -32602, message: "exceed maximum block range: 0" },
    });
    expect(describeFailure(refusal)).to.deep.equal({
      kind: "range_refused",
      message: "the RPC refused eth_getLogs even for blocks 7..7; try another RPC",
    });
  });

  it("reads through a getLogs range limit (exit 0, refusals counted) at a cost that does not grow with chain age", async function () {
    await loadFixture(thisFilesDeployment);
    // 33,000 blocks: leave the chain to the next test file as this test found it.
    revertTo = (await network.provider.send("evm_snapshot")) as string;
    s = await stack();
    s.proxy.setMode("getlogs-range");
    const fresh: number[] = [];
    for (const blocks of [3_000, 30_000]) {
      await network.provider.send("hardhat_mine", [toQuantity(blocks)]);
      const one = new MonitorService(hre, {
        network: "proxy",
        rpcUrl: s.proxy.url,
        chainId: 31_337,
        maxRequests: MAX_LOG_REQUESTS,
        log: () => undefined,
      });
      s.proxy.resetCounts();
      expect(await one.runOnce()).to.equal(EXIT.healthy);
      fresh.push(s.proxy.requests().total);
      expect(await metric(one, 'numi_rpc_errors_total{kind="range_refused"}')).to.be.at.least(1);
      await one.stop();
    }
    expect(Math.max(...fresh)).to.be.at.most(REPORT_BOUND);

    // --watch: the history stays in memory; once caught up, a refresh reads only the new blocks.
    for (let tick = 0; tick < 20; tick++) {
      const r = await s.service.refresh();
      if (r.ok && !r.snapshot.history.partial && r.snapshot.history.rewardsComplete) break;
    }
    await network.provider.send("hardhat_mine", [toQuantity(10)]);
    s.proxy.resetCounts();
    expect((await s.service.refresh()).ok).to.equal(true);
    const steady = s.proxy.requests();
    expect(steady.total).to.be.at.most(12);
    console.log(
      `      fresh report at +3,000 and +30,000 blocks: ${fresh.join(" and ")} requests; a refresh after 10 blocks: ${steady.total} ${JSON.stringify(steady.byMethod)}`,
    );
  });

  it("--watch survives every fault mode, reports each once, and reports the recovery", async function () {
    await loadFixture(thisFilesDeployment);
    s = await stack({ attempts: 2, timeoutMs: 300 });
    const { service, proxy, out, err } = s;
    await service.serveMetrics(0);
    const running = service.runForever(0.1, false);
    await until("the first report", () => out.some((l) => l.startsWith("NumiCoin health on proxy")));
    expect(await metric(service, "numi_monitor_up")).to.equal(1);

    const modes: FaultMode[] = ["outage", "http-5xx", "rate-limit", "reset", "lost-reply", "hang"];
    for (const mode of modes) {
      const failuresBefore = err.length;
      proxy.setMode(mode);
      await until(`${mode} reported`, () => err.length > failuresBefore);
      const refreshedAt = Number(await metric(service, "numi_monitor_last_success_timestamp_seconds"));
      await new Promise((r) => setTimeout(r, 1_000)); // several failed refreshes
      expect(await metric(service, "numi_monitor_up"), mode).to.equal(0);
      expect(
        err.length - failuresBefore,
        `${mode} is reported once: ${err.slice(failuresBefore).join(" | ")}`,
      ).to.equal(1);
      expect(err[err.length - 1]).to.match(/^monitor: cannot check proxy: .*\. Still running; numi_monitor_up is 0/);

      const recoveries = out.filter((l) => l.includes("RPC recovered")).length;
      proxy.setMode("none");
      await until(`recovery from ${mode}`, () => out.filter((l) => l.includes("RPC recovered")).length > recoveries);
      expect(await metric(service, "numi_monitor_up")).to.equal(1);
      expect(await metric(service, "numi_monitor_last_success_timestamp_seconds")).to.be.greaterThan(refreshedAt);
    }
    for (const kind of ["unreachable", "http_5xx", "rate_limited", "reset", "timeout"])
      expect(await metric(service, `numi_rpc_errors_total{kind="${kind}"}`), kind).to.be.at.least(1);
    await service.stop();
    await running; // ended by stop(), not by an error
    console.log(
      `      --watch through ${modes.join(", ")}:\n        ${err.concat(out.filter((l) => l.includes("recovered"))).join("\n        ")}`,
    );
  });
});
