// Brings up what the browser tests need and tears it down: a Hardhat node (which deploys the contracts
// through hardhat-deploy at start-up, at the same deterministic addresses as the committed deployment
// module), the indexer on a fresh PGlite database, a production build of the dApp pointed at both, and
// `next start`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import path from "node:path";
import { buildFor, FRONTEND } from "../scripts/buildFor";

export { buildFor, FRONTEND };
export const ROOT = path.resolve(FRONTEND, "..");

export interface Stack {
  rpcUrl: string;
  appUrl: string;
  /** The indexer's API, or "" for a stack without a chain. */
  indexerUrl: string;
  /** The indexer's process group, so the tests of the dApp without an indexer (they run last) can stop it. */
  indexerPid?: number;
  /**
   * Lowers the node's and the app server's CPU priority. For measurements: they share this machine's CPUs with
   * the browser under test, and a real visitor's device runs neither.
   */
  deprioritise(): void;
  stop(): Promise<void>;
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

async function freePort(preferred: number): Promise<number> {
  return (await portFree(preferred)) ? preferred : anyFreePort();
}

/** A port the system picks as free. */
function anyFreePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string>, log: string[]): ChildProcess {
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => log.push(String(d)));
  child.stderr?.on("data", (d) => log.push(String(d)));
  return child;
}

export async function waitFor(check: () => Promise<boolean>, what: string, ms: number, log: string[]): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Timed out waiting for ${what}.\n${log.join("").slice(-3000)}`);
}

export async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

function kill(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    try {
      process.kill(-child.pid!, "SIGTERM"); // the process group this helper started, nothing else
    } catch {
      resolve();
    }
    setTimeout(resolve, 5000);
  });
}

/** Ponder on a fresh PGlite database in a temporary directory, following `rpcUrl`; resolves once it has caught up. */
async function startIndexer(
  rpcUrl: string,
  log: string[],
): Promise<{ url: string; pid?: number; stop: () => Promise<void> }> {
  const port = await freePort(Number(process.env.E2E_INDEXER_PORT ?? 42169));
  const url = `http://127.0.0.1:${port}`;
  const db = mkdtempSync(path.join(tmpdir(), "numi-e2e-indexer-"));
  const child = run(
    "npx",
    ["ponder", "start", "--schema", "numi", "--port", String(port)],
    path.join(ROOT, "indexer"),
    { NUMI_RPC_URL: rpcUrl, PONDER_PGLITE_DIR: db },
    log,
  );
  const stop = async () => {
    await kill(child);
    rmSync(db, { recursive: true, force: true });
  };
  try {
    await waitFor(
      async () => (await indexedBlock(url)) >= Number(await rpc(rpcUrl, "eth_blockNumber")),
      "the indexer",
      120_000,
      log,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, pid: child.pid, stop };
}

/** The last block the indexer at `url` has processed, from Ponder's /status; -1 before any. */
export async function indexedBlock(url: string): Promise<number> {
  const status = (await (await fetch(`${url}/status`)).json()) as Record<string, { block?: { number: number } }>;
  return Object.values(status)[0]?.block?.number ?? -1;
}

/**
 * `next dev` (the hot-reloading server of `npm run dev`) for the stack's chain and indexer, on a free port. It writes
 * to .next/dev, so it runs beside `next start` and the production build. React reports hydration mismatches only in
 * development, which is why the hydration check needs it.
 */
export async function startDevServer(
  rpcUrl: string,
  indexerUrl: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const log: string[] = [];
  const port = await anyFreePort();
  const url = `http://localhost:${port}`;
  const child = run(
    "npx",
    ["next", "dev", "--webpack", "-p", String(port)],
    FRONTEND,
    {
      NEXT_PUBLIC_LOCAL_RPC_URL: rpcUrl,
      NEXT_PUBLIC_INDEXER_URL: indexerUrl || "off",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "development", // vitest's "test" would make Next warn and build differently
    },
    log,
  );
  const stop = () => kill(child);
  try {
    await waitFor(async () => log.join("").includes("Ready in"), "next dev", 120_000, log);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}

export async function startStack(opts: { withChain?: boolean } = {}): Promise<Stack> {
  const log: string[] = [];
  const withChain = opts.withChain ?? true;
  const rpcPort = await freePort(Number(process.env.E2E_RPC_PORT ?? 8545));
  const rpcUrl = `http://127.0.0.1:${rpcPort}`;
  let node: ChildProcess | undefined;
  let app: ChildProcess | undefined;
  let indexer: Awaited<ReturnType<typeof startIndexer>> | undefined;
  const stop = async () => {
    await kill(app);
    await indexer?.stop();
    await kill(node);
  };
  try {
    if (withChain) {
      node = run("npx", ["hardhat", "node", "--hostname", "127.0.0.1", "--port", String(rpcPort)], ROOT, {}, log);
      await waitFor(
        async () => (await rpc(rpcUrl, "eth_blockNumber")) !== undefined && log.join("").includes("Started HTTP"),
        "the Hardhat node and its deployment",
        180_000,
        log,
      );
      indexer = await startIndexer(rpcUrl, log);
    }
    await buildFor(rpcUrl, log, indexer?.url);
    const appPort = await freePort(Number(process.env.E2E_APP_PORT ?? 3100));
    const appUrl = `http://localhost:${appPort}`;
    app = run(
      "npx",
      ["next", "start", "-p", String(appPort)],
      FRONTEND,
      { NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      log,
    );
    await waitFor(async () => (await fetch(appUrl)).ok, "next start", 60_000, log);
    const deprioritise = () => {
      // Each child runs in its own process group (detached), so renice -g covers the workers it spawns too. The
      // indexer polls the chain all the time (10–15% of a CPU here), so it yields too.
      for (const group of [node?.pid, app?.pid, indexer?.pid])
        if (group !== undefined) spawnSync("renice", ["-n", "15", "-g", String(group)], { stdio: "ignore" });
    };
    return { rpcUrl, appUrl, indexerUrl: indexer?.url ?? "", indexerPid: indexer?.pid, deprioritise, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
