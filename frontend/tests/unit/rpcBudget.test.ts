// The RPC budget (docs/rpc-budget.md): JSON-RPC calls per minute of a connected dashboard tab, counted call by
// call (a JSON-RPC batch of n calls counts n; one aggregate3 call counts 1) on a fake mainnet-like node that
// mines a block every 12 s. The read layer runs as in the app: watchLiveBlocks (useLiveBlocks) over a viem client
// with the app's polling interval, TanStack queries with the dashboard's keys, options and read functions.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createClient,
  custom,
  decodeAbiParameters,
  encodeAbiParameters,
  toFunctionSelector,
  zeroAddress,
  type Abi,
  type AbiFunction,
  type AbiParameter,
  type Chain,
  type Client,
  type Hex,
} from "viem";
import { waitForTransactionReceipt } from "viem/actions";
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { NumiCoinAbi } from "@numi/contracts/abi/NumiCoin";
import { MiningPoolAbi } from "@numi/contracts/abi/MiningPool";
import { knownChain, LOCAL_CHAIN_ID, MULTICALL3, pollingIntervalFor } from "@/config/chains";
import { watchLiveBlocks, type Visibility } from "@/lib/liveBlocks";
import { readKey } from "@/lib/readKey";
import { readMiningState } from "@/features/mine/useMiningState";
import { readPoolState } from "@/features/pool/usePoolState";
import { readTokenFacts, TOKEN_FACTS_OPTIONS } from "@/features/dashboard/useTokenFacts";
import { readAccountData } from "@/features/account/useAccountData";

const ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const TX = `0x${"ab".repeat(32)}` as Hex;
const BUDGET_IDLE_PER_MINUTE = 10;
const BLOCK_TIME = 12_000;
const MINUTE = 60_000;

const selectors = new Map<Hex, AbiFunction>();
for (const item of [...NumiCoinAbi, ...MiningPoolAbi] as Abi)
  if (item.type === "function") selectors.set(toFunctionSelector(item), item);

/** The zero value of an ABI type, so the fake node can answer any view the dashboard reads. */
function zero(p: AbiParameter): unknown {
  const array = /\[(\d*)\]$/.exec(p.type);
  if (array)
    return array[1]
      ? Array.from({ length: Number(array[1]) }, () => zero({ ...p, type: p.type.slice(0, array.index) }))
      : [];
  if (p.type === "tuple") return ((p as { components: readonly AbiParameter[] }).components ?? []).map(zero);
  if (p.type === "address") return zeroAddress;
  if (p.type === "bool") return false;
  if (p.type === "string") return "";
  if (p.type === "bytes") return "0x";
  if (p.type.startsWith("bytes")) return `0x${"00".repeat(Number(p.type.slice(5)))}`;
  return 0n;
}

function answerView(data: Hex): Hex {
  const item = selectors.get(data.slice(0, 10) as Hex);
  if (!item) throw new Error(`unknown selector ${data.slice(0, 10)}`);
  return encodeAbiParameters(item.outputs, item.outputs.map(zero));
}

const CALLS = [{ type: "tuple[]", components: [{ type: "address" }, { type: "bool" }, { type: "bytes" }] }] as const;
const RESULTS = [{ type: "tuple[]", components: [{ type: "bool" }, { type: "bytes" }] }] as const;

/** A node mining a block every 12 s (the first 5 s in), counting every call it answers, by method. */
function fakeNode() {
  const calls: { at: number; method: string }[] = [];
  const t0 = Date.now();
  let minedTx: bigint | undefined;
  const blockNumber = () => 1_000n + BigInt(Math.floor((Date.now() - t0 + BLOCK_TIME - 5_000) / BLOCK_TIME));
  const request = async ({ method, params }: { method: string; params?: unknown }) => {
    const args = (params ?? []) as [{ to: Hex; data: Hex }];
    const isAggregate = method === "eth_call" && args[0].to.toLowerCase() === MULTICALL3.toLowerCase();
    calls.push({ at: Date.now() - t0, method: isAggregate ? "eth_call(aggregate3)" : method });
    switch (method) {
      case "eth_blockNumber":
        return `0x${blockNumber().toString(16)}`;
      case "eth_call": {
        if (!isAggregate) return answerView(args[0].data);
        const [subcalls] = decodeAbiParameters(CALLS, `0x${args[0].data.slice(10)}`);
        return encodeAbiParameters(RESULTS, [subcalls.map(([, , data]) => [true, answerView(data)] as const)]);
      }
      case "eth_getBlockByNumber":
        return { number: `0x${blockNumber().toString(16)}`, timestamp: "0x0", hash: TX, transactions: [] };
      case "eth_getTransactionByHash":
        return {
          hash: TX,
          from: ALICE,
          to: ALICE,
          nonce: "0x0",
          value: "0x0",
          input: "0x",
          gas: "0x5208",
          blockNumber: null,
          blockHash: null,
        };
      case "eth_getTransactionReceipt":
        if (minedTx === undefined || blockNumber() < minedTx) return null;
        return {
          transactionHash: TX,
          blockNumber: `0x${minedTx.toString(16)}`,
          blockHash: TX,
          status: "0x1",
          logs: [],
          from: ALICE,
          to: ALICE,
        };
      default:
        throw new Error(`fake node: ${method}`);
    }
  };
  /** A transaction the wallet just sent, mined in the next block. */
  const send = () => (minedTx = blockNumber() + 1n);
  /** Calls in [from, to) ms, by method. */
  const between = (from: number, to: number) => {
    const inWindow = calls.filter((c) => c.at >= from && c.at < to);
    const byMethod: Record<string, number> = {};
    for (const c of inWindow) byMethod[c.method] = (byMethod[c.method] ?? 0) + 1;
    return { total: inWindow.length, byMethod };
  };
  return { request, send, between };
}

function fakeVisibility() {
  let hidden = false;
  const listeners = new Set<() => void>();
  const visibility: Visibility = {
    hidden: () => hidden,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
  };
  const set = (h: boolean) => {
    hidden = h;
    listeners.forEach((l) => l());
  };
  return { visibility, set };
}

/** The connected dashboard's queries (Dashboard.tsx: account, mining, pool, token facts), kept active. */
function openDashboard(
  queryClient: QueryClient,
  client: Client,
  chainId: number,
  factsOptions: { staleTime: number | "static" } = TOKEN_FACTS_OPTIONS,
) {
  const observers = [
    new QueryObserver(queryClient, {
      queryKey: readKey(chainId, "account", ALICE),
      queryFn: () => readAccountData(client, ALICE),
    }),
    new QueryObserver(queryClient, {
      queryKey: readKey(chainId, "miningState"),
      queryFn: () => readMiningState(client),
    }),
    new QueryObserver(queryClient, { queryKey: readKey(chainId, "poolState"), queryFn: () => readPoolState(client) }),
    new QueryObserver(queryClient, {
      queryKey: readKey(chainId, "tokenFacts"),
      queryFn: () => readTokenFacts(client),
      ...factsOptions,
    }),
  ];
  const unsubscribes = observers.map((o) => o.subscribe(() => {}));
  return () => unsubscribes.forEach((u) => u());
}

interface Tab {
  node: ReturnType<typeof fakeNode>;
  queryClient: QueryClient;
  client: Client;
  setHidden: (hidden: boolean) => void;
  close: () => void;
}

/** A tab on the dashboard with the app's settings for `chain`, or the settings before the budget (`before`). */
function openTab(chain: Chain, before = false): Tab {
  const node = fakeNode();
  // Before: one 2 s polling interval for every chain, no Multicall3, the token's constants re-read on every block.
  const tabChain = before ? { ...chain, contracts: undefined } : chain;
  const client = createClient({
    chain: tabChain,
    transport: custom({ request: node.request }),
    pollingInterval: before ? 2_000 : pollingIntervalFor(chain),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const { visibility, set } = fakeVisibility();
  const closeDashboard = openDashboard(
    queryClient,
    client,
    chain.id,
    before ? { staleTime: Infinity } : TOKEN_FACTS_OPTIONS,
  );
  const stop = watchLiveBlocks(client, queryClient, before ? undefined : visibility);
  return {
    node,
    queryClient,
    client,
    setHidden: set,
    close: () => {
      stop();
      closeDashboard();
      queryClient.clear();
    },
  };
}

const mainnetLike = knownChain(1)!;
const report = (label: string, r: { total: number; byMethod: Record<string, number> }) =>
  console.log(`rpc budget: ${label}: ${r.total} calls/min ${JSON.stringify(r.byMethod)}`);

describe("RPC budget on a mainnet-like chain (12 s blocks)", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-11-29T12:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("polls once per block time on mainnet and Sepolia, 2 s on the local node", () => {
    expect(mainnetLike.blockTime).toBe(BLOCK_TIME);
    expect(pollingIntervalFor(mainnetLike)).toBe(BLOCK_TIME);
    expect(pollingIntervalFor(knownChain(11155111)!)).toBe(BLOCK_TIME);
    expect(pollingIntervalFor(knownChain(LOCAL_CHAIN_ID)!)).toBe(2_000);
    expect(knownChain(LOCAL_CHAIN_ID)!.contracts?.multicall3).toBeUndefined();
  });

  it(`keeps an idle connected dashboard at <= ${BUDGET_IDLE_PER_MINUTE} calls per minute`, async () => {
    const tab = openTab(mainnetLike);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    const load = tab.node.between(0, 1_000);
    const idle = tab.node.between(MINUTE, 2 * MINUTE);
    tab.close();
    report("page load", load);
    report("idle tab", idle);
    expect(idle.total).toBeLessThanOrEqual(BUDGET_IDLE_PER_MINUTE);
    // One block-number poll and one aggregate3 per block; no plain eth_call.
    expect(idle.byMethod).toEqual({ eth_blockNumber: 5, "eth_call(aggregate3)": 5 });
  });

  it("measures the settings before the budget (2 s polling, one eth_call per view) for comparison", async () => {
    const tab = openTab(mainnetLike, true);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    const idle = tab.node.between(MINUTE, 2 * MINUTE);
    tab.close();
    report("idle tab, settings before the budget", idle);
    expect(idle.total).toBeGreaterThan(BUDGET_IDLE_PER_MINUTE);
  });

  it("measures an active tab: a transaction sent, its receipt awaited, every read refreshed", async () => {
    const tab = openTab(mainnetLike);
    await vi.advanceTimersByTimeAsync(MINUTE);
    // What useWrite does after the wallet sent the transaction: simulate (one eth_call) was before the send;
    // here the receipt is awaited on the same client, then every query is invalidated.
    await tab.client.request({
      method: "eth_call",
      params: [{ to: ALICE, data: toFunctionSelector("totalSupply()") }, "latest"],
    });
    tab.node.send();
    await Promise.all([
      waitForTransactionReceipt(tab.client, { hash: TX }).then(() => tab.queryClient.invalidateQueries()),
      vi.advanceTimersByTimeAsync(MINUTE),
    ]);
    const active = tab.node.between(MINUTE, 2 * MINUTE);
    tab.close();
    report("active tab (one transaction)", active);
    expect(active.byMethod.eth_getTransactionReceipt).toBeGreaterThanOrEqual(1);
    expect(active.total).toBeLessThanOrEqual(2 * BUDGET_IDLE_PER_MINUTE);
  });

  it("sends nothing from a hidden tab, and refreshes once when it shows again", async () => {
    const tab = openTab(mainnetLike);
    await vi.advanceTimersByTimeAsync(MINUTE);
    tab.setHidden(true);
    await vi.advanceTimersByTimeAsync(MINUTE);
    const hidden = tab.node.between(MINUTE + 1_000, 2 * MINUTE);
    tab.setHidden(false);
    await vi.advanceTimersByTimeAsync(1_000);
    const shown = tab.node.between(2 * MINUTE, 2 * MINUTE + 1_000);
    tab.close();
    report("hidden tab", hidden);
    report("tab shown again (first second)", shown);
    expect(hidden.total).toBe(0);
    expect(shown.byMethod).toEqual({ eth_blockNumber: 1, "eth_call(aggregate3)": 1 });
  });
});
