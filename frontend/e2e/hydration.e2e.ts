// No hydration mismatch on any route, connected (the server renders the cookie's session) and not, at 1280x800 and
// 390x844. React reports mismatches only in development (the production build recovers silently; an earlier /mine
// mismatch went unseen there), so this runs `next dev` against the stack's chain and indexer and fails on any console
// message or page error about hydration.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { connect, hydrated, launch, walletContext } from "./browser";
import { ALL_ROUTES, SIZES } from "./routes";
import { startDevServer } from "./stack";

const rpcUrl = inject("rpcUrl");
const indexerUrl = inject("indexerUrl");
/** React's wording: "Hydration failed because…", "A tree hydrated but some attributes… didn't match…". */
const MISMATCH = /hydrat|did not match|didn't match/i;

let dev: Awaited<ReturnType<typeof startDevServer>>;
let browser: Browser;

/** Every hydration complaint of `page` while `visit` runs, each prefixed with the URL it came from. */
async function mismatchesDuring(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const found: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (["error", "warning"].includes(m.type()) && MISMATCH.test(m.text()))
      found.push(`${page.url()}: ${m.text().slice(0, 300)}`);
  };
  const onError = (e: Error) => {
    if (MISMATCH.test(e.message)) found.push(`${page.url()}: ${e.message.slice(0, 300)}`);
  };
  page.on("console", onConsole);
  page.on("pageerror", onError);
  try {
    await visit();
  } finally {
    page.off("console", onConsole);
    page.off("pageerror", onError);
  }
  return found;
}

/** Loads `route` until hydrated: React reports a mismatch during hydration, before the app's effects run. */
async function load(page: Page, route: string): Promise<void> {
  // Generous: development pages carry megabytes of unminified script, and this machine's 2 CPUs are shared.
  await page.goto(`${dev.url}${route}`, { waitUntil: "domcontentloaded", timeout: 120_000 });
  await hydrated(page, 120_000);
}

beforeAll(async () => {
  dev = await startDevServer(rpcUrl, indexerUrl);
  // Requested together, the routes compile in one webpack pass instead of one pass per first visit.
  await Promise.all(ALL_ROUTES.map(async (route) => (await fetch(`${dev.url}${route}`)).text()));
  browser = await launch();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await dev?.stop();
});

describe("hydration (next dev)", () => {
  test.each(SIZES.flatMap((size) => [false, true].map((connected) => ({ connected, size, name: size.name }))))(
    "no route reports a hydration mismatch at $name size, connected: $connected",
    async ({ connected, size }) => {
      const context = await walletContext(browser, { rpcUrl });
      const page = await context.newPage();
      await page.setViewportSize({ width: size.width, height: size.height });
      try {
        if (connected) {
          await load(page, "/");
          await connect(page); // from now on the wallet cookie makes the server render the session
        }
        const found = await mismatchesDuring(page, async () => {
          for (const route of ALL_ROUTES) {
            await load(page, route);
            if (connected) await page.getByTestId("account-address").waitFor();
          }
        });
        expect(found).toEqual([]);
      } finally {
        await context.close();
      }
    },
    300_000,
  );
});
