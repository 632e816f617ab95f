// The Content-Security-Policy: scripts, styles, images and workers only from this origin; network only to
// this origin, the configured RPC endpoints and the indexer; no third-party origin anywhere.
// Production pages: scripts run only with this response's nonce ('strict-dynamic' lets those scripts load the
// app's chunks), so an injected inline script cannot run. src/proxy.ts makes a fresh nonce per request and
// Next puts it on its own bootstrap scripts. 'wasm-unsafe-eval' lets the miner compile its WebAssembly kernel
// (it allows no JavaScript eval). Development keeps 'unsafe-inline'/'unsafe-eval' for React's dev tooling.
import { indexerOrigins } from "./indexerUrl";
import { rpcOrigins } from "./rpc";

export function contentSecurityPolicy(dev: boolean, nonce?: string): string {
  const connect = ["'self'", ...rpcOrigins(), ...indexerOrigins()];
  if (dev) connect.push("ws:");
  const directives = [
    "default-src 'self'",
    dev || !nonce
      ? `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ""}`
      : `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(" ")}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  return directives.join("; ");
}
