// Security properties of the production build: strict CSP headers, no secrets or keys in the client bundle,
// no raw HTML injection in the sources, no third-party hosts requested at runtime.
import { describe, expect, inject, test } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { FRONTEND } from "./stack";
import { launch, walletContext } from "./browser";

const appUrl = inject("appUrl");
const rpcUrl = inject("rpcUrl");
const indexerUrl = inject("indexerUrl");
/** Where the app may connect besides itself: the RPC and the indexer. */
const endpoints = [new URL(rpcUrl).origin, new URL(indexerUrl).origin];

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(name) ? [p] : [];
  });
}

describe("security", () => {
  test("every route sends a strict CSP: scripts only with a fresh nonce, only this origin, the RPC and the indexer", async () => {
    const nonces = new Set<string>();
    for (const route of ["/", "/send", "/mine", "/governance", "/~offline"]) {
      const res = await fetch(`${appUrl}${route}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      const scriptSrc =
        csp
          .split(";")
          .map((d) => d.trim())
          .find((d) => d.startsWith("script-src")) ?? "";
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
      expect(nonce, route).toBeTruthy();
      nonces.add(nonce!);
      expect(scriptSrc).toContain("'strict-dynamic'");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      // Every inline script the page carries has this response's nonce.
      const html = await res.text();
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
      expect(inline.length, route).toBeGreaterThan(0);
      for (const attrs of inline) expect(attrs, route).toContain(`nonce="${nonce}"`);
      expect(csp, route).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).toContain(`connect-src 'self' ${endpoints.join(" ")}`);
      expect(csp.match(/https?:\/\/[^\s;]+/g) ?? []).toEqual(endpoints);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
    expect(nonces.size).toBe(5); // a fresh nonce for every response
  });

  test("the client bundle holds no private key, seed phrase or secret variable", () => {
    const bundle = files(path.join(FRONTEND, ".next", "static"), /\.js$/)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    expect(bundle.length).toBeGreaterThan(100_000);
    // Hardhat's well-known account #0 key: used only by the test wallet, never shipped.
    expect(bundle).not.toContain("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    for (const secret of ["PRIVATE_KEY", "MNEMONIC", "DEPLOYER_", "ETHERSCAN_API_KEY"])
      expect(bundle, secret).not.toContain(secret);
    // No public RPC, WalletConnect relay, font or analytics host is even named in the bundle.
    expect(bundle).not.toMatch(
      /relay\.walletconnect\.(com|org)|infura\.io|alchemy\.com|fonts\.(googleapis|gstatic)|cloudflare-eth\.com|llamarpc\.com|rpc\.thirdweb\.com|merkle\.io|drpc\.org|publicnode\.com|google-analytics/i,
    );
  });

  test("no source uses dangerouslySetInnerHTML, eval or new Function", () => {
    for (const f of files(path.join(FRONTEND, "src"), /\.tsx?$/)) {
      const src = readFileSync(f, "utf8");
      expect(src, f).not.toMatch(/dangerouslySetInnerHTML|\beval\(|new Function\(/);
    }
  });

  test("a full visit requests nothing from any origin but the app, the RPC and the indexer, and breaks no CSP rule", async () => {
    const browser = await launch();
    const context = await walletContext(browser, { rpcUrl });
    const page = await context.newPage();
    const origins = new Set<string>();
    const violations: string[] = [];
    page.on("request", (r) => {
      if (/^https?:/.test(r.url())) origins.add(new URL(r.url()).origin);
    });
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    for (const route of ["/", "/send", "/receive", "/mine", "/pool", "/governance", "/activity", "/analytics"]) {
      await page.goto(`${appUrl}${route}`);
      await page.waitForLoadState("networkidle");
    }
    await browser.close();
    expect([...origins].filter((o) => ![new URL(appUrl).origin, ...endpoints].includes(o))).toEqual([]);
    expect(origins).toContain(new URL(rpcUrl).origin);
    expect(violations).toEqual([]);
  });
});
