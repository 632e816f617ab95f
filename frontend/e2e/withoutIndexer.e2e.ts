// The dApp without its indexer, through an RPC that refuses eth_getLogs over 1,000 blocks (as public RPCs do), on a
// chain 50,000 blocks older than its last event (issue #15). Runs last (vitest.e2e.config.ts): it stops the
// stack's indexer and ages the chain. The browser's JSON-RPC requests pass through Playwright's router, which
// counts them by method and refuses wide log ranges with Infura's error.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser, BrowserContext, Page, Route } from "playwright-core";
import { ACCOUNT0, ACCOUNT1, connectedPage } from "./browser";
import { rpc } from "./stack";

const rpcUrl = inject("rpcUrl");
const appUrl = inject("appUrl");
const indexerPid = inject("indexerPid");
const LIMIT = 1_000;
const EMPTY_BLOCKS = 50_000;

interface Req {
  jsonrpc: "2.0";
  id: number | string | null;
  method: string;
  params?: unknown[];
}

const counts: Record<string, number> = {};
let refused = 0;
let widest = 0;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** The browser's JSON-RPC: wide eth_getLogs refused, everything else forwarded to the node, all counted. */
async function limitingRpc(route: Route) {
  if (route.request().method() !== "POST") return route.continue(); // CORS preflight
  const body = JSON.parse(route.request().postData() ?? "null") as Req | Req[];
  const list = Array.isArray(body) ? body : [body];
  const head = Number(await rpc(rpcUrl, "eth_blockNumber"));
  const answers = await Promise.all(
    list.map(async (req) => {
      counts[req.method] = (counts[req.method] ?? 0) + 1;
      if (req.method === "eth_getLogs") {
        const [f] = req.params as [{ fromBlock?: string; toBlock?: string }];
        const n = (key?: string) => (key && key.startsWith("0x") ? Number(key) : head);
        const blocks = n(f.toBlock) - n(f.fromBlock) + 1;
        if (blocks > LIMIT) {
          refused++;
          return {
            jsonrpc: "2.0",
            id: req.id,
            error: {
              code: -32005,
              message: `query returned more than 10000 results. Try with this block range [${f.fromBlock}, ${f.toBlock}].`,
            },
          };
        }
        widest = Math.max(widest, blocks);
      }
      const res = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(req),
      });
      return res.json();
    }),
  );
  await route.fulfill({
    contentType: "application/json",
    headers: { "access-control-allow-origin": "*" },
    body: JSON.stringify(Array.isArray(body) ? answers : answers[0]),
  });
}

function resetCounts() {
  for (const k of Object.keys(counts)) delete counts[k];
  refused = 0;
}

/** eth_getLogs sent while `run` runs and the page settles. */
async function logsDuring(run: () => Promise<unknown>): Promise<number> {
  resetCounts();
  await run();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(3_000);
  return counts.eth_getLogs ?? 0;
}

beforeAll(async () => {
  // No indexer from here on: its process group is stopped, so its port refuses connections.
  if (indexerPid) process.kill(-indexerPid, "SIGTERM");
  await rpc(rpcUrl, "hardhat_mine", [`0x${EMPTY_BLOCKS.toString(16)}`]);
  // One fresh event after the empty blocks: a transfer the first load must find.
  await rpc(rpcUrl, "eth_sendTransaction", [
    {
      from: ACCOUNT0,
      to: (await import("@numi/contracts/deployments")).deployments["31337"].contracts.NumiCoin.address,
      // transfer(ACCOUNT1, 1 wei)
      data: `0xa9059cbb${ACCOUNT1.slice(2).toLowerCase().padStart(64, "0")}${"1".padStart(64, "0")}`,
    },
  ]);
  ({ browser, context, page } = await connectedPage(rpcUrl, appUrl, (c) =>
    c.route((url) => url.origin === new URL(rpcUrl).origin, limitingRpc),
  ));
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("without the indexer, through an RPC that refuses ranges over 1,000 blocks", () => {
  test("Activity says it is partial, finds the recent transfer, and loads older history on request", async () => {
    const firstLoad = await logsDuring(async () => {
      await page.goto(`${appUrl}/activity`);
      await page.getByTestId("activity-source").waitFor();
    });
    const note = page.getByTestId("activity-source");
    expect(await note.getAttribute("data-complete")).toBe("false");
    await expect(note.textContent()).resolves.toMatch(
      /Partial history\. The indexer at http:\/\/127\.0\.0\.1:\d+ cannot be reached\./,
    );
    await page.locator('[data-testid="activity-row"][data-kind="sent"]').first().waitFor();
    // 10 ranges of at most 1,000 blocks after one refusal of 2,000, two eth_getLogs each.
    expect(widest).toBeLessThanOrEqual(LIMIT);
    expect(firstLoad).toBeLessThanOrEqual(2 * 10); // refused attempts count against the budget

    // A new block costs the same small refresh however old the chain is: its new blocks, nothing older.
    const refresh = await logsDuring(() => rpc(rpcUrl, "evm_mine"));
    expect(refresh).toBe(2);

    // Older history, a budget at a time, down to the deployment: the mining rewards appear.
    const older: number[] = [];
    for (let i = 0; i < 10 && (await note.getAttribute("data-complete")) === "false"; i++) {
      older.push(await logsDuring(() => page.getByRole("button", { name: "Load older history" }).click()));
      expect(older[older.length - 1]).toBeLessThanOrEqual(2 * 10);
    }
    console.info(
      `Activity without the indexer, chain of ${await rpc(rpcUrl, "eth_blockNumber")} blocks: first load ${firstLoad} eth_getLogs (widest ${widest} blocks), refresh ${refresh}, Load older ${older.join(" + ")}`,
    );
    expect(await note.getAttribute("data-complete")).toBe("true");
    const kinds = await page
      .getByTestId("activity-row")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-kind")));
    expect(kinds).toContain("sent");
    let all = new Set(kinds);
    for (let i = 0; i < 20 && !all.has("mined"); i++) {
      const older = page.getByRole("button", { name: "Older" });
      if (await older.isDisabled()) break;
      await older.click();
      all = new Set([
        ...all,
        ...(await page.getByTestId("activity-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-kind")))),
      ]);
    }
    expect(all).toContain("mined");
    expect(refused).toBe(0); // the accepted range is remembered: no second refusal
  });

  test("Governance lists the executed proposal after loading older blocks, with its state from the chain", async () => {
    await page.goto(`${appUrl}/governance`);
    const note = page.getByTestId("proposals-source");
    await note.waitFor();
    await expect(note.textContent()).resolves.toContain("Partial list.");
    for (let i = 0; i < 10 && (await note.getAttribute("data-complete")) === "false"; i++)
      await page.getByRole("button", { name: "Load older proposals" }).click();
    await page.waitForSelector('[data-testid="proposal"][data-state="Executed"]', { timeout: 30_000 });
    const refresh = await logsDuring(() => rpc(rpcUrl, "evm_mine"));
    // The proposals' one eth_getLogs per refresh, and the activity page is not open: nothing else reads logs.
    expect(refresh).toBe(1);
  });
});
