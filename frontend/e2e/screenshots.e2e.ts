// The screenshots of docs/wallet.md: every screen of the dApp at 1280x800 and 390x844, on a chain seeded by
// `numi:seed` with a proposal open for voting, connected as the seed's first miner (Hardhat account #1). Written to
// frontend/.e2e/screenshots (git-ignored) during `npm test`; `npm run docs:screenshots` writes them into docs/wallet/.
// Runs after analytics.e2e.ts and before withoutIndexer.e2e.ts (vitest.e2e.config.ts), so both runs see an indexer.
import { spawnSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { encodeFunctionData } from "viem";
import { ACCOUNT1, act, connect, hydrated, launch, walletContext } from "./browser";
import { SIZES, type Size } from "./routes";
import { FRONTEND, indexedBlock, ROOT, rpc } from "./stack";
import type { TestWalletWindow } from "./testWallet";
import { deployments } from "@numi/contracts/deployments";
import { NumiGovernorAbi } from "@numi/contracts/abi/NumiGovernor";
import { MiningPoolAbi } from "@numi/contracts/abi/MiningPool";

const rpcUrl = inject("rpcUrl");
const appUrl = inject("appUrl");
const indexerUrl = inject("indexerUrl");
const local = deployments["31337"].contracts;
/** Hardhat account #3, a seeded miner: the recipient shown on the Send screens. */
const CAROL = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const OUT = path.resolve(FRONTEND, process.env.NUMI_SCREENSHOTS_DIR ?? ".e2e/screenshots");

let browser: Browser;

async function send(from: string, to: string, data: string): Promise<void> {
  await rpc(rpcUrl, "eth_sendTransaction", [{ from, to, data }]);
}

/** The seed's governance is left out (the flows test owns the governor's history); one proposal is opened here. */
async function seedChain(): Promise<void> {
  const seeded = spawnSync(
    "npx",
    ["hardhat", "numi:seed", "--network", "localhost", "--rewards", "12", "--governance", "false"],
    { cwd: ROOT, env: { ...process.env, NUMI_RPC_PORT: new URL(rpcUrl).port }, encoding: "utf8" },
  );
  if (seeded.status !== 0) throw new Error(`numi:seed failed:\n${seeded.stdout}\n${seeded.stderr}`);
  const fee = encodeFunctionData({ abi: MiningPoolAbi, functionName: "setFee", args: [200] });
  const description = "Set the pool fee to 2%\n\nTwo percent of every reward arriving in the pool funds the treasury.";
  const propose = encodeFunctionData({
    abi: NumiGovernorAbi,
    functionName: "propose",
    args: [[local.MiningPool.address], [0n], [fee], description],
  });
  await send(ACCOUNT1, local.NumiGovernor.address, propose);
  await rpc(rpcUrl, "evm_increaseTime", [2]); // past the voting delay: the card shows the vote form
  await rpc(rpcUrl, "evm_mine");
  const head = Number(await rpc(rpcUrl, "eth_blockNumber"));
  for (let i = 0; i < 120 && (await indexedBlock(indexerUrl)) < head; i++) await new Promise((r) => setTimeout(r, 500));
}

/** A fresh context at `size` with animations reduced, so two runs draw the same pictures. */
async function pageAt(size: Size, startChainId = "0x7a69"): Promise<Page> {
  const context: BrowserContext = await walletContext(browser, { rpcUrl, account: ACCOUNT1, startChainId });
  const page = await context.newPage();
  await page.setViewportSize({ width: size.width, height: size.height });
  await page.emulateMedia({ reducedMotion: "reduce" });
  return page;
}

/** Waits until the page is hydrated and quiet, then writes `<screen>-<size>.jpg`. */
async function capture(page: Page, screen: string, size: Size): Promise<void> {
  await hydrated(page);
  await page.waitForLoadState("networkidle");
  const file = path.join(OUT, `${screen}-${size.name}.jpg`);
  await page.screenshot({ path: file, type: "jpeg", quality: 70, animations: "disabled", caret: "hide" });
  expect(statSync(file).size, file).toBeGreaterThan(5_000); // an empty or blank page compresses far below this
}

async function visit(page: Page, route: string): Promise<void> {
  await page.goto(`${appUrl}${route}`);
  await page.getByTestId("account-address").waitFor();
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  await seedChain();
  browser = await launch();
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

describe.each(SIZES)("screenshots at $name size", (size) => {
  test("every page, connected, with its figures loaded", async () => {
    const page = await pageAt(size);
    try {
      await page.goto(appUrl);
      await connect(page);
      await page.getByTestId("balance").filter({ hasText: /NUMI/ }).waitFor();
      await page
        .getByTestId("supply")
        .filter({ hasText: /NUMI \/ [\d,]+ NUMI/ })
        .waitFor();
      await capture(page, "dashboard", size);

      await visit(page, "/mine");
      await page.getByRole("button", { name: "Start mining" }).waitFor();
      await capture(page, "mine", size);

      await visit(page, "/receive");
      await page.getByTestId("qr").waitFor();
      await capture(page, "receive", size);

      await visit(page, "/pool");
      await page.getByTestId("pool-apr").filter({ hasText: /\w/ }).waitFor();
      await capture(page, "pool", size);

      await visit(page, "/governance");
      const card = page.locator('[data-testid="proposal"][data-state="Active"]').first();
      await card.waitFor();
      await capture(page, "governance", size);
      await card.scrollIntoViewIfNeeded(); // below the delegation and proposal forms
      await capture(page, "proposal", size);

      await visit(page, "/activity");
      await page.getByTestId("activity-row").first().waitFor();
      await capture(page, "activity", size);

      await visit(page, "/analytics");
      await page.getByRole("heading", { name: "Mining" }).waitFor();
      await page.locator("figure svg[role=img]").first().waitFor();
      await capture(page, "analytics", size);

      // Send last: its declined write stays in the transaction centre on every other page.
      await visit(page, "/send");
      await page.getByLabel("Recipient address").fill(CAROL);
      await page.getByLabel("Amount (NUMI)").fill("12.5");
      await capture(page, "send", size);
      await page.getByRole("button", { name: "Review" }).click();
      await page.getByTestId("review").waitFor();
      await capture(page, "send-review", size);
      await page.evaluate(() => ((window as TestWalletWindow).__testWallet.rejectNext = true));
      expect(await act(page, page.getByRole("button", { name: "Confirm and send" }))).toBe("cancelled");
      await capture(page, "send-cancelled", size);
    } finally {
      await page.context().close();
    }
  });

  test("the connect dialog and the wrong-network banner", async () => {
    const page = await pageAt(size);
    try {
      await page.goto(appUrl);
      await hydrated(page);
      await page.getByRole("button", { name: "Connect wallet" }).click();
      await page.getByRole("button", { name: "Numi Test Wallet" }).waitFor();
      await capture(page, "connect", size);
    } finally {
      await page.context().close();
    }
    const wrong = await pageAt(size, "0x1");
    try {
      await wrong.goto(`${appUrl}/send`);
      await connect(wrong);
      await wrong.getByTestId("wrong-network").waitFor();
      await capture(wrong, "wrong-network", size);
    } finally {
      await wrong.context().close();
    }
  });
});
