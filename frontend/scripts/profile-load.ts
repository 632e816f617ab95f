// `npm run perf:profile`: where the home page's main-thread JavaScript time goes during a cold load, under
// DevTools' 4x CPU throttling (applied, not simulated): V8's sampling profiler, self time summed by script and
// by function, averaged over N loads (`--runs N`, default 5) after a warm-up. Lighthouse (npm run perf) says
// how much is blocking; this says which script to look at. Compare builds with NUMI_COMPILE_HINTS=off.
import { chromium } from "playwright-core";
import { startStack } from "../e2e/stack";
import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/browser";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 1) : 5;
const SETTLE_MS = 2_500; // after `load`: hydration, the first reads and their effects

function top(totals: Map<string, number>, n: number): string {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${key}`)
    .join("\n");
}

async function main() {
  const stack = await startStack();
  stack.deprioritise();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const add = (m: Map<string, number>, key: string, ms: number) => m.set(key, (m.get(key) ?? 0) + ms);
  try {
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext(); // a cold cache and no service worker every time
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
      await page.goto(stack.appUrl, { waitUntil: "load" });
      await page.waitForTimeout(SETTLE_MS);
      const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile };
      await context.close();
      if (i === 0) continue; // warm-up: the server's first render
      const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, k) => {
        const frame = nodes.get(id)!.callFrame;
        if (frame.functionName === "(idle)") return;
        const script = frame.url ? new URL(frame.url).pathname : frame.functionName; // (program), (garbage collector), natives
        const ms = (profile.timeDeltas[k + 1] ?? 0) / 1000 / RUNS;
        add(byScript, script, ms);
        add(
          byFunction,
          `${script} ${frame.functionName || "(anonymous)"}:${frame.lineNumber}:${frame.columnNumber}`,
          ms,
        );
      });
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
  const total = [...byScript.values()].reduce((a, b) => a + b, 0);
  const js = [...byScript.entries()].filter(([k]) => k.endsWith(".js")).reduce((a, [, v]) => a + v, 0);
  console.log(
    `main thread busy per load (4x throttled, mean of ${RUNS}): ${total.toFixed(0)} ms, of which app and framework scripts ${js.toFixed(0)} ms`,
  );
  console.log(`\nby script:\n${top(byScript, 20)}\n\nby function:\n${top(byFunction, 25)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
