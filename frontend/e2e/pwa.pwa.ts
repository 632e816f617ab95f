// PWA checks in Chromium: installability over CDP, the manifest and its icons, the service worker taking
// control, offline reload with last-known data and disabled actions, refresh when back online, JSON-RPC
// never cached nor seen by the worker, and the update prompt after a new service worker is deployed.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CHROMIUM, CHROMIUM_ARGS, connect, hydrated } from "./browser";
import { installTestWallet } from "./testWallet";
import { FRONTEND } from "./stack";

const rpcUrl = inject("rpcUrl");
const appUrl = inject("appUrl");
const profile = mkdtempSync(path.join(tmpdir(), "numi-pwa-"));
let context: BrowserContext;
let page: Page;

async function controlled(p: Page): Promise<boolean> {
  return p.evaluate(() => !!navigator.serviceWorker.controller);
}

beforeAll(async () => {
  // A persistent profile: an incognito context always reports "in-incognito" and cannot install.
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  await context.addInitScript(installTestWallet, {
    rpcUrl,
    account: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
    startChainId: "0x7a69",
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe("installable", () => {
  test("the service worker controls the page after the first load", async () => {
    await page.goto(appUrl);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    expect(await controlled(page)).toBe(true);
  });

  test("Chromium reports no installability errors", async () => {
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: Array<{ errorId: string }>;
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  });

  test("the manifest parses with every field the issue asks for, and all icons are reachable", async () => {
    const cdp = await context.newCDPSession(page);
    const { url, errors, data } = (await cdp.send("Page.getAppManifest")) as {
      url: string;
      errors: unknown[];
      data: string;
    };
    expect(errors).toEqual([]);
    const manifest = JSON.parse(data) as Record<string, unknown> & {
      icons: Array<{ src: string; sizes: string; purpose?: string }>;
      shortcuts: Array<{ url: string }>;
    };
    expect(manifest).toMatchObject({
      name: "NumiCoin wallet",
      short_name: "NumiCoin",
      start_url: "/",
      scope: "/",
      display: "standalone",
    });
    expect(manifest.theme_color).toBeTruthy();
    expect(manifest.background_color).toBeTruthy();
    for (const size of ["192x192", "512x512"])
      for (const purpose of ["any", "maskable"])
        expect(
          manifest.icons.some((i) => i.sizes === size && i.purpose === purpose),
          `${size} ${purpose}`,
        ).toBe(true);
    expect(manifest.shortcuts.map((s) => s.url)).toEqual(["/send", "/receive", "/mine", "/pool"]);
    const srcs = [
      ...manifest.icons.map((i) => i.src),
      "/icons/apple-touch-icon.png",
      "/screenshots/wide.png",
      "/screenshots/narrow.png",
    ];
    for (const src of srcs) {
      const res = await page.request.get(new URL(src, url).toString());
      expect(res.status(), src).toBe(200);
      expect(res.headers()["content-type"]).toBe("image/png");
    }
  });
});

describe("offline", () => {
  test("offline reload shows the app shell, the banner, last-known figures with their time, and disables actions", async () => {
    await connect(page);
    await page.getByTestId("balance").filter({ hasText: "NUMI" }).waitFor();
    await page.goto(`${appUrl}/send`); // visit once online so the page is cached
    await page.getByTestId("account-address").waitFor();
    await page.goto(appUrl);
    await page.getByTestId("balance").filter({ hasText: "NUMI" }).waitFor();

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId("offline-banner").waitFor();
    const lastKnown = await page.getByTestId("last-known").textContent();
    expect(lastKnown).toMatch(/Last known .* at .*balance [\d,.]+ NUMI/);
    expect(await page.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    await page.goto(`${appUrl}/send`);
    await page.getByTestId("offline-banner").waitFor();
    // The banner is the layout's; the page hydrates in its own, later pass (app/layout.tsx) and its controls take no
    // clicks until then (html.hydrated). Once it is live, its action is disabled.
    await hydrated(page, 30_000);
    await expect(page.getByRole("button", { name: "Review" }).isDisabled()).resolves.toBe(true);

    await page.goto(`${appUrl}/never-visited-page`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("You are offline");
  });

  test("back online, the banner goes and data refreshes by itself", async () => {
    await page.goto(appUrl).catch(() => undefined);
    await context.setOffline(false);
    await page.getByTestId("offline-banner").waitFor({ state: "detached", timeout: 15_000 });
    await page.getByTestId("balance").filter({ hasText: "NUMI" }).waitFor({ timeout: 20_000 });
  });

  test("no JSON-RPC response is ever cached", async () => {
    const origin = new URL(rpcUrl).origin;
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
      return urls;
    });
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.filter((u) => u.startsWith(origin))).toEqual([]);
  });
});

/** Sends the chain a JSON-RPC request from the page every 20 ms, as a busy app would, until the page navigates. */
function talkToTheChain(p: Page): Promise<void> {
  return p.evaluate((rpc) => {
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] });
    const send = () => fetch(rpc, { method: "POST", headers: { "content-type": "application/json" }, body });
    setInterval(() => void send().catch(() => undefined), 20);
  }, rpcUrl);
}

describe("chain traffic", () => {
  test("requests to other origins (the chain, the indexer) skip the service worker's fetch handler", async () => {
    await page.goto(appUrl);
    expect(await controlled(page)).toBe(true);
    await page.getByTestId("balance").filter({ hasText: "NUMI" }).waitFor(); // the app has read the chain
    // Chromium's Resource Timing names the source that served each request: "network" when a static route sent it
    // past the worker, "" when the worker's fetch handler had it.
    const crossOrigin = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((e) => new URL(e.name).origin !== location.origin)
        .map((e) => ({
          url: e.name,
          source: (e as PerformanceResourceTiming & { workerFinalSourceType?: string }).workerFinalSourceType,
        })),
    );
    expect(crossOrigin.length).toBeGreaterThan(0);
    expect(crossOrigin.filter((e) => e.source !== "network")).toEqual([]);
  });
});

describe("updates", () => {
  test("a newly deployed service worker waits, and 'reload to update' takes over while the page talks to the chain", async () => {
    const swPath = path.join(FRONTEND, "public", "sw.js");
    const original = readFileSync(swPath, "utf8");
    try {
      writeFileSync(swPath, `${original}\n// deployed ${Date.now()}\n`);
      await page.goto(appUrl);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await page.getByTestId("update-prompt").waitFor({ timeout: 20_000 });
      // Every request the old worker is still handling holds the new one back (src/app/sw.ts).
      await talkToTheChain(page);
      const reloaded = page.waitForEvent("load", { timeout: 20_000 });
      await page.getByRole("button", { name: "Reload to update" }).click();
      await reloaded;
      expect(await controlled(page)).toBe(true);
      expect(await page.getByTestId("update-prompt").count()).toBe(0);
    } finally {
      writeFileSync(swPath, original);
    }
  });
});
