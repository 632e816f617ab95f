// The indexer the dApp reads history, proposals and analytics from (docs/indexer.md), fixed at build time.
// NEXT_PUBLIC_INDEXER_URL sets it; on the local chain it defaults to the one `npm start` runs; "off", or no URL on
// a public chain, makes the dApp read history from the RPC itself in bounded ranges (docs/history.md). Kept free
// of imports so next.config.ts can read it for the CSP.
const LOCAL_INDEXER = "http://127.0.0.1:42069";

function configured(): string | undefined {
  const raw = (process.env.NEXT_PUBLIC_INDEXER_URL ?? "").trim();
  if (raw === "off") return undefined;
  if (raw) return raw.replace(/\/+$/, "");
  const chain = Number(process.env.NEXT_PUBLIC_CHAIN_ID || 31337);
  return chain === 31337 ? LOCAL_INDEXER : undefined;
}

/** The indexer's base URL, or undefined when the dApp reads from the RPC alone. */
export const indexerUrl: string | undefined = configured();

/** The indexer's origin, for the CSP's connect-src. */
export function indexerOrigins(): string[] {
  return indexerUrl ? [new URL(indexerUrl).origin] : [];
}
