import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser } from "playwright-core";
import { ACCOUNT0, ACCOUNT1, act, axeViolations, connect, launch, walletContext } from "./browser";
import type { TestWalletWindow } from "./testWallet";
import { rpc } from "./stack";
import { deployments } from "@numi/contracts/deployments";

const rpcUrl = inject("rpcUrl");
const appUrl = inject("appUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("wallet connection", () => {
  test("lists the EIP-6963 wallet with its name and icon, connects, and reconnects after a reload", async () => {
    const context = await walletContext(browser, { rpcUrl });
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    const option = page.getByRole("button", { name: "Numi Test Wallet" });
    await expect(option.isVisible()).resolves.toBe(true);
    await expect(option.locator("img").getAttribute("src")).resolves.toMatch(/^data:image\/svg\+xml/);
    await option.click();
    await expect(page.getByTestId("account-address").textContent()).resolves.toContain(ACCOUNT0.slice(0, 6));
    await page.reload();
    // Wait for the reconnect after the reload: until then wagmi may be rewriting its cookie.
    await expect(page.getByTestId("account-address").textContent()).resolves.toContain(ACCOUNT0.slice(0, 6));
    // The cookie-restored session renders connected on the server: no "Connect wallet" flash.
    const html = await (
      await page.request.get(appUrl, {
        headers: { cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ") },
      })
    ).text();
    expect(html).toContain("Disconnect");
    await context.close();
  });

  test("a returning user's dashboard does not move while the wallet reconnects and the figures arrive", async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 360, height: 740 },
    ]) {
      const context = await walletContext(browser, { rpcUrl });
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(appUrl);
      await connect(page);
      // Focus lands on the connected account, not on the page body.
      await page.waitForFunction(
        () => document.activeElement?.getAttribute("data-testid") === "account-address",
        undefined,
        {
          timeout: 5_000,
        },
      );
      await page.reload();
      await page.getByTestId("balance").filter({ hasText: /NUMI/ }).waitFor();
      await page.getByTestId("delegate").filter({ hasText: /\w/ }).waitFor();
      await page
        .getByTestId("supply")
        .filter({ hasText: /NUMI \/ [\d,]+ NUMI/ })
        .waitFor();
      // Every layout shift since the navigation (the buffer holds them), not caused by the user's own input.
      const shifts = await page.evaluate(
        () =>
          new Promise<number[]>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>;
              resolve(entries.filter((e) => !e.hadRecentInput).map((e) => e.value));
            }).observe({ type: "layout-shift", buffered: true });
            setTimeout(() => resolve([]), 1_000); // no entry at all: the observer is never called
          }),
      );
      expect(shifts, `${viewport.width}px`).toEqual([]);
      await context.close();
    }
  });

  test("detects the wrong network, blocks writes, and switches (adding the chain) in one click", async () => {
    const context = await walletContext(browser, { rpcUrl, startChainId: "0x1" });
    const page = await context.newPage();
    await page.goto(`${appUrl}/send`);
    await connect(page);
    await page.getByTestId("wrong-network").waitFor();
    await expect(page.getByRole("button", { name: "Review" }).isDisabled()).resolves.toBe(true);
    // Declined in the wallet: the page says the network was not switched (nothing was being sent).
    await page.evaluate(() => ((window as TestWalletWindow).__testWallet.rejectNext = true));
    await page.getByRole("button", { name: /Switch to/ }).click();
    await page.getByText("Not switched: you declined the network change in the wallet.").waitFor();
    await page.getByRole("button", { name: /Switch to/ }).click();
    await page.getByTestId("wrong-network").waitFor({ state: "detached" });
    const requests = await page.evaluate(() => (window as TestWalletWindow).__testWallet.requests);
    expect(requests).toContain("wallet_addEthereumChain");
    await context.close();
  });
});

describe("burner wallet on the local chain", () => {
  test("connects in one click with no browser wallet, gets test ETH, and sends a transaction", async () => {
    const context = await browser.newContext({ serviceWorkers: "block" }); // no test wallet: a newcomer's browser
    const page = await context.newPage();
    await page.goto(`${appUrl}/governance`);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("button", { name: "Burner wallet (local chain only)" }).click();
    const address = (await page.getByTestId("account-address").getAttribute("title")) as string;
    expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(BigInt((await rpc(rpcUrl, "eth_getBalance", [address, "latest"])) as string)).toBeGreaterThanOrEqual(
      10n ** 18n,
    );
    expect(await act(page, page.getByRole("button", { name: "Delegate to myself" }))).toBe("confirmed");
    await expect(page.getByTestId("gov-delegate").textContent()).resolves.toBe("yourself");
    // The key stays in this browser: the same account after a reload.
    await page.reload();
    await expect(page.getByTestId("account-address").getAttribute("title")).resolves.toBe(address);
    await context.close();
  });
});

describe("before the app's scripts run", () => {
  test("the page says it is loading and its controls take no clicks; once hydrated, neither", async () => {
    const context = await walletContext(browser, { rpcUrl });
    const page = await context.newPage();
    await page.route(/\/_next\/static\/chunks\//, (route) => route.abort()); // the app's JavaScript never arrives
    await page.goto(`${appUrl}/send`);
    expect(await page.getByTestId("loading-app").isVisible()).toBe(true);
    const review = page.getByRole("button", { name: "Review" });
    expect(await review.evaluate((b) => getComputedStyle(b).pointerEvents)).toBe("none");
    await page.unroute(/\/_next\/static\/chunks\//);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.classList.contains("hydrated"));
    expect(await page.getByTestId("loading-app").isVisible()).toBe(false);
    expect(await review.evaluate((b) => getComputedStyle(b).pointerEvents)).toBe("auto");
    await context.close();
  });
});

describe("served at 127.0.0.1 as well as localhost", () => {
  test("the app hydrates and connects at http://127.0.0.1", async () => {
    const context = await walletContext(browser, { rpcUrl });
    const page = await context.newPage();
    const url = appUrl.replace("localhost", "127.0.0.1");
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    await page.goto(url);
    await connect(page);
    await expect(page.getByTestId("account-address").textContent()).resolves.toContain(ACCOUNT0.slice(0, 6));
    await context.close();
  });
});

describe("receive", () => {
  test("shows the address and a locally drawn QR code", async () => {
    const context = await walletContext(browser, { rpcUrl });
    const page = await context.newPage();
    await page.goto(`${appUrl}/receive`);
    await connect(page);
    await expect(page.getByTestId("receive-address").textContent()).resolves.toBe(ACCOUNT0);
    // The header's copy button, beside the short address, copies the whole address.
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: appUrl });
    await page.getByRole("banner").getByRole("button", { name: "Copy: address" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ACCOUNT0);
    const size = await page.getByTestId("qr").evaluate((c) => (c as HTMLCanvasElement).width);
    expect(size).toBeGreaterThan(100);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test("adds NUMI to the wallet's token list (wallet_watchAsset), and says so when declined", async () => {
    const context = await walletContext(browser, { rpcUrl });
    const page = await context.newPage();
    await page.goto(`${appUrl}/receive`);
    await connect(page);
    await page.evaluate(() => ((window as TestWalletWindow).__testWallet.rejectNext = true));
    await page.getByRole("button", { name: "Add NUMI to your wallet" }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="watch-status"]')?.textContent !== "");
    await expect(page.getByTestId("watch-status").textContent()).resolves.toBe(
      "Not added: you declined in the wallet.",
    );
    await page.getByRole("button", { name: "Add NUMI to your wallet" }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="watch-status"]')?.textContent?.startsWith("NUMI is"),
    );
    const watched = await page.evaluate(() => (window as TestWalletWindow).__testWallet.watched);
    expect(watched).toEqual([
      { address: deployments["31337"].contracts.NumiCoin.address, symbol: "NUMI", decimals: 18 },
    ]);
    await context.close();
  });
});

export { ACCOUNT1 };
