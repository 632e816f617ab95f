// `npm run lint`: no file reaches into another workspace's folder by a relative path. A workspace (frontend,
// miner, sdk, history) is used through its package name (@numi/miner, @numi/contracts, @numi/history); the root
// project (contracts, tests, scripts, deploy) is a room of its own that the workspaces never import from.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, dirname, sep } from "node:path";

const ROOT = resolve(__dirname, "..", "..");
const WORKSPACES = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { workspaces: string[] })
  .workspaces;
const SKIP = new Set([
  "node_modules",
  ".next",
  "artifacts",
  "cache",
  "coverage",
  "typechain-types",
  "out-forge",
  "public",
]);
const IMPORT = /(?:from\s+|import\s*\(\s*|require\(\s*)["'](\.{1,2}\/[^"']*)["']/g;

/** The workspace a path belongs to, or "." for the root project. */
function roomOf(path: string): string {
  const rel = relative(ROOT, path);
  return WORKSPACES.find((w) => rel === w || rel.startsWith(w + sep)) ?? ".";
}

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(ts|tsx)$/.test(name)) yield path;
  }
}

const violations: string[] = [];
for (const file of sources(ROOT)) {
  const text = readFileSync(file, "utf8");
  for (const match of text.matchAll(IMPORT)) {
    const target = resolve(dirname(file), match[1]);
    if (roomOf(target) !== roomOf(file))
      violations.push(`${relative(ROOT, file)} imports ${match[1]} (in ${roomOf(target)})`);
  }
}
if (violations.length) {
  console.error(`Imports across workspace boundaries (use the package name instead):\n  ${violations.join("\n  ")}`);
  process.exit(1);
}
console.log(`workspace boundaries: no relative import crosses ${WORKSPACES.join(", ")} or the root project`);
