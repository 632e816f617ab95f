// axe-core on what a visitor sees before connecting, at both sizes: every route, the connect dialog open, and the
// wrong-network banner. (flows.e2e.ts runs axe on every route connected.)
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, connect, hydrated, launch, walletContext } from "./browser";
import { ALL_ROUTES, SIZES } from "./routes";

const rpcUrl = inject("rpcUrl");
const appUrl = inject("appUrl");

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function pageAt(width: number, height: number, startChainId = "0x7a69"): Promise<Page> {
  const context = await walletContext(browser, { rpcUrl, startChainId });
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  return page;
}

async function open(page: Page, route: string): Promise<void> {
  await page.goto(`${appUrl}${route}`);
  await hydrated(page);
  await page.waitForLoadState("networkidle");
}

describe("accessibility, not connected", () => {
  test.each(SIZES)(
    "axe-core finds no violation of any impact on any route at $name size",
    async ({ width, height }) => {
      const page = await pageAt(width, height);
      try {
        const found: string[] = [];
        for (const route of ALL_ROUTES) {
          await open(page, route);
          expect(await page.getByRole("button", { name: "Connect wallet" }).count(), route).toBe(1);
          found.push(...(await axeViolations(page)).map((v) => `${route}: ${v}`));
        }
        expect(found).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
  );

  test.each(SIZES)(
    "the connect dialog and the wrong-network banner pass axe at $name size",
    async ({ width, height }) => {
      const page = await pageAt(width, height, "0x1");
      try {
        await open(page, "/send");
        await page.getByRole("button", { name: "Connect wallet" }).click();
        await page.getByRole("button", { name: "Numi Test Wallet" }).waitFor();
        expect(await axeViolations(page), "connect dialog").toEqual([]);
        await page.keyboard.press("Escape");
        await connect(page);
        await page.getByTestId("wrong-network").waitFor();
        expect(await axeViolations(page), "wrong network").toEqual([]);
      } finally {
        await page.context().close();
      }
    },
  );
});
