import { describe, expect, it } from "vitest";
import { emptyHistory, HistoryError, isRangeError, sync, type Fetch } from "../index";

/** A fake chain: one item (its block number) at each block in `events`; refuses ranges over `limit` blocks. */
function chain(
  events: number[],
  limit = Infinity,
  refusal: unknown = new Error("query returned more than 10000 results"),
) {
  const calls: [number, number][] = [];
  const fetch: Fetch<number> = async (from, to) => {
    calls.push([from, to]);
    if (to - from + 1 > limit) throw refusal;
    return events.filter((b) => b >= from && b <= to);
  };
  return { fetch, calls };
}

describe("sync", () => {
  it("reads a short chain in one request and is complete", async () => {
    const { fetch, calls } = chain([3, 7, 9]);
    const r = await sync(emptyHistory<number>(), 10, fetch, { deploymentBlock: 0 });
    expect(calls).toEqual([[0, 10]]);
    expect(r.state).toEqual({ from: 0, to: 10, items: [3, 7, 9], range: 2000 });
    expect(r.partial).toBe(false);
    expect(r.requests).toBe(1);
  });

  it("reads backward newest first in ranges of maxRange, down to the deployment block", async () => {
    const { fetch, calls } = chain([105, 150, 230]);
    const r = await sync(emptyHistory<number>(), 250, fetch, { deploymentBlock: 100, maxRange: 60 });
    expect(calls).toEqual([
      [191, 250],
      [131, 190],
      [100, 130],
    ]);
    expect(r.state.items).toEqual([105, 150, 230]);
    expect(r.state.from).toBe(100);
    expect(r.partial).toBe(false);
  });

  it("stops at the request budget, says partial, and the next sync goes on where it stopped", async () => {
    const { fetch, calls } = chain([5, 55, 95]);
    const first = await sync(emptyHistory<number>(), 99, fetch, { deploymentBlock: 0, maxRange: 20, maxRequests: 2 });
    expect(calls).toEqual([
      [80, 99],
      [60, 79],
    ]);
    expect(first.partial).toBe(true);
    expect(first.state).toMatchObject({ from: 60, to: 99, items: [95] });
    const second = await sync(first.state, 99, fetch, { deploymentBlock: 0, maxRange: 20, maxRequests: 10 });
    expect(calls.slice(2)).toEqual([
      [40, 59],
      [20, 39],
      [0, 19],
    ]);
    expect(second.state.items).toEqual([5, 55, 95]);
    expect(second.partial).toBe(false);
  });

  it("reads only the new blocks after the first load", async () => {
    const events = [5];
    const { fetch, calls } = chain(events);
    const first = await sync(emptyHistory<number>(), 50, fetch, { deploymentBlock: 0 });
    events.push(52, 60);
    const next = await sync(first.state, 60, fetch, { deploymentBlock: 0 });
    expect(calls).toEqual([
      [0, 50],
      [51, 60],
    ]);
    expect(next.state.items).toEqual([5, 52, 60]);
    expect(next.requests).toBe(1);
    const idle = await sync(next.state, 60, fetch, { deploymentBlock: 0 });
    expect(idle.requests).toBe(0);
    expect(idle.state).toEqual(next.state);
  });

  it("reads forward before backward, both within one budget", async () => {
    const { fetch, calls } = chain([10, 95, 130]);
    const first = await sync(emptyHistory<number>(), 100, fetch, { deploymentBlock: 0, maxRange: 10, maxRequests: 1 });
    expect(first.state).toMatchObject({ from: 91, to: 100, items: [95] });
    const next = await sync(first.state, 130, fetch, { deploymentBlock: 0, maxRange: 10, maxRequests: 4 });
    expect(calls.slice(1)).toEqual([
      [101, 110],
      [111, 120],
      [121, 130],
      [81, 90],
    ]);
    expect(next.state).toMatchObject({ from: 81, to: 130, items: [95, 130] });
    expect(next.partial).toBe(true);
  });

  it("says partial while the forward read has not reached the latest block", async () => {
    const { fetch } = chain([]);
    const first = await sync(emptyHistory<number>(), 10, fetch, { deploymentBlock: 0 });
    const behind = await sync(first.state, 100, fetch, { deploymentBlock: 0, maxRange: 10, maxRequests: 3 });
    expect(behind.state.to).toBe(40);
    expect(behind.partial).toBe(true);
  });

  it("halves a refused range until the RPC accepts it, and remembers the range", async () => {
    const { fetch, calls } = chain([10, 1500], 500);
    const r = await sync(emptyHistory<number>(), 1999, fetch, { deploymentBlock: 0 });
    expect(calls.slice(0, 3)).toEqual([
      [0, 1999],
      [1000, 1999],
      [1500, 1999],
    ]);
    expect(r.refused).toBe(2);
    expect(r.state.range).toBe(500);
    expect(r.state.items).toEqual([10, 1500]);
    expect(r.partial).toBe(false);
    const next = await sync(r.state, 2600, fetch, { deploymentBlock: 0 });
    expect(calls.slice(-2)).toEqual([
      [2000, 2499],
      [2500, 2600],
    ]);
    expect(next.refused).toBe(0);
  });

  it("counts refused requests in the budget", async () => {
    const { fetch } = chain([], 100);
    const r = await sync(emptyHistory<number>(), 10_000, fetch, { deploymentBlock: 0, maxRequests: 5 });
    expect(r.requests).toBe(5);
    expect(r.refused).toBe(5); // 2000 -> 1000 -> 500 -> 250 -> 125 -> 62
    expect(r.state.range).toBe(62);
    expect(r.state.from).toBe(10_001);
    expect(r.partial).toBe(true);
  });

  it("never reads more than maxRange, even from a state that remembers a larger range", async () => {
    const { fetch, calls } = chain([]);
    await sync({ from: 100, to: 100, items: [], range: 5000 }, 300, fetch, { deploymentBlock: 100, maxRange: 150 });
    expect(calls).toEqual([
      [101, 250],
      [251, 300],
    ]);
  });

  it("keeps the last N items and stops reading backward once it has them", async () => {
    const { fetch, calls } = chain([1, 2, 3, 50, 60, 70, 80, 95]);
    const r = await sync(emptyHistory<number>(), 99, fetch, { deploymentBlock: 0, maxRange: 10, keepLast: 3 });
    expect(calls).toEqual([
      [90, 99],
      [80, 89],
      [70, 79],
    ]);
    expect(r.state.items).toEqual([70, 80, 95]);
    const next = await sync(r.state, 120, chain([100, 110, 120]).fetch, { deploymentBlock: 0, keepLast: 3 });
    expect(next.state.items).toEqual([100, 110, 120]);
  });

  it("throws a HistoryError with the cause for any other error", async () => {
    const boom = new Error("connection reset");
    const fetch: Fetch<number> = async () => {
      throw boom;
    };
    const err = await sync(emptyHistory<number>(), 10, fetch, { deploymentBlock: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HistoryError);
    expect((err as HistoryError).cause).toBe(boom);
    expect((err as HistoryError).message).toMatch(/blocks 0\.\.10 failed: connection reset/);
    expect([(err as HistoryError).fromBlock, (err as HistoryError).toBlock]).toEqual([0, 10]);
  });

  it("throws when the RPC refuses even a single block", async () => {
    const { fetch } = chain([], 0);
    const err = await sync(emptyHistory<number>(), 10, fetch, { deploymentBlock: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HistoryError);
    expect((err as Error).message).toMatch(/refused even for a single block/);
  });

  it("does not modify the state it is given", async () => {
    const state = { from: 50, to: 60, items: [55], range: 2000 };
    await sync(state, 70, chain([65, 40]).fetch, { deploymentBlock: 0 });
    expect(state).toEqual({ from: 50, to: 60, items: [55], range: 2000 });
  });

  it("keeps a serialisable state", async () => {
    const r = await sync(emptyHistory<number>(), 10, chain([4]).fetch, { deploymentBlock: 0 });
    expect(JSON.parse(JSON.stringify(r.state))).toEqual(r.state);
  });
});

describe("isRangeError", () => {
  const rpc = (code: number, message: string) => ({ code, message });
  it.each([
    ["geth", new Error("query returned more than 10000 results")],
    ["Infura (-32005)", rpc(-32005, "query returned more than 10000 results. Try with this block range [0x1, 0x2].")],
    [
      "Alchemy",
      rpc(-32602, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range"),
    ],
    [
      "Alchemy free tier",
      rpc(-32600, "Under the Free tier plan, you can make eth_getLogs requests with up to a 500 block range."),
    ],
    ["QuickNode", rpc(-32614, "eth_getLogs is limited to a 10,000 range")],
    ["Ankr", rpc(-32600, "block range is too wide")],
    ["BSC / Erigon", rpc(-32000, "exceed maximum block range: 5000")],
    ["Nethermind", rpc(-32602, "requested too many blocks from 0 to 20000, maximum is 2048")],
    ["OP geth", rpc(-32000, "query exceeds max block range 100000")],
    ["geth timeout", rpc(-32000, "query timeout exceeded")],
    ["-32005 with limit wording", rpc(-32005, "limit exceeded")],
    ["-32602 with range wording", rpc(-32602, "invalid block range params")],
    ["-32000 with results wording", rpc(-32000, "too many results")],
    // ethers v6 wraps the JSON-RPC error: { code: "UNKNOWN_ERROR", error: { code, message }, info }
    [
      "ethers-wrapped",
      { code: "UNKNOWN_ERROR", error: rpc(-32005, "limit exceeded"), shortMessage: "could not coalesce error" },
    ],
    // viem: cause chain and details
    ["viem-wrapped", { name: "HttpRequestError", details: "x", cause: { code: -32602, details: "range too large" } }],
    ["a body as text", { body: '{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"limit exceeded"}}' }],
  ])("recognises %s", (_name, err) => {
    expect(isRangeError(err)).toBe(true);
  });

  it.each([
    ["a network error", new Error("ECONNREFUSED 127.0.0.1:8545")],
    ["a revert", rpc(3, "execution reverted")],
    ["-32602 without range wording", rpc(-32602, "invalid argument 0: hex string without 0x prefix")],
    ["-32000 without range wording", rpc(-32000, "header not found")],
    ["a rate limit on -32005", rpc(-32005, "daily request count exceeded, request rate limited")],
    ["Alchemy's throughput limit", rpc(429, "Your app has exceeded its compute units per second capacity")],
    ["a range word with another code", rpc(-32601, "the method eth_getLogs is not available: limit")],
    ["nothing", undefined],
    ["a string", "oops"],
  ])("does not mistake %s for a range refusal", (_name, err) => {
    expect(isRangeError(err)).toBe(false);
  });
});
