// /analytics in Chromium with data from the stack's indexer: a dozen rewards are mined on the shared chain (no
// governance, which the flows test owns), then every chart must draw its series and its table must hold exactly
// one row per indexed epoch. Runs after the other files and before withoutIndexer.e2e.ts (vitest.e2e.config.ts).
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createPublicClient, http } from "viem";
import { NumiCoinAbi } from "@numi/contracts/abi/NumiCoin";
import { deployments } from "@numi/contracts/deployments";
import { axeViolations, connectedPage } from "./browser";
import { indexedBlock, ROOT, rpc } from "./stack";

const rpcUrl = inject("rpcUrl");
const appUrl = inject("appUrl");
const indexerUrl = inject("indexerUrl");
const client = createPublicClient({ transport: http(rpcUrl) });

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  const seeded = spawnSync(
    "npx",
    ["hardhat", "numi:seed", "--network", "localhost", "--rewards", "12", "--governance", "false"],
    { cwd: ROOT, env: { ...process.env, NUMI_RPC_PORT: new URL(rpcUrl).port }, encoding: "utf8" },
  );
  if (seeded.status !== 0) throw new Error(`numi:seed failed:\n${seeded.stdout}\n${seeded.stderr}`);
  const head = Number(await rpc(rpcUrl, "eth_blockNumber"));
  for (let i = 0; i < 120 && (await indexedBlock(indexerUrl)) < head; i++) await new Promise((r) => setTimeout(r, 500));
  ({ browser, context, page } = await connectedPage(rpcUrl, appUrl));
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("/analytics", () => {
  test("every chart draws its data, and each table lists every indexed epoch", async () => {
    await page.goto(`${appUrl}/analytics`);
    await page.getByRole("heading", { name: "Mining" }).waitFor();
    const epochs = Number(
      await client.readContract({
        address: deployments["31337"].contracts.NumiCoin.address,
        abi: NumiCoinAbi,
        functionName: "epochCount",
      }),
    );
    expect(epochs).toBeGreaterThanOrEqual(12);
    await expect(page.getByText("Epochs indexed").locator("..").textContent()).resolves.toContain(String(epochs));
    const figures = page.locator("figure");
    const count = await figures.count();
    expect(count).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < count; i++) {
      const figure = figures.nth(i);
      // A drawn series: a path with at least one segment, or bars.
      const drawn = await figure.locator("svg path[d*='L'], svg path[d*='H'], svg rect").count();
      expect(drawn, (await figure.locator("figcaption").textContent()) ?? "").toBeGreaterThan(0);
      await expect(figure.locator("svg[role=img]").getAttribute("aria-label")).resolves.toBeTruthy();
    }
    const difficulty = figures.filter({ hasText: "Difficulty per epoch" });
    await difficulty.getByText("Table of the values").click();
    await difficulty.locator("tbody tr").first().waitFor(); // the table renders once opened
    expect(await difficulty.locator("tbody tr").count()).toBe(epochs);
  });

  test("fits 390 px and axe-core finds no violation, tables open", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${appUrl}/analytics`);
      await page.getByRole("heading", { name: "Mining" }).waitFor();
      for (const summary of await page.getByText("Table of the values").all()) await summary.click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 }); // Playwright's default
    }
  });
});
