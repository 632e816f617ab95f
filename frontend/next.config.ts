// Next config: security headers (the per-request CSP with its nonce is set by src/proxy.ts), the miner
// workspace (@numi/miner, TypeScript source) transpiled like the app's own code, the Serwist service worker
// (webpack build) and V8 compile hints on the startup chunks.
import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import withSerwistInit from "@serwist/next";
import { CompileHintsPlugin } from "./webpack/compileHints";

// What the layout and every page both import: the chain and deployment records, the wallet hook, the read keys and
// the two contracts' ABIs. Left to the default split, modules shared by the layout and a page are below its 20 kB
// minimum, so each startup chunk got its own copy: one chunk of them measured 190.4 -> 188.1 kB gzip first-load JS
// (docs/frontend-performance.md).
const SHELL_CHUNK = {
  test: /src[\\/](config[\\/](chains|rpc|contracts)|hooks[\\/](useWallet|useReads)|lib[\\/](readKey|lastKnown|shortAddress))\.|sdk[\\/](deployments|abi[\\/](NumiCoin|MiningPool))\./,
  name: "shell",
  chunks: "all" as const,
  enforce: true,
  priority: 50,
};

// Development is decided by the Next phase, not NODE_ENV (test runners set NODE_ENV=test).
function config(dev: boolean): NextConfig {
  const withSerwist = withSerwistInit({
    swSrc: "src/app/sw.ts",
    swDest: "public/sw.js",
    register: false, // PwaControls registers it and owns the update prompt
    reloadOnOnline: false, // never reload by itself: a signature may be in progress
    disable: dev,
    additionalPrecacheEntries: [{ url: "/~offline", revision: process.env.NUMI_BUILD_ID ?? String(Date.now()) }],
  });

  const nextConfig: NextConfig = {
    reactStrictMode: true,
    transpilePackages: ["@numi/miner", "@numi/contracts", "@numi/history"],
    poweredByHeader: false,
    // The dev badge sat over the page's content at phone size (#16); build errors still show as an overlay.
    devIndicators: false,
    // `npm run dev` at http://127.0.0.1:3000 too: Next refuses its dev resources to other origins than localhost.
    allowedDevOrigins: ["127.0.0.1"],
    // `next dev` keeps every route compiled (9 of them) instead of dropping all but 5 after a minute: the hydration
    // check (e2e/hydration.e2e.ts) visits each route four times and would otherwise recompile them.
    onDemandEntries: { maxInactiveAge: 15 * 60_000, pagesBufferLength: 10 },
    productionBrowserSourceMaps: false,
    // inlineCss: the 3 kB stylesheet rides in the HTML, so the first paint waits for no second request.
    experimental: { inlineCss: true, optimizePackageImports: ["wagmi", "viem", "@tanstack/react-query"] },
    webpack(config, { isServer }) {
      if (!isServer && !dev) config.optimization.splitChunks.cacheGroups.shell = SHELL_CHUNK;
      // NUMI_COMPILE_HINTS=off: the A/B baseline for `npm run perf`.
      if (!isServer && !dev && process.env.NUMI_COMPILE_HINTS !== "off") config.plugins.push(new CompileHintsPlugin());
      return config;
    },
    async headers() {
      return [
        {
          source: "/:path*",
          headers: [
            { key: "X-Content-Type-Options", value: "nosniff" },
            { key: "Referrer-Policy", value: "no-referrer" },
            { key: "X-Frame-Options", value: "DENY" },
            { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
            { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          ],
        },
        { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache" }] },
      ];
    },
  };

  return withoutSerwistWindowEntry(withSerwist(nextConfig));
}

type WebpackConfig = { entry: () => Promise<Record<string, string | string[]>> };

/**
 * @serwist/next prepends its sw-entry to the startup bundle even with `register: false`: it builds a
 * `window.serwist` object (@serwist/window and serwist's core, ~45 kB of source) that nothing uses, since
 * PwaControls registers /sw.js itself. Taking that entry back out: first-load JS of / 199.7 -> see
 * docs/frontend-performance.md.
 */
function withoutSerwistWindowEntry(next: NextConfig): NextConfig {
  const webpack = next.webpack!;
  return {
    ...next,
    webpack(config, options) {
      const out = webpack(config, options) as WebpackConfig;
      const entry = out.entry;
      out.entry = async () => {
        const entries = await entry();
        for (const [name, files] of Object.entries(entries))
          if (Array.isArray(files))
            entries[name] = files.filter((f) => !/[\\/]@serwist[\\/]next[\\/].*sw-entry\.m?js$/.test(f));
        return entries;
      };
      return out;
    },
  };
}

export default function nextConfigFor(phase: string): NextConfig {
  return config(phase === PHASE_DEVELOPMENT_SERVER);
}
