// Debian's Chromium driven by playwright-core, with the test wallet injected before the app loads.
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { installTestWallet, type TestWalletOptions } from "./testWallet";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const ACCOUNT0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
export const ACCOUNT1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function walletContext(
  browser: Browser,
  opts: Partial<TestWalletOptions> & { rpcUrl: string },
): Promise<BrowserContext> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  await context.addInitScript(installTestWallet, {
    account: ACCOUNT0,
    startChainId: "0x7a69",
    ...opts,
  } satisfies TestWalletOptions);
  return context;
}

/**
 * Chromium with the test wallet and one page at `appUrl`, connected; `prepare` can route the context's requests
 * before the page loads.
 */
export async function connectedPage(
  rpcUrl: string,
  appUrl: string,
  prepare?: (context: BrowserContext) => Promise<unknown>,
): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  const browser = await launch();
  const context = await walletContext(browser, { rpcUrl });
  await prepare?.(context);
  const page = await context.newPage();
  await page.goto(appUrl);
  await connect(page);
  return { browser, context, page };
}

/** Connects the announced test wallet through the app's own dialog. */
export async function connect(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Connect wallet" }).click();
  await page.getByRole("button", { name: "Numi Test Wallet" }).click();
  await page.getByTestId("account-address").waitFor();
}

/** Resolves once React has hydrated the page (Providers marks the root element). */
export async function hydrated(page: Page, timeout?: number): Promise<void> {
  await page.waitForFunction(() => document.documentElement.classList.contains("hydrated"), undefined, { timeout });
}

/** Clicks a button that starts a write and waits for that write (not an earlier one) to finish. */
export async function act(page: Page, button: Locator, timeout = 30_000): Promise<string> {
  const status = page.getByTestId("tx-status");
  const before = (await status.count()) ? Number(await status.last().getAttribute("data-seq")) : 0;
  await button.click();
  const handle = await page.waitForFunction(
    (prev) => {
      const el = document.querySelectorAll('[data-testid="tx-status"]');
      const last = el[el.length - 1] as HTMLElement | undefined;
      if (!last || Number(last.dataset.seq) <= prev) return false;
      const step = last.dataset.step ?? "";
      return ["confirmed", "reverted", "failed", "cancelled"].includes(step) ? step : false;
    },
    before,
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

interface AxeResults {
  violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
}
/** The page's window once axe-core is evaluated in it. */
type AxeWindow = typeof window & { axe: { run: (ctx: Document, opts: unknown) => Promise<AxeResults> } };

/** Every axe-core violation on the current page, whatever its impact (minor included). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource); // evaluate, not a script tag: independent of the page CSP
  const result = await page.evaluate(() => (window as AxeWindow).axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
