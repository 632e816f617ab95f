// The RPC budget in the browser (docs/rpc-budget.md): the JSON-RPC calls a connected dashboard tab sends to the
// RPC, counted call by call from the page's own requests (a batch of n calls counts n), while visible, while
// hidden and when shown again. The e2e build targets the local node: it polls every 2 s (the local chain's
// interval) and automines, so an idle tab sends block-number polls only. The per-minute figures on a 12 s chain
// come from tests/unit/rpcBudget.test.ts; this file checks the same wiring through React and a real document.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { connect, launch, walletContext } from "./browser";

const appUrl = inject("appUrl");
const rpcUrl = inject("rpcUrl");

/** Every JSON-RPC call the page sends to the RPC, with the time it left. */
function countCalls(page: Page) {
  const calls: { at: number; method: string }[] = [];
  page.on("request", (req) => {
    if (!req.url().startsWith(rpcUrl) || req.method() !== "POST") return;
    const body: unknown = JSON.parse(req.postData() ?? "null");
    for (const call of Array.isArray(body) ? body : [body])
      calls.push({ at: Date.now(), method: String((call as { method?: unknown })?.method) });
  });
  return (from: number, to: number) => {
    const byMethod: Record<string, number> = {};
    for (const c of calls.filter((c) => c.at >= from && c.at < to)) byMethod[c.method] = (byMethod[c.method] ?? 0) + 1;
    return byMethod;
  };
}

/** What a browser does when the tab goes to the background or comes back. */
async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (h ? "hidden" : "visible") });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => h });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("RPC budget in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a connected dashboard polls while visible, sends nothing while hidden, and polls at once when shown", async () => {
    const context = await walletContext(browser, { rpcUrl });
    try {
      const page = await context.newPage();
      const between = countCalls(page);
      await page.goto(appUrl);
      await connect(page);
      await wait(3_000); // the first reads settle

      let t = Date.now();
      await wait(10_000);
      const visible = between(t, Date.now());

      await setHidden(page, true);
      await wait(1_000); // a poll already on the wire may still answer
      t = Date.now();
      await wait(10_000);
      const hidden = between(t, Date.now());

      t = Date.now();
      await setHidden(page, false);
      await wait(1_500);
      const shown = between(t, Date.now());

      console.log(
        `rpc budget (browser, local build, 2 s polling): visible 10 s ${JSON.stringify(visible)}; ` +
          `hidden 10 s ${JSON.stringify(hidden)}; shown again 1.5 s ${JSON.stringify(shown)}`,
      );
      expect(visible.eth_blockNumber ?? 0).toBeGreaterThanOrEqual(3);
      expect(visible.eth_blockNumber ?? 0).toBeLessThanOrEqual(6);
      expect(hidden).toEqual({});
      expect(shown.eth_blockNumber).toBe(1);
    } finally {
      await context.close();
    }
  });
});
