// Reads from the indexer's GraphQL API (docs/indexer.md) with plain fetch: no client library in the bundle.
// Every failure becomes an IndexerError whose message names the cause, so a page can say why it fell back.
import { indexerUrl } from "@/config/indexerUrl";

const TIMEOUT_MS = 8_000;

export class IndexerError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = "IndexerError";
  }
}

/** True when the dApp was built with an indexer to read from. */
export function hasIndexer(): boolean {
  return indexerUrl !== undefined;
}

/** POSTs `body` as JSON, or GETs when there is none; network failures and timeouts become IndexerErrors. */
async function request(path: string, body: object | undefined, signal?: AbortSignal): Promise<Response> {
  if (!indexerUrl) throw new IndexerError("No indexer is configured for this chain.");
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  try {
    return await fetch(`${indexerUrl}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (cause) {
    const timedOut = timeout.aborted;
    throw new IndexerError(
      timedOut
        ? `The indexer at ${indexerUrl} did not answer within ${TIMEOUT_MS / 1000} s.`
        : `The indexer at ${indexerUrl} cannot be reached.`,
      { cause },
    );
  }
}

/** Runs one GraphQL query; the data, or an IndexerError naming what went wrong. */
export async function indexerQuery<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  const res = await request("/graphql", { query, variables }, signal);
  if (!res.ok) throw new IndexerError(`The indexer answered HTTP ${res.status} ${res.statusText}.`.trim());
  const body = (await res.json().catch(() => undefined)) as { data?: T; errors?: { message: string }[] } | undefined;
  if (!body) throw new IndexerError("The indexer's answer is not JSON.");
  if (body.errors?.length) throw new IndexerError(`The indexer refused the query: ${body.errors[0]!.message}`);
  if (body.data === undefined) throw new IndexerError("The indexer's answer has no data.");
  return body.data;
}

/** Add to a query to learn how far the indexer has got: `_meta { status }`. */
export const META_FIELD = "_meta { status }";
export type Meta = { status: Record<string, { id: number; block?: { number: number } }> | null };

/** The last block indexed on `chainId` according to a `_meta` answer; undefined before any. */
export function indexedBlockIn(meta: Meta | undefined, chainId: number): number | undefined {
  return Object.values(meta?.status ?? {}).find((c) => c.id === chainId)?.block?.number;
}

/**
 * How often to ask again while the indexer is behind the chain's head (a transaction the user just made is not in
 * it yet): every 1.5 s until it has caught up; never once it has.
 */
export function catchUpInterval(indexed: number | undefined, head: bigint | undefined): number | false {
  return indexed !== undefined && head !== undefined && BigInt(indexed) < head ? 1_500 : false;
}

/** GETs one of the indexer's JSON routes (e.g. /analytics/miners); the body, or an IndexerError. */
export async function indexerGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await request(path, undefined, signal);
  if (!res.ok) throw new IndexerError(`The indexer answered HTTP ${res.status} for ${path}.`);
  const body = (await res.json().catch(() => undefined)) as T | undefined;
  if (body === undefined) throw new IndexerError("The indexer's answer is not JSON.");
  return body;
}
