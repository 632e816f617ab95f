// The navigation prefetches a route when the user reaches for it (pointer, keyboard focus, touch), not as its links
// scroll into view: viewport prefetching fetched and decoded ten route payloads while the home page was starting up
// (components/Nav.tsx, docs/frontend-performance.md).
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hydrated, launch, walletContext } from "./browser";

const appUrl = inject("appUrl");
const rpcUrl = inject("rpcUrl");

/** The route payloads Next's router prefetches, by path. */
function prefetches(page: Page): string[] {
  const paths: string[] = [];
  page.on("request", (req) => {
    if (req.headers()["next-router-prefetch"]) paths.push(new URL(req.url()).pathname);
  });
  return paths;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("navigation prefetch", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("nothing is prefetched on load; a route is once pointed at or focused, and navigation still works", async () => {
    const context = await walletContext(browser, { rpcUrl });
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 }); // every link in view
      const seen = prefetches(page);
      await page.goto(appUrl);
      await hydrated(page, 60_000);
      await wait(2_000); // viewport prefetching would have started by now
      expect(seen).toEqual([]);

      const nav = page.getByRole("navigation", { name: "Main" });
      await nav.getByRole("link", { name: "Pool" }).hover();
      await expect.poll(() => seen.includes("/pool"), { timeout: 10_000 }).toBe(true);
      await nav.getByRole("link", { name: "Governance" }).focus();
      await expect.poll(() => seen.includes("/governance"), { timeout: 10_000 }).toBe(true);
      expect(seen).not.toContain("/send");

      await nav.getByRole("link", { name: "Pool" }).click();
      await page.waitForURL(`${appUrl}/pool`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/pool/i);
    } finally {
      await context.close();
    }
  });
});
