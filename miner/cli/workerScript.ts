// worker_threads start only JavaScript. Registering ts-node in every worker costs ~0.6 s per thread (loading
// the TypeScript compiler), so the pool instead transpiles the worker and the core once (a few ms, with the
// compiler the main thread already has loaded) into a temporary directory keyed by the sources' hash, and
// starts the workers from there: a worker is then ready in ~0.1 s.
import { createHash } from "crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "fs";
import os from "os";
import { dirname, join } from "path";

/** The miner package's root; sources are named relative to it and keep their layout in the transpiled copy. */
const ROOT = join(__dirname, "..");

/**
 * What runs in any worker, browser or Node, relative to the package root: the package index, the protocol, the job
 * runner and the core. test/miner/generated.test.ts checks these use no Node-only API.
 */
export function portableSources(): string[] {
  const core = readdirSync(join(ROOT, "core"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `core/${f}`);
  return ["index.ts", "protocol.ts", "jobRunner.ts", ...core];
}

const SOURCES = ["cli/worker.ts", ...portableSources()];

/** The path of worker.js, transpiled if needed (or the compiled file itself when running from JavaScript). */
export function workerScriptPath(): string {
  const compiled = join(__dirname, "worker.js");
  if (existsSync(compiled)) return compiled;
  const sources = SOURCES.map((file) => ({ file, text: readFileSync(join(ROOT, file), "utf8") }));
  const hash = createHash("sha256");
  for (const { file, text } of sources) hash.update(file).update("\0").update(text).update("\0");
  const dir = join(os.tmpdir(), `numi-miner-worker-${hash.digest("hex").slice(0, 16)}`);
  const entry = join(dir, "cli", "worker.js");
  if (existsSync(entry)) return entry;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require("typescript") as typeof import("typescript");
  const staging = `${dir}.${process.pid}.tmp`;
  for (const { file, text } of sources) {
    const out = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    }).outputText;
    const target = join(staging, file.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out);
  }
  try {
    renameSync(staging, dir); // atomic: concurrent miners never see a half-written directory
  } catch {
    if (!existsSync(entry)) throw new Error(`could not prepare the miner worker in ${dir}`);
  }
  return entry;
}
