// Issue #16's bar, against `npm start` itself (not the test stack): the production build with its service worker at
// localhost and 127.0.0.1, and the browser miner at phone size minting at least 3 rewards within 3 minutes with no
// other traffic (the node's 2 s blocks keep it going). Runs after the e2e and PWA suites, on their ports, so the
// production build they made is reused (frontend/scripts/buildFor.ts) rather than built again.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { connect, launch, walletContext } from "./browser";
import { ROOT, rpc } from "./stack";
import { createPublicClient, encodeFunctionData, formatEther, http, parseEther, type Hash } from "viem";
import { deployments } from "@numi/contracts/deployments";
import { NumiCoinAbi } from "@numi/contracts/abi/NumiCoin";
import { MiningPoolAbi } from "@numi/contracts/abi/MiningPool";
import { ACCOUNT0 } from "./browser";

const PORTS = { rpc: 8545, indexer: 42169, app: 3100, metrics: 9464 };
const rpcUrl = `http://127.0.0.1:${PORTS.rpc}`;
let start: ChildProcess | undefined;
let browser: Browser | undefined;
const log: string[] = [];

beforeAll(async () => {
  start = spawn("npm", ["start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NUMI_RPC_PORT: String(PORTS.rpc),
      NUMI_INDEXER_PORT: String(PORTS.indexer),
      NUMI_APP_PORT: String(PORTS.app),
      NUMI_METRICS_PORT: String(PORTS.metrics),
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  start.stdout?.on("data", (d) => log.push(String(d)));
  start.stderr?.on("data", (d) => log.push(String(d)));
  const until = Date.now() + 300_000;
  for (;;) {
    const up = await fetch(`http://localhost:${PORTS.app}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (start.exitCode !== null || Date.now() > until)
      throw new Error(`npm start did not serve the dApp:\n${log.join("").slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  browser = await launch();
}, 320_000);

afterAll(async () => {
  await browser?.close();
  if (start?.pid && start.exitCode === null) {
    const gone = new Promise((r) => start!.once("exit", r));
    process.kill(-start.pid, "SIGINT"); // its own process group: start.ts stops the node, the indexer and the app
    await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
  }
});

describe("npm start", () => {
  test("serves the production build with its service worker at localhost and 127.0.0.1", async () => {
    expect(log.join("")).toMatch(/Built the dApp\.|The dApp's build is up to date: reused\./);
    for (const host of ["localhost", "127.0.0.1"]) {
      const context = await browser!.newContext();
      const page = await context.newPage();
      await page.goto(`http://${host}:${PORTS.app}/`);
      await page.waitForFunction(() => document.documentElement.classList.contains("hydrated"));
      await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready).active, undefined, {
        timeout: 30_000,
      });
      await context.close();
    }
  });

  test("at 390x844 the browser miner mints at least 3 rewards within 3 minutes, with no other traffic", async () => {
    const context = await walletContext(browser!, { rpcUrl });
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`http://localhost:${PORTS.app}/mine`);
    await connect(page);
    const before = Number(await rpc(rpcUrl, "eth_blockNumber"));
    const started = Date.now();
    await page.getByRole("button", { name: "Start mining" }).click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="mined-count"]')?.textContent) >= 3,
      undefined,
      { timeout: 180_000, polling: 1000 },
    );
    const seconds = (Date.now() - started) / 1000;
    console.info(`npm start, 390x844: 3 rewards mined in the browser in ${seconds.toFixed(1)} s`);
    expect(Number(await rpc(rpcUrl, "eth_blockNumber"))).toBeGreaterThan(before + 3);
    await context.close();
  }, 200_000);

  test("serves the monitor's Prometheus metrics after mining and staking: every metric, values equal to the chain's", async () => {
    // The names the alert rules and the dashboard rely on (ops/test/metricContract.ts), read as text: the
    // frontend workspace does not import the root project's code.
    const contract = [
      ...readFileSync(path.join(ROOT, "ops/test/metricContract.ts"), "utf8").matchAll(/^\s+(numi_\w+):/gm),
    ].map((m) => m[1]);
    expect(contract.length).toBeGreaterThan(30);
    const { NumiCoin, MiningPool } = deployments["31337"].contracts;
    const client = createPublicClient({ transport: http(rpcUrl) });
    const read = (functionName: "totalSupply" | "epochCount") =>
      client.readContract({ address: NumiCoin.address, abi: NumiCoinAbi, functionName }) as Promise<bigint>;
    const totalStaked = () =>
      client.readContract({ address: MiningPool.address, abi: MiningPoolAbi, functionName: "totalStaked" });
    // Stake 1 NUMI of what the browser mined, from the node's unlocked account #0 (the account the test wallet uses).
    const send = async (to: string, data: string) =>
      client.waitForTransactionReceipt({
        hash: (await rpc(rpcUrl, "eth_sendTransaction", [{ from: ACCOUNT0, to, data }])) as Hash,
      });
    const amount = parseEther("1");
    await send(
      NumiCoin.address,
      encodeFunctionData({ abi: NumiCoinAbi, functionName: "approve", args: [MiningPool.address, amount] }),
    );
    await send(MiningPool.address, encodeFunctionData({ abi: MiningPoolAbi, functionName: "stake", args: [amount] }));
    expect(await totalStaked()).toBeGreaterThanOrEqual(amount);
    const value = (text: string, name: string) => Number(text.match(new RegExp(`^${name} (\\S+)$`, "m"))?.[1]);
    // The monitor refreshes every 5 s: wait for a refresh that saw the current epoch and the stake.
    const until = Date.now() + 60_000;
    for (;;) {
      const text = await fetch(`http://localhost:${PORTS.metrics}/metrics`).then((r) => r.text());
      const epochs = await read("epochCount");
      const staked = Number(formatEther(await totalStaked()));
      const fresh =
        value(text, "numi_mining_epoch_count") === Number(epochs) &&
        value(text, "numi_pool_total_staked_numi") === staked;
      if (fresh || Date.now() > until) {
        for (const name of contract) expect(text, name).toMatch(new RegExp(`^# HELP ${name} \\S`, "m"));
        expect(value(text, "numi_monitor_up")).toBe(1);
        expect(value(text, "numi_mining_epoch_count")).toBe(Number(epochs));
        expect(value(text, "numi_pool_total_staked_numi")).toBe(staked);
        expect(value(text, "numi_pool_staking_paused")).toBe(0);
        expect(value(text, "numi_token_supply_numi")).toBeCloseTo(Number(formatEther(await read("totalSupply"))), 6);
        expect(text).toMatch(/^numi_check_status\{check="supply_vs_schedule"\} 0$/m);
        break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }, 90_000);
});
