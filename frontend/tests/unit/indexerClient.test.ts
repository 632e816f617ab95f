// The dApp's indexer client: every failure becomes an IndexerError naming its cause (the page shows it when it
// falls back to the RPC), and the catch-up rule that re-asks while the indexer is behind the chain.
import { afterEach, describe, expect, test, vi } from "vitest";
import { catchUpInterval, indexedBlockIn, indexerQuery, IndexerError } from "@/lib/indexer";

afterEach(() => vi.unstubAllGlobals());

const answer = (body: unknown, init: ResponseInit = {}) =>
  vi.fn(async () => new Response(typeof body === "string" ? body : JSON.stringify(body), init));

describe("indexerQuery", () => {
  test("returns the data of a good answer, sending the query and its variables", async () => {
    const fetch = answer({ data: { x: 1 } });
    vi.stubGlobal("fetch", fetch);
    await expect(indexerQuery("{ x }", { a: 1 })).resolves.toEqual({ x: 1 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("http://127.0.0.1:42069/graphql");
    expect(JSON.parse(init.body as string)).toEqual({ query: "{ x }", variables: { a: 1 } });
  });

  test.each([
    ["unreachable", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))), /cannot be reached/],
    [
      "an HTTP error",
      answer("boom", { status: 503, statusText: "Service Unavailable" }),
      /HTTP 503 Service Unavailable/,
    ],
    ["not JSON", answer("<html>"), /not JSON/],
    ["a refused query", answer({ errors: [{ message: "Unknown field" }] }), /refused the query: Unknown field/],
    ["no data", answer({}), /no data/],
  ])("names the cause when the indexer is %s", async (_, fetch, message) => {
    vi.stubGlobal("fetch", fetch);
    const err = await indexerQuery("{ x }").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexerError);
    expect((err as Error).message).toMatch(message);
  });
});

describe("catching up", () => {
  const meta = { status: { localhost_31337: { id: 31337, block: { number: 40 } } } };
  test("reads the indexed block of the chain asked for", () => {
    expect(indexedBlockIn(meta, 31337)).toBe(40);
    expect(indexedBlockIn(meta, 1)).toBeUndefined();
    expect(indexedBlockIn({ status: null }, 31337)).toBeUndefined();
  });
  test("asks again every 1.5 s only while the indexer is behind the head", () => {
    expect(catchUpInterval(40, 41n)).toBe(1_500);
    expect(catchUpInterval(41, 41n)).toBe(false);
    expect(catchUpInterval(undefined, 41n)).toBe(false);
    expect(catchUpInterval(40, undefined)).toBe(false);
  });
});
