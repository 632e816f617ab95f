// `npm start`: a local Hardhat node with every contract deployed and handed to governance, the funded test
// accounts printed, the indexer's API on http://localhost:42069 and (once frontend/ exists) the dApp on
// http://localhost:3000, the monitor's Prometheus metrics on http://localhost:9464/metrics. Ctrl-C stops everything.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..");
const RPC_PORT = Number(process.env.NUMI_RPC_PORT ?? 8545);
const APP_PORT = Number(process.env.NUMI_APP_PORT ?? 3000);
const INDEXER_PORT = Number(process.env.NUMI_INDEXER_PORT ?? 42069);
const METRICS_PORT = Number(process.env.NUMI_METRICS_PORT ?? 9464);
// The monitor refreshes its metrics this often against the local chain (a block every 2 s).
const METRICS_INTERVAL_S = 5;
// A block every 2 s besides one per transaction (NUMI_BLOCK_INTERVAL_MS=0: only per transaction).
const BLOCK_INTERVAL_MS = Number(process.env.NUMI_BLOCK_INTERVAL_MS ?? 2000);
const LOG_DIR = join(ROOT, "cache");
// Every `npm start` runs a fresh chain, so the indexer starts on an empty database each time: resuming an
// old one would keep rows of a chain that no longer exists.
const INDEXER_DB = join(LOG_DIR, "indexer-pglite");
// Hardhat's well-known development key for account #0: public knowledge, worthless outside a local chain.
const LOCAL_ACCOUNT_0 = {
  address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  privateKey: "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
};

const children: ChildProcess[] = [];
const CHILD_ENV = {
  ...process.env,
  HARDHAT_DISABLE_TELEMETRY_PROMPT: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  NUMI_RPC_PORT: String(RPC_PORT), // hardhat.config.ts points `localhost` at it
  NEXT_PUBLIC_LOCAL_RPC_URL: `http://127.0.0.1:${RPC_PORT}`, // the dApp's local chain
  NUMI_RPC_URL: `http://127.0.0.1:${RPC_PORT}`, // the indexer's local chain
  NEXT_PUBLIC_INDEXER_URL: `http://127.0.0.1:${INDEXER_PORT}`, // where the dApp reads history
  PONDER_PGLITE_DIR: INDEXER_DB,
};

function run(cmd: string, args: string[], logFile?: string): ChildProcess {
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: CHILD_ENV,
    stdio: logFile ? ["ignore", "pipe", "pipe"] : "inherit",
    detached: true, // own process group, so Ctrl-C stops the child's children too
  });
  if (logFile) {
    const out = createWriteStream(logFile);
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
  }
  children.push(child);
  return child;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), done(true)));
    socket.once("error", () => done(false));
  });
}

async function waitForRpc(child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`hardhat node exited early (code ${child.exitCode}); see cache/hardhat-node.log`);
    try {
      const res = await fetch(`http://127.0.0.1:${RPC_PORT}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`hardhat node did not answer on port ${RPC_PORT} within ${timeoutMs / 1000}s`);
}

/**
 * Makes the node mine a block every `ms` as well as one per transaction, like a real chain: mining then never waits
 * for unrelated traffic (a solution found right after a reward goes into the next block). 0 leaves it off.
 */
async function setIntervalMining(ms: number): Promise<void> {
  if (ms <= 0) return;
  const res = await fetch(`http://127.0.0.1:${RPC_PORT}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "evm_setIntervalMining", params: [ms] }),
  });
  const body = (await res.json()) as { error?: { message: string } };
  if (body.error) throw new Error(`evm_setIntervalMining failed: ${body.error.message}`);
}

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((done) => child.once("exit", (code) => done(code ?? 1)));
}

function stopAll(code: number): never {
  for (const child of children) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
  process.exit(code);
}

/**
 * The frontend workspace's script that serves the app: "start" (the production build, with its service worker;
 * built first unless the last build is for the same endpoints and sources), or "dev" for `npm run dev`
 * (NUMI_APP_SCRIPT=dev: hot reload, no service worker).
 */
function frontendScript(): string | undefined {
  const file = join(ROOT, "frontend", "package.json");
  if (!existsSync(file)) return undefined;
  const scripts = (JSON.parse(readFileSync(file, "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
  const wanted = process.env.NUMI_APP_SCRIPT ?? "start";
  return scripts[wanted] ? wanted : undefined;
}

function printSummary(): void {
  const dir = join(ROOT, "deployments", "localhost");
  const line = (name: string) => {
    const record = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")) as { address: string };
    return `  ${name.padEnd(13)} ${record.address}`;
  };
  console.log(
    [
      "",
      "NumiCoin local stack is up.",
      `  RPC           http://127.0.0.1:${RPC_PORT} (chain id 31337)`,
      line("NumiCoin"),
      line("MiningPool"),
      line("NumiGovernor"),
      line("NumiTimelock"),
      "",
      "Funded test accounts (10,000 ETH each; the same well-known keys on every Hardhat node, never use them elsewhere):",
      `  #0 ${LOCAL_ACCOUNT_0.address}  private key ${LOCAL_ACCOUNT_0.privateKey}`,
      "  #1..#19: see cache/hardhat-node.log",
      "",
      `Indexer: http://localhost:${INDEXER_PORT} (GraphQL at /graphql, SQL at /sql, /ready once caught up; log: cache/indexer.log)`,
      `Metrics: http://localhost:${METRICS_PORT}/metrics (the monitor, Prometheus format, every ${METRICS_INTERVAL_S} s; log: cache/monitor.log)`,
      "",
      "Mine:   npm run miner -- --network localhost",
      "Health: npm run monitor -- --network localhost",
      "Chain log: cache/hardhat-node.log. Stop with Ctrl-C.",
    ].join("\n"),
  );
}

async function main(): Promise<void> {
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));
  if (await portInUse(RPC_PORT)) {
    throw new Error(`Port ${RPC_PORT} is already in use (another node?). Stop it or set NUMI_RPC_PORT.`);
  }
  mkdirSync(LOG_DIR, { recursive: true });
  console.log(`Starting a Hardhat node on 127.0.0.1:${RPC_PORT} ...`);
  const node = run(
    "npx",
    ["hardhat", "node", "--no-deploy", "--hostname", "127.0.0.1", "--port", String(RPC_PORT)],
    join(LOG_DIR, "hardhat-node.log"),
  );
  await waitForRpc(node);

  console.log("Deploying and handing every contract to governance ...");
  const deployed = await exitCode(run("npx", ["hardhat", "deploy", "--network", "localhost"]));
  if (deployed !== 0) throw new Error("Deployment to the local node failed (see above).");
  await setIntervalMining(BLOCK_INTERVAL_MS);
  if (await portInUse(INDEXER_PORT)) throw new Error(`Port ${INDEXER_PORT} is in use: cannot serve the indexer.`);
  rmSync(INDEXER_DB, { recursive: true, force: true });
  run(
    "npm",
    ["run", "start", "-w", "@numi/indexer", "--", "--schema", "numi", "--port", String(INDEXER_PORT)],
    join(LOG_DIR, "indexer.log"),
  );
  if (await portInUse(METRICS_PORT))
    throw new Error(`Port ${METRICS_PORT} is in use: cannot serve the monitor's metrics.`);
  run(
    "npx",
    [
      "hardhat",
      "numi:monitor",
      "--network",
      "localhost",
      "--metrics-port",
      String(METRICS_PORT),
      "--interval",
      String(METRICS_INTERVAL_S),
    ],
    join(LOG_DIR, "monitor.log"),
  );
  printSummary();

  const appScript = frontendScript();
  if (appScript) {
    if (await portInUse(APP_PORT)) throw new Error(`Port ${APP_PORT} is in use: cannot serve the dApp.`);
    if (appScript === "start") {
      console.log("Building the dApp for this chain and indexer (reused while the sources are unchanged) ...");
      const built = await exitCode(
        run("npm", [
          "run",
          "build:once",
          "-w",
          "frontend",
          "--",
          `http://127.0.0.1:${RPC_PORT}`,
          `http://127.0.0.1:${INDEXER_PORT}`,
        ]),
      );
      if (built !== 0) throw new Error("Building the dApp failed (see above).");
    }
    console.log(
      `\nServing the dApp on http://localhost:${APP_PORT} and http://127.0.0.1:${APP_PORT} (npm run ${appScript} -w frontend) ...`,
    );
    run("npm", ["run", appScript, "-w", "frontend", "--", "-p", String(APP_PORT)]);
  }

  const code = await exitCode(node);
  console.error(`The Hardhat node stopped (code ${code}).`);
  stopAll(code === 0 ? 0 : 1);
}

main().catch((err: Error) => {
  console.error(`npm start failed: ${err.message}`);
  stopAll(1);
});
