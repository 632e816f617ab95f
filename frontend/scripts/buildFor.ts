// Builds the dApp for an RPC and an indexer, unless the last build was for the same endpoints and the same sources:
// `npm start` and the browser tests share one production build this way (scripts/build-once.ts runs it alone).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const FRONTEND = path.resolve(__dirname, "..");
const ROOT = path.resolve(FRONTEND, "..");

/** A hash of everything a build depends on, so an unchanged tree is never rebuilt (and a changed one always is). */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === "node_modules") continue;
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p !== path.join(FRONTEND, "public", "sw.js")) hash.update(p).update(readFileSync(p));
    }
  };
  for (const dir of ["src", "public", "webpack"]) walk(path.join(FRONTEND, dir));
  // The workspace packages the dApp bundles: its @numi/* dependencies, through npm's workspace links.
  for (const name of Object.keys(JSON.parse(readFileSync(path.join(FRONTEND, "package.json"), "utf8")).dependencies)) {
    if (name.startsWith("@numi/")) walk(realpathSync(path.join(ROOT, "node_modules", name)));
  }
  for (const f of ["next.config.ts", "package.json", "tsconfig.json"])
    hash.update(readFileSync(path.join(FRONTEND, f)));
  hash.update(readFileSync(path.join(ROOT, "package-lock.json")));
  return hash.digest("hex");
}

/**
 * Builds the dApp for `rpcUrl` and `indexerUrl` ("off" for none), unless the last build was for the same endpoints
 * and the same sources (NUMI_REBUILD=1 forces it). Resolves true when it built.
 */
export async function buildFor(rpcUrl: string, log: string[], indexerUrl = "off"): Promise<boolean> {
  const marker = path.join(FRONTEND, ".next", "numi-build.json");
  // NUMI_COMPILE_HINTS=off builds without the compile hints (webpack/compileHints.ts), for an A/B measurement.
  const wanted = JSON.stringify({
    rpcUrl,
    indexerUrl,
    compileHints: process.env.NUMI_COMPILE_HINTS !== "off",
    sources: sourceFingerprint(),
  });
  const sw = path.join(FRONTEND, "public", "sw.js");
  if (
    existsSync(marker) &&
    existsSync(sw) &&
    readFileSync(marker, "utf8") === wanted &&
    process.env.NUMI_REBUILD !== "1"
  )
    return false;
  const env: Record<string, string> = {
    NEXT_PUBLIC_LOCAL_RPC_URL: rpcUrl,
    NEXT_PUBLIC_INDEXER_URL: indexerUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  const child = spawn("npx", ["next", "build", "--webpack"], {
    cwd: FRONTEND,
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => log.push(String(d)));
  child.stderr.on("data", (d) => log.push(String(d)));
  const code: number = await new Promise((resolve) => child.once("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`next build failed:\n${log.join("").slice(-4000)}`);
  // The service worker's precache list must match this build, or its install fails on 404s.
  const buildId = readFileSync(path.join(FRONTEND, ".next", "BUILD_ID"), "utf8").trim();
  if (existsSync(sw) && !readFileSync(sw, "utf8").includes(`/_next/static/${buildId}/`)) {
    throw new Error(`public/sw.js does not belong to build ${buildId}: rebuild.`);
  }
  writeFileSync(marker, wanted);
  return true;
}
