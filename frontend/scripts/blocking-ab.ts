// `npm run perf:ab`: main-thread blocking time of the home page's cold load, this build against a saved baseline
// build, with loads alternating between the two so that both meet the same machine (on a shared 2-CPU VM the same
// build's TBT moves by a factor of 3 from one minute to the next; docs/frontend-performance.md).
//
//   npm run perf:ab -- --save-baseline   # builds this tree and keeps it in frontend/.perf-baseline/
//   (change the code)
//   npm run perf:ab [-- --runs N]        # N loads of each (default 11), then the medians
//   npm run perf:ab -- --lighthouse      # the same alternation with `npm run perf`'s Lighthouse runs: the budget's
//                                        # own metric (simulated TBT, score, LCP) and the pairwise TBT difference
//
// Each load: a new browser context (no cache, no service worker), DevTools' applied 4x CPU throttling, a DevTools
// trace until 4 s after `load`. Blocking time is Lighthouse's definition (the part of every main-thread task after
// first contentful paint beyond 50 ms), on measured rather than simulated times. "Hydration" counts the long tasks
// that are mostly React's work (react-dom and Next's router chunk calling into it); "style and layout" is the
// main thread's whole time in style recalculation and layout, long task or not.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import * as chromeLauncher from "chrome-launcher";
import { startStack, waitFor, FRONTEND } from "../e2e/stack";
import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/browser";
import { lighthouseRun } from "./lighthouseRun";

const BASELINE = path.join(FRONTEND, ".perf-baseline");
const BASELINE_PORT = 3199;
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 1) : 11;
const verbose = process.argv.includes("--verbose");
const useLighthouse = process.argv.includes("--lighthouse");

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

/** The build's output beside links to everything else, so `next start` in it resolves the same config and modules. */
function saveBaseline() {
  rmSync(BASELINE, { recursive: true, force: true });
  mkdirSync(BASELINE);
  for (const name of readdirSync(FRONTEND)) {
    if ([".next", "public", ".perf-baseline"].includes(name)) continue;
    symlinkSync(path.join(FRONTEND, name), path.join(BASELINE, name));
  }
  cpSync(path.join(FRONTEND, ".next"), path.join(BASELINE, ".next"), { recursive: true });
  cpSync(path.join(FRONTEND, "public"), path.join(BASELINE, "public"), { recursive: true });
}

function serveBaseline(): ChildProcess {
  const next = path.resolve(FRONTEND, "..", "node_modules", ".bin", "next");
  const child = spawn(next, ["start", "-p", String(BASELINE_PORT)], {
    cwd: BASELINE,
    detached: true,
    stdio: "ignore",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  spawnSync("renice", ["-n", "15", "-g", String(child.pid)], { stdio: "ignore" });
  return child;
}

/** Blocking time of one trace: all of it, and the part in tasks that are mostly React's hydration and effects. */
function blocking(events: TraceEvent[]) {
  const mainThreads = events.filter(
    (e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain",
  );
  const count = (t: TraceEvent) => events.filter((e) => e.pid === t.pid && e.tid === t.tid).length;
  const main = mainThreads.sort((a, b) => count(b) - count(a))[0]!;
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined);
  const fcp = events.find((e) => e.name === "firstContentfulPaint")?.ts ?? 0;
  const start = events.find((e) => e.name === "navigationStart" && e.pid === main.pid)?.ts ?? onMain[0]!.ts;
  let total = 0;
  let hydration = 0;
  const tasks: string[] = [];
  for (const task of onMain.filter((e) => e.name === "RunTask" && e.dur! > 50_000 && e.ts >= fcp)) {
    const end = task.ts + task.dur!;
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
    const react = inside
      .filter((e) => e.name === "FunctionCall" && /chunks\/(c7879cf7|5158|framework)/.test(e.args?.data?.url ?? ""))
      .reduce((sum, e) => sum + e.dur!, 0);
    const excess = (task.dur! - 50_000) / 1000;
    total += excess;
    if (react > task.dur! / 2) hydration += excess;
    const top = inside
      .filter((e) =>
        ["EvaluateScript", "FunctionCall", "TimerFire", "Layout", "UpdateLayoutTree", "ParseHTML"].includes(e.name),
      )
      .sort((a, b) => b.dur! - a.dur!)[0];
    tasks.push(
      `${Math.round((task.ts - start) / 1000)} ms: ${Math.round(task.dur! / 1000)} ms (${top ? `${top.name} ${path.basename(top.args?.data?.url ?? "")}` : "no script"})`,
    );
  }
  const layout = onMain
    .filter((e) => e.name === "Layout" || e.name === "UpdateLayoutTree")
    .reduce((sum, e) => sum + e.dur! / 1000, 0);
  return { total, hydration, layout, tasks };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Which build load `i` measures: pairs in the order baseline, this build, then this build, baseline (ABBA), because
 * the place in a pair matters. Loading two builds alternately, whichever went first in its pair waited less for
 * font look-ups in its first layout (medians of 9 to 11 pairs: 17.3 against 33.7 ms and 26.9 against 32.2 ms with
 * the baseline first, 8.4 against 37.9 ms with the other build first).
 */
const variantOf = (i: number): "baseline" | "this build" =>
  (i % 2 === 0) === (Math.floor(i / 2) % 2 === 0) ? "baseline" : "this build";

/**
 * Lighthouse runs (npm run perf's settings) alternating between the two builds. Adjacent runs meet nearly the same
 * machine, so the median of the pairwise TBT differences says more than the two medians when the VM's speed drifts.
 */
async function lighthouseAb(urls: Record<"baseline" | "this build", string>) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS });
  const tbt: Record<"baseline" | "this build", number[]> = { baseline: [], "this build": [] };
  try {
    for (let i = 0; i < 2 * RUNS + 2; i++) {
      const variant = variantOf(i);
      const lhr = await lighthouseRun(urls[variant], chrome.port);
      if (i < 2) continue; // each server's first render
      tbt[variant].push(lhr.audits["total-blocking-time"].numericValue ?? NaN);
      console.log(
        `${variant}: TBT ${Math.round(tbt[variant].at(-1)!)} ms, score ${Math.round((lhr.categories.performance.score ?? 0) * 100)}, LCP ${Math.round(lhr.audits["largest-contentful-paint"].numericValue ?? NaN)} ms (benchmarkIndex ${Math.round(lhr.environment.benchmarkIndex)})`,
      );
    }
  } finally {
    await chrome.kill();
  }
  for (const [variant, xs] of Object.entries(tbt))
    console.log(`${variant.padEnd(10)}  median TBT ${Math.round(median(xs))} ms  (${xs.map(Math.round).join(" ")})`);
  const diffs = tbt["this build"].map((x, i) => x - tbt.baseline[i]!);
  console.log(`this build − baseline, median of ${diffs.length} pairs: ${Math.round(median(diffs))} ms`);
}

async function main() {
  const saving = process.argv.includes("--save-baseline");
  if (!saving && !existsSync(path.join(BASELINE, ".next")))
    throw new Error("No baseline: run `npm run perf:ab -- --save-baseline` on the tree to compare against first.");
  const stack = await startStack();
  let baseline: ChildProcess | undefined;
  try {
    if (saving) {
      saveBaseline();
      console.log(`Saved this build as the baseline in ${BASELINE}.`);
      return;
    }
    stack.deprioritise();
    baseline = serveBaseline();
    const baselineUrl = `http://localhost:${BASELINE_PORT}/`;
    await waitFor(async () => (await fetch(baselineUrl)).ok, "the baseline build", 60_000, []);
    if (useLighthouse) return await lighthouseAb({ baseline: baselineUrl, "this build": stack.appUrl });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const results: Record<"baseline" | "this build", { total: number[]; hydration: number[]; layout: number[] }> = {
      baseline: { total: [], hydration: [], layout: [] },
      "this build": { total: [], hydration: [], layout: [] },
    };
    try {
      // Two warm-up loads (each server's first render), then alternate.
      for (let i = 0; i < 2 * RUNS + 2; i++) {
        const variant = variantOf(i);
        const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
        await browser.startTracing(page, {
          categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "loading"],
        });
        await page.goto(variant === "baseline" ? baselineUrl : stack.appUrl, { waitUntil: "load" });
        await page.waitForTimeout(4_000);
        const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
        await context.close();
        if (i < 2) continue;
        const b = blocking(trace.traceEvents);
        results[variant].total.push(b.total);
        results[variant].hydration.push(b.hydration);
        results[variant].layout.push(b.layout);
        console.log(
          `${variant}: blocking ${Math.round(b.total)} ms, of which hydration ${Math.round(b.hydration)} ms; style and layout ${Math.round(b.layout)} ms`,
        );
        if (verbose) for (const t of b.tasks) console.log(`    ${t}`);
      }
    } finally {
      await browser.close();
    }
    for (const [variant, r] of Object.entries(results))
      console.log(
        `${variant.padEnd(10)}  median blocking ${Math.round(median(r.total))} ms, hydration ${Math.round(median(r.hydration))} ms, style and layout ${Math.round(median(r.layout))} ms  (${r.total.length} loads: ${r.total.map(Math.round).join(" ")})`,
      );
  } finally {
    if (baseline?.pid) {
      try {
        process.kill(-baseline.pid);
      } catch {
        // already gone
      }
    }
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
