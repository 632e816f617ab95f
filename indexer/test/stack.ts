// Processes the indexer test runs: a Hardhat node with the contracts deployed through hardhat-deploy, and
// `ponder start` on a temporary PGlite database. Each runs in its own process group, killed by its id.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const INDEXER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT = path.resolve(INDEXER, "..");

export interface Proc {
  child: ChildProcess;
  log: string[];
}

export function start(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Proc {
  const log: string[] = [];
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: "true", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => log.push(String(d)));
  child.stderr?.on("data", (d) => log.push(String(d)));
  return { child, log };
}

export function exited(p: Proc): Promise<number> {
  if (p.child.exitCode !== null) return Promise.resolve(p.child.exitCode);
  return new Promise((done) => p.child.once("exit", (code) => done(code ?? 1)));
}

export async function stop(p: Proc | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null || !p.child.pid) return;
  const gone = exited(p);
  try {
    process.kill(-p.child.pid, "SIGTERM"); // the process group this test started, nothing else
  } catch {
    return;
  }
  await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
}

export function freePort(): Promise<number> {
  return new Promise((done) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => done(port));
    });
  });
}

export async function waitFor(check: () => Promise<boolean>, what: string, ms: number, log: string[] = []) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}\n${log.join("").slice(-4000)}`);
}

/**
 * The generated files a local deployment rewrites (sdk/deployments.ts, constants.ts, abi/*): saved before the
 * test deploys and written back after it, so the work tree ends as it began whatever addresses the node gave.
 */
export function saveGenerated(): () => void {
  const sdk = path.join(ROOT, "sdk");
  const files = ["deployments.ts", "constants.ts", ...readdirSync(path.join(sdk, "abi")).map((f) => `abi/${f}`)];
  const saved = files.map((f) => [path.join(sdk, f), readFileSync(path.join(sdk, f), "utf8")] as const);
  return () => {
    for (const [file, text] of saved) if (readFileSync(file, "utf8") !== text) writeFileSync(file, text);
  };
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One JSON-RPC call to `url`; an error answer throws with the method's name. */
export async function jsonRpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/**
 * A fresh Hardhat node on a free port with the contracts deployed by hardhat-deploy (the committed addresses, as
 * the node's accounts and nonces are Hardhat's defaults). The caller stops `node`.
 */
export async function startDeployedNode(): Promise<{ node: Proc; rpcUrl: string }> {
  const rpcPort = await freePort();
  const rpcUrl = `http://127.0.0.1:${rpcPort}`;
  const node = start(
    "npx",
    ["hardhat", "node", "--no-deploy", "--hostname", "127.0.0.1", "--port", String(rpcPort)],
    ROOT,
  );
  await waitFor(
    async () => typeof (await jsonRpc(rpcUrl, "eth_chainId")) === "string",
    "the Hardhat node",
    120_000,
    node.log,
  );
  const deploy = start("npx", ["hardhat", "deploy", "--network", "localhost"], ROOT, {
    NUMI_RPC_PORT: String(rpcPort),
  });
  if ((await exited(deploy)) !== 0) {
    await stop(node);
    throw new Error(`deploy failed:\n${deploy.log.join("").slice(-4000)}`);
  }
  return { node, rpcUrl };
}

/** The last block the indexer at `apiUrl` has indexed on its (one) chain, from Ponder's /status; -1 before any. */
export async function indexedBlock(apiUrl: string): Promise<number> {
  const status = (await (await fetch(`${apiUrl}/status`)).json()) as Record<string, { block?: { number: number } }>;
  return Object.values(status)[0]?.block?.number ?? -1;
}
