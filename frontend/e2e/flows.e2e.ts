// Every flow of the dApp in Chromium against the local chain, signed by the EIP-6963 test wallet. The tests
// run in order on one chain: mining funds the account, which then sends, stakes, claims, withdraws,
// delegates, proposes, votes, queues and executes.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createPublicClient, encodeFunctionData, formatEther, http, parseEther, parseGwei, type Abi } from "viem";
import { ACCOUNT0, ACCOUNT1, act, axeViolations, connect, connectedPage, walletContext } from "./browser";
import { rpc } from "./stack";
import { ROUTES } from "./routes";
import { aprText, numi } from "@/lib/format";
import { formatAmount } from "@/lib/amount";
import type { TestWalletWindow } from "./testWallet";
import { deployments } from "@numi/contracts/deployments";
import { NumiCoinAbi } from "@numi/contracts/abi/NumiCoin";
import { MiningPoolAbi } from "@numi/contracts/abi/MiningPool";
import { NumiGovernorAbi } from "@numi/contracts/abi/NumiGovernor";
import { NumiTimelockAbi } from "@numi/contracts/abi/NumiTimelock";

const rpcUrl = inject("rpcUrl");
const appUrl = inject("appUrl");
const local = deployments["31337"].contracts;
const abis = {
  NumiCoin: NumiCoinAbi,
  MiningPool: MiningPoolAbi,
  NumiGovernor: NumiGovernorAbi,
  NumiTimelock: NumiTimelockAbi,
};
const client = createPublicClient({ transport: http(rpcUrl) });
const read = (name: keyof typeof local, functionName: string, args: unknown[] = []) =>
  client.readContract({ address: local[name].address, abi: abis[name] as Abi, functionName, args }) as Promise<bigint>;

let browser: Browser;
let context: BrowserContext;
let page: Page;

async function advance(seconds: number) {
  await rpc(rpcUrl, "evm_increaseTime", [seconds]);
  await rpc(rpcUrl, "evm_mine");
}

/** The id of the latest proposal, from the governor's ProposalCreated log. */
async function proposalId(): Promise<bigint> {
  const logs = await client.getContractEvents({
    address: local.NumiGovernor.address,
    abi: NumiGovernorAbi,
    eventName: "ProposalCreated",
    fromBlock: 0n,
  });
  return (logs[logs.length - 1]!.args as { proposalId: bigint }).proposalId;
}

async function go(path: string) {
  await page.goto(`${appUrl}${path}`);
  await page.getByTestId("account-address").waitFor();
}

beforeAll(async () => {
  ({ browser, context, page } = await connectedPage(rpcUrl, appUrl));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("mine", () => {
  test("mines a block in the browser with the shared core and receives the reward", async () => {
    const before = await read("NumiCoin", "balanceOf", [ACCOUNT0]);
    const epochBefore = await read("NumiCoin", "epochCount");
    await go("/mine");
    await page.getByRole("button", { name: "Start mining" }).click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="mined-count"]')?.textContent) >= 1,
      undefined,
      { timeout: 60_000 },
    );
    await page.getByRole("button", { name: "Stop mining" }).click();
    await page.waitForFunction(() =>
      ["confirmed", "failed", "reverted"].includes(
        (document.querySelector('[data-testid="tx-status"]') as HTMLElement | null)?.dataset.step ?? "",
      ),
    );
    expect(await read("NumiCoin", "epochCount")).toBeGreaterThanOrEqual(epochBefore + 1n);
    expect(await read("NumiCoin", "balanceOf", [ACCOUNT0])).toBeGreaterThan(before);
  });
});

describe("send", () => {
  test("refuses bad recipients and amounts with clear messages", async () => {
    await go("/send");
    const to = page.getByLabel("Recipient address");
    const amount = page.getByLabel("Amount (NUMI)");
    const recipientError = page.getByTestId("recipient-error");
    const amountError = page.getByTestId("amount-error");
    await to.fill("0x0000000000000000000000000000000000000000");
    await expect(recipientError.textContent()).resolves.toMatch(/zero address/);
    await to.fill(local.NumiCoin.address);
    await expect(recipientError.textContent()).resolves.toMatch(/NUMI token contract/);
    await to.fill(local.MiningPool.address.toLowerCase());
    await expect(recipientError.textContent()).resolves.toMatch(/staking pool/);
    await to.fill(ACCOUNT1.replace("C51812", "c51812"));
    await expect(recipientError.textContent()).resolves.toMatch(/checksum/);
    await to.fill("0x1234");
    await expect(recipientError.textContent()).resolves.toMatch(/40 hexadecimal/);
    // The local chain has no ENS: a name gets its own message, and no lookup is attempted.
    await to.fill("vitalik.eth");
    await expect(recipientError.textContent()).resolves.toBe(
      "ENS names work on Ethereum and Sepolia; on NumiCoin Local paste an address.",
    );
    expect(await page.getByTestId("ens-status").count()).toBe(0);
    expect(await page.getByTestId("self-send").count()).toBe(0);
    await to.fill(ACCOUNT0);
    await expect(page.getByTestId("self-send").textContent()).resolves.toMatch(/your own address/);
    await amount.fill("1,5");
    await expect(amountError.textContent()).resolves.toBe("");
    await amount.fill("1,500");
    await expect(amountError.textContent()).resolves.toMatch(/decimal or a thousands separator/);
    await amount.fill("1.0000000000000000001");
    await expect(amountError.textContent()).resolves.toMatch(/19/);
    await amount.fill("1e3");
    await expect(amountError.textContent()).resolves.toMatch(/digits/);
    await amount.fill("100000000");
    await expect(amountError.textContent()).resolves.toMatch(/more than/);
    await page.getByRole("button", { name: "Review" }).click();
    expect(await page.getByTestId("review").count()).toBe(0);
  });

  test("a rejection in the wallet reads as cancelled and sends nothing", async () => {
    await go("/send");
    await page.getByLabel("Recipient address").fill(ACCOUNT1);
    await page.getByLabel("Amount (NUMI)").fill("1");
    await page.getByRole("button", { name: "Review" }).click();
    await page.evaluate(() => ((window as TestWalletWindow).__testWallet.rejectNext = true));
    const before = await read("NumiCoin", "balanceOf", [ACCOUNT1]);
    expect(await act(page, page.getByRole("button", { name: "Confirm and send" }))).toBe("cancelled");
    // Said once: not "Cancelled. Cancelled in the wallet."
    await expect(page.getByTestId("tx-status").textContent()).resolves.toBe(
      "Send 1 NUMI: Cancelled in the wallet. Nothing was sent.",
    );
    expect(await read("NumiCoin", "balanceOf", [ACCOUNT1])).toBe(before);
  });

  test("sends an exact amount after review", async () => {
    const before = await read("NumiCoin", "balanceOf", [ACCOUNT1]);
    expect(await act(page, page.getByRole("button", { name: "Confirm and send" }))).toBe("confirmed");
    expect(await read("NumiCoin", "balanceOf", [ACCOUNT1])).toBe(before + parseEther("1"));
  });

  test("offers the recent recipient (this browser only) and fills it in one tap", async () => {
    await go("/send");
    await page.getByTestId("recent-recipients").locator(`button[title="${ACCOUNT1}"]`).click();
    await expect(page.getByLabel("Recipient address").inputValue()).resolves.toBe(ACCOUNT1);
  });

  test("Max fills the exact balance; the balance shows 4 decimals with the exact value on hover", async () => {
    await go("/send");
    await page.getByRole("button", { name: "Max" }).click();
    const balance = await read("NumiCoin", "balanceOf", [ACCOUNT0]);
    const value = await page.getByLabel("Amount (NUMI)").inputValue();
    expect(parseEther(value)).toBe(balance);
    const shown = page.getByTestId("send-balance").locator("span[title]");
    await expect(shown.getAttribute("title")).resolves.toBe(`${formatAmount(balance, 18)} NUMI`);
    await expect(shown.textContent()).resolves.toBe(`${formatAmount(balance, 18, 4)} NUMI`);
  });

  test("a holder with NUMI and no ETH is told on the review, before signing, what the fee needs", async () => {
    const poor = "0x00000000000000000000000000000000000c0ffe";
    await rpc(rpcUrl, "hardhat_impersonateAccount", [poor]);
    const transfer = encodeFunctionData({ abi: NumiCoinAbi, functionName: "transfer", args: [poor, parseEther("2")] });
    await rpc(rpcUrl, "eth_sendTransaction", [{ from: ACCOUNT0, to: local.NumiCoin.address, data: transfer }]);
    await rpc(rpcUrl, "hardhat_setBalance", [poor, "0x0"]);
    const poorContext = await walletContext(browser, { rpcUrl, account: poor });
    const p = await poorContext.newPage();
    try {
      await p.goto(`${appUrl}/send`);
      await connect(p);
      await p.getByLabel("Recipient address").fill(ACCOUNT1);
      await p.getByLabel("Amount (NUMI)").fill("1");
      await p.getByRole("button", { name: "Review" }).click();
      await expect(p.getByTestId("fee-short").textContent()).resolves.toMatch(
        /^You need about [\d.]+ ETH for the network fee; you have 0 ETH\. Add ETH to this account to continue\.$/,
      );
      await expect(p.getByTestId("fee-estimate").textContent()).resolves.toMatch(/Your ETH: 0 ETH\.$/);
      await expect(p.getByRole("button", { name: "Confirm and send" }).isDisabled()).resolves.toBe(true);
      expect(await p.getByTestId("tx-status").count()).toBe(0); // the wallet was never asked
      expect(await read("NumiCoin", "balanceOf", [poor])).toBe(parseEther("2"));
    } finally {
      await poorContext.close();
    }
  });

  test("the review shows the fee and the account's ETH; the wallet step shows the most the fee can cost", async () => {
    await go("/send");
    await page.getByLabel("Recipient address").fill(ACCOUNT1);
    await page.getByLabel("Amount (NUMI)").fill("0.5");
    await page.getByRole("button", { name: "Review" }).click();
    const ethBalance = Number(formatEther(await client.getBalance({ address: ACCOUNT0 })));
    await page
      .getByTestId("fee-estimate")
      .filter({ hasText: /^Network fee: about/ })
      .waitFor();
    const line = (await page.getByTestId("fee-estimate").textContent()) ?? "";
    const [, about, most, has] =
      /^Network fee: about ([\d.]+) ETH \(at most ([\d.]+) ETH\)\. Your ETH: ([\d,.]+) ETH\.$/.exec(line) ?? [];
    expect(Number(about)).toBeGreaterThan(0);
    expect(Number(most)).toBeGreaterThanOrEqual(Number(about));
    expect(Number(has.replaceAll(",", ""))).toBeCloseTo(ethBalance, 3);
    expect(await page.getByTestId("fee-short").count()).toBe(0);
    // Refreshed as blocks arrive: a block with a 100 gwei base fee (the idle local chain's has decayed to almost
    // nothing, the 1 gwei priority fee is most of the fee), and the review's figure follows it.
    await rpc(rpcUrl, "hardhat_setNextBlockBaseFeePerGas", [`0x${parseGwei("100").toString(16)}`]);
    await rpc(rpcUrl, "evm_mine");
    await page.waitForFunction(
      (aboutBefore) => {
        const now = document.querySelector('[data-testid="fee-estimate"]')?.textContent ?? "";
        const m = /^Network fee: about ([\d.]+) ETH/.exec(now);
        return !!m && Number(m[1]) > aboutBefore * 10;
      },
      Number(about),
      { timeout: 15_000 },
    );
    await page.evaluate(() => {
      // The wallet step is brief here (the test wallet signs at once): record the fee line whenever it shows.
      const w = window as unknown as { feeSeen?: string };
      new MutationObserver(() => {
        const fee = document.querySelector('[data-testid="tx-fee"]');
        if (fee) w.feeSeen = fee.textContent ?? "";
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const before = await read("NumiCoin", "balanceOf", [ACCOUNT1]);
    expect(await act(page, page.getByRole("button", { name: "Confirm and send" }))).toBe("confirmed");
    expect(await read("NumiCoin", "balanceOf", [ACCOUNT1])).toBe(before + parseEther("0.5"));
    const seen = await page.evaluate(() => (window as unknown as { feeSeen?: string }).feeSeen);
    expect(seen).toMatch(/^ Network fee: at most [\d.]+ ETH\.$/);
  });
});

describe("pool", () => {
  test("refuses bad stake and withdraw amounts", async () => {
    await go("/pool");
    await page.getByTestId("stake-amount").fill("0");
    await expect(page.getByTestId("stake-amount-error").textContent()).resolves.toMatch(/greater than zero/);
    // "More than you have" needs the balances, which load after the page: poll until they are in.
    await page.getByTestId("stake-amount").fill("99999999");
    await expect
      .poll(() => page.getByTestId("stake-amount-error").textContent(), { timeout: 15_000 })
      .toMatch(/more than/);
    await page.getByTestId("withdraw-amount").fill("1");
    await expect
      .poll(() => page.getByTestId("withdraw-amount-error").textContent(), { timeout: 15_000 })
      .toMatch(/more than/);
    await expect(page.getByRole("button", { name: "Withdraw", exact: true }).isDisabled()).resolves.toBe(true);
  });

  test("approves exactly the amount, then stakes", async () => {
    await page.getByTestId("stake-amount").fill("2.5");
    expect(await act(page, page.getByRole("button", { name: "Approve 2.5 NUMI" }))).toBe("confirmed");
    expect(await read("NumiCoin", "allowance", [ACCOUNT0, local.MiningPool.address])).toBe(parseEther("2.5"));
    expect(await act(page, page.getByRole("button", { name: "Stake", exact: true }))).toBe("confirmed");
    expect(await read("MiningPool", "balanceOf", [ACCOUNT0])).toBe(parseEther("2.5"));
  });

  test("the APR says what it is, or why there is none: 2.5 NUMI staked is not meaningful", async () => {
    const state = (await client.readContract({
      address: local.MiningPool.address,
      abi: MiningPoolAbi,
      functionName: "poolState",
    })) as { rewardRate: bigint; totalStaked: bigint; periodFinish: bigint };
    expect(state.totalStaked).toBe(parseEther("2.5"));
    await expect(page.getByTestId("pool-apr").textContent()).resolves.toBe(
      aprText(state, Math.floor(Date.now() / 1000)),
    );
    await expect(page.getByTestId("pool-apr").textContent()).resolves.toMatch(/^not meaningful yet: only 2\.5 NUMI/);
  });

  test("stakes with a permit after showing spender, amount and deadline", async () => {
    await page.getByTestId("stake-amount").fill("1");
    await page.getByLabel(/permit signature/).check();
    await page.getByRole("button", { name: "Review permit" }).click();
    const review = await page.getByTestId("permit-review").textContent();
    expect(review).toContain(local.MiningPool.address);
    expect(review).toContain("1 NUMI");
    expect(review).toMatch(/Deadline/);
    // Priced before the signature exists, from the gas the contract tests measured, and it says so.
    await page
      .getByTestId("fee-estimate")
      .filter({ hasText: /^Network fee: about/ })
      .waitFor();
    await expect(page.getByTestId("fee-estimate").textContent()).resolves.toMatch(
      /^Network fee: about [\d.]+ ETH \(at most [\d.]+ ETH\)\. Based on 193,076 gas, the most a permit stake used in the contract tests; .+ Your ETH: [\d,.]+ ETH\.$/,
    );
    expect(await act(page, page.getByRole("button", { name: "Sign permit and stake" }))).toBe("confirmed");
    expect(await read("MiningPool", "balanceOf", [ACCOUNT0])).toBe(parseEther("3.5"));
    expect(await read("NumiCoin", "allowance", [ACCOUNT0, local.MiningPool.address])).toBe(0n);
  });

  test("claims streamed rewards", async () => {
    await advance(60);
    await go("/pool");
    const before = await read("NumiCoin", "balanceOf", [ACCOUNT0]);
    expect(await act(page, page.getByRole("button", { name: "Claim rewards" }))).toBe("confirmed");
    expect(await read("NumiCoin", "balanceOf", [ACCOUNT0])).toBeGreaterThan(before);
  });

  test("withdraws part of the stake", async () => {
    await page.getByTestId("withdraw-amount").fill("0.5");
    expect(await act(page, page.getByRole("button", { name: "Withdraw", exact: true }))).toBe("confirmed");
    expect(await read("MiningPool", "balanceOf", [ACCOUNT0])).toBe(parseEther("3"));
  });

  test("a revert decoded into a sentence: claiming with nothing to claim", async () => {
    expect(await act(page, page.getByRole("button", { name: "Exit" }))).toBe("confirmed");
    expect(await act(page, page.getByRole("button", { name: "Claim rewards" }))).toBe("failed");
    await expect(page.getByTestId("tx-status").textContent()).resolves.toContain("You have no reward to claim yet.");
  });
});

describe("governance", () => {
  test("delegates away and back to self, refusing a bad delegate address; the page follows the delegate", async () => {
    await go("/governance");
    // Mining delegated the miner to itself: the page says so instead of offering it again.
    await page.getByTestId("delegated-to-self").waitFor();
    expect(await page.getByRole("button", { name: "Delegate to myself" }).count()).toBe(0);
    await page.getByLabel("Or delegate to another address").fill("0xnothex");
    await expect(page.getByTestId("delegate-error").textContent()).resolves.toMatch(/40 hexadecimal/);
    await page.getByLabel("Or delegate to another address").fill(ACCOUNT1);
    expect(await act(page, page.getByRole("button", { name: "Delegate", exact: true }))).toBe("confirmed");
    expect(await read("NumiCoin", "delegates", [ACCOUNT0])).toBe(ACCOUNT1);
    await expect(page.getByTestId("gov-delegate").textContent()).resolves.toBe("0x7099…79C8");
    expect(await act(page, page.getByRole("button", { name: "Delegate to myself" }))).toBe("confirmed");
    expect(await read("NumiCoin", "getVotes", [ACCOUNT0])).toBeGreaterThan(0n);
    await expect(page.getByTestId("gov-delegate").textContent()).resolves.toBe("yourself");
    await page.getByTestId("delegated-to-self").waitFor();
  });

  test("refuses bad proposal input, then proposes a pool share change from its template", async () => {
    await page.getByLabel("What to change").selectOption("setPoolShare");
    await page.getByTestId("param-shareBps").fill("2001");
    await page.getByLabel("Description").fill("Raise the pool share so stakers earn more.");
    await page.getByRole("button", { name: "Propose" }).click();
    await expect(page.getByTestId("proposal-error").textContent()).resolves.toMatch(/at most 2000/);
    await page.getByTestId("param-shareBps").fill("1500");
    await page.getByLabel("Description").fill("short");
    await page.getByRole("button", { name: "Propose" }).click();
    await expect(page.getByTestId("proposal-error").textContent()).resolves.toMatch(/at least 10 characters/);
    await page.getByLabel("Description").fill("Raise the pool share to 15% so stakers earn more.");
    expect(await act(page, page.getByRole("button", { name: "Propose" }))).toBe("confirmed");
    const card = page.getByTestId("proposal").first();
    await card.waitFor();
    // The voter sees the change itself, against today's value (once read from the chain), not only the proposer's
    // title.
    await card.getByTestId("proposal-actions").filter({ hasText: "Pool share: 10% → 15% of every reward" }).waitFor();
    expect(await card.getByTestId("unknown-action").count()).toBe(0);
    await card.getByText("Full description").click();
    await expect(card.getByTestId("proposal-body").textContent()).resolves.toBe(
      "Raise the pool share to 15% so stakers earn more.",
    );
  });

  test("votes for with a reason once voting opens", async () => {
    await advance(2);
    await page.waitForSelector('[data-testid="proposal"][data-state="Active"]', { timeout: 20_000 });
    await page.getByLabel("For", { exact: true }).check();
    await page.getByLabel("Reason (optional, public)").fill("Stakers carry the network.");
    expect(await act(page, page.getByRole("button", { name: "Cast vote" }))).toBe("confirmed");
    await page.getByText("You have voted.").waitFor();
    const card = page.getByTestId("proposal").first();
    const snapshot = await read("NumiGovernor", "proposalSnapshot", [await proposalId()]);
    const weight = await read("NumiGovernor", "getVotes", [ACCOUNT0, snapshot]);
    expect(weight).toBeGreaterThan(0n);
    await expect(card.getByTestId("proposal-weight").textContent()).resolves.toBe(
      `Your voting power at the snapshot: ${numi(weight)}.`,
    );
    await expect(card.getByTestId("proposal-quorum").textContent()).resolves.toMatch(
      /Quorum: [\d,.]+ NUMI of [\d,.]+ NUMI needed/,
    );
  });

  test("queues after the vote and executes after the timelock delay", async () => {
    await advance(125);
    await page.waitForSelector('[data-testid="proposal"][data-state="Succeeded"]', { timeout: 20_000 });
    expect(await act(page, page.getByRole("button", { name: "Queue" }))).toBe("confirmed");
    await page.waitForSelector('[data-testid="proposal"][data-state="Queued"]', { timeout: 20_000 });
    await advance(31);
    const execute = page.getByRole("button", { name: "Execute" });
    await page.waitForFunction(
      () => {
        const b = [...document.querySelectorAll("button")].find((x) => x.textContent === "Execute");
        return !!b && !b.disabled;
      },
      undefined,
      { timeout: 20_000 },
    );
    expect(await act(page, execute)).toBe("confirmed");
    await page.waitForSelector('[data-testid="proposal"][data-state="Executed"]', { timeout: 20_000 });
    expect(Number(await read("NumiCoin", "poolShareBps"))).toBe(1500);
    // The timeline, from the indexer, dates every step through the execution.
    const card = page.getByTestId("proposal").first();
    await card.getByText("Timeline").click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="proposal-timeline"]')?.textContent?.includes("Executed:"),
      undefined,
      { timeout: 20_000 },
    );
    const steps = await card.getByTestId("proposal-timeline").locator("li").allTextContents();
    expect(steps.map((t) => t.split(":")[0])).toEqual([
      "Proposed",
      "Voting opens",
      "Voting closes",
      "Queued on the timelock",
      "Executable",
      "Executed",
    ]);
    // Executed: the action reads as what it set, with no "from" value.
    await expect(card.getByTestId("proposal-actions").textContent()).resolves.toContain(
      "Pool share: 15% of every reward",
    );
  });
});

describe("activity", () => {
  test("lists every kind of the account's events from the indexer, with dates and copyable hashes", async () => {
    await go("/activity");
    await page.getByTestId("activity-row").first().waitFor();
    // The indexer answered: no notice of history read from the RPC.
    expect(await page.getByTestId("activity-source").count()).toBe(0);
    const kinds = new Set<string>();
    for (;;) {
      for (const k of await page
        .getByTestId("activity-row")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-kind"))))
        kinds.add(k!);
      const older = page.getByRole("button", { name: "Older" });
      if (!(await older.count()) || (await older.isDisabled())) break;
      await older.click();
      await page.waitForTimeout(300);
    }
    for (const kind of [
      "mined",
      "sent",
      "approved",
      "staked",
      "claimed",
      "withdrew",
      "delegated",
      "proposed",
      "voted",
      "queued",
      "executed",
    ])
      expect(kinds, kind).toContain(kind);
    await go("/activity");
    const first = page.getByTestId("activity-row").first();
    await first.waitFor();
    expect(await first.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d\d-\d\dT/);
    const hash = await first.locator(".mono").getAttribute("title");
    expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: appUrl });
    await first.getByRole("button", { name: /Copy hash/ }).click();
    // The status follows the clipboard write's promise: poll for it rather than read it once right after the click.
    await expect.poll(() => first.getByTestId("copy-status").textContent()).toBe("Transaction hash copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(hash);
  });

  test("fits a 390 px wide screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await go("/activity");
      await page.getByTestId("activity-row").first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 }); // Playwright's default
    }
  });
});

describe("accessibility", () => {
  test.each(ROUTES.flatMap((r) => [[r, 1280, 720] as const, [r, 390, 844] as const]))(
    "axe-core finds no violation of any impact on %s at %i px",
    async (path, width, height) => {
      await page.setViewportSize({ width, height });
      try {
        await go(path);
        await page.waitForTimeout(500);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await page.setViewportSize({ width: 1280, height: 720 }); // Playwright's default
      }
    },
  );

  test("at 390 px: one row of navigation with 44 px targets, the account on one line, nothing wider than the screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const path of ROUTES) {
        await go(path);
        const m = await page.evaluate(() => {
          const links = [...document.querySelectorAll(".nav a")] as HTMLElement[];
          const account = document.querySelector('[data-testid="account-address"]')!.getBoundingClientRect();
          return {
            rows: new Set(links.map((a) => Math.round(a.getBoundingClientRect().top))).size,
            lowest: Math.min(...links.map((a) => a.getBoundingClientRect().height)),
            accountHeight: account.height,
            overflow: document.documentElement.scrollWidth - window.innerWidth,
          };
        });
        expect(m.rows, path).toBe(1);
        expect(m.overflow, path).toBeLessThanOrEqual(0);
        expect(m.lowest, path).toBeGreaterThanOrEqual(44);
        expect(m.accountHeight, path).toBeLessThan(30);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  test("no route logs a console error or throws an uncaught error", async () => {
    const errors: string[] = [];
    const listen = (m: { type(): string; text(): string }) => {
      if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
    };
    // Uncaught errors (reportError among them) arrive as page errors, not as logs. Note: this production build
    // did not report the /mine hydration mismatch either way (checked with the fix reverted), so hydration is
    // not what this test proves: hydration.e2e.ts checks it under `next dev`.
    const uncaught = (e: Error) => errors.push(`${page.url()}: ${e.message}`);
    page.on("console", listen);
    page.on("pageerror", uncaught);
    try {
      for (const path of ROUTES) {
        await go(path);
        await page.waitForTimeout(800);
      }
    } finally {
      page.off("console", listen);
      page.off("pageerror", uncaught);
    }
    expect(errors).toEqual([]);
  });

  test("focus follows the user: to the content after navigating, to the status after a write", async () => {
    await go("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Send" }).click();
    await page.waitForURL("**/send");
    await page.waitForFunction(() => document.activeElement?.id === "main", undefined, { timeout: 5_000 });
    await page.getByLabel("Recipient address").fill(ACCOUNT1);
    await page.getByLabel("Amount (NUMI)").fill("0.1");
    await page.getByRole("button", { name: "Review" }).click();
    expect(await act(page, page.getByRole("button", { name: "Confirm and send" }))).toBe("confirmed");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "tx-status", undefined, {
      timeout: 5_000,
    });
  });

  test("the transaction centre shows that write's outcome on the other pages, with its hash, until dismissed", async () => {
    // The send of the test before, made on /send: the page it left shows it inline, every other page in the centre.
    expect(await page.getByTestId("tx-toast").count()).toBe(0);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pool" }).click();
    await page.waitForURL("**/pool");
    const toast = page.getByTestId("tx-toast").first();
    await expect(toast.textContent()).resolves.toContain("Send 0.1 NUMI: confirmed.");
    await expect(toast.getByRole("button", { name: /Copy hash/ }).getAttribute("title")).resolves.toMatch(
      /^0x[0-9a-f]{64}$/,
    );
    await toast.getByRole("button", { name: "Dismiss: Send 0.1 NUMI" }).click();
    expect(await page.getByTestId("tx-toast").count()).toBe(0);
  });

  test("Activity lists the user's own transaction while it waits for a block", async () => {
    await go("/send");
    await rpc(rpcUrl, "evm_setAutomine", [false]); // the next transaction stays pending until evm_mine
    try {
      await page.getByLabel("Recipient address").fill(ACCOUNT1);
      await page.getByLabel("Amount (NUMI)").fill("0.2");
      await page.getByRole("button", { name: "Review" }).click();
      await page.getByRole("button", { name: "Confirm and send" }).click();
      await page.waitForSelector('[data-testid="tx-status"][data-step="pending"]', { timeout: 20_000 });
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
      const pending = page.getByTestId("activity-pending");
      await expect(pending.textContent()).resolves.toContain("PendingSend 0.2 NUMI");
      await rpc(rpcUrl, "evm_mine");
      await pending.waitFor({ state: "detached", timeout: 20_000 });
    } finally {
      await rpc(rpcUrl, "evm_setAutomine", [true]);
    }
  });

  test("every flow is reachable by keyboard: Tab reaches the main navigation and the forms", async () => {
    await go("/send");
    const reached = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      reached.add(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return `${el?.tagName}:${el?.getAttribute("aria-label") ?? el?.textContent?.trim() ?? ""}:${(el as HTMLInputElement | null)?.name ?? ""}`;
        }),
      );
    }
    const all = [...reached].join("|");
    expect(all).toContain("A:Pool");
    expect(all).toContain("INPUT::recipient");
    expect(all).toContain("INPUT::amount");
    // The focused element is visibly outlined.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe("none");
  });
});
