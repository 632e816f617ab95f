// The Content-Security-Policy: scripts, styles, images and workers only from this origin; network only to
// this origin and the configured RPC endpoints. 'unsafe-eval' only in development (React's dev tooling).
// 'wasm-unsafe-eval' lets the miner compile its WebAssembly kernel (it does not allow eval of JavaScript).
// Next's App Router inlines its bootstrap scripts, hence 'unsafe-inline' for script-src without nonces:
// a nonce would force every page to render dynamically. No third-party origin appears anywhere.
import { rpcOrigins } from "./rpc";

export function contentSecurityPolicy(dev: boolean): string {
  const connect = ["'self'", ...rpcOrigins()];
  if (dev) connect.push("ws:");
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ""}`,
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
