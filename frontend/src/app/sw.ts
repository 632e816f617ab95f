/// <reference lib="webworker" />
// The service worker: precaches the app shell and static assets, serves pages network-first (fresh HTML
// whenever online, the cached copy offline, the offline page for pages never seen), and never caches
// anything sent to a chain: JSON-RPC is network-only on every origin, including the configured RPC.
import {
  Serwist,
  NetworkFirst,
  NetworkOnly,
  CacheFirst,
  ExpirationPlugin,
  type PrecacheEntry,
  type SerwistGlobalConfig,
} from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: false, // a new version waits until the user accepts "reload to update"
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      // Chain traffic: JSON-RPC is POST, but match every non-GET and every cross-origin request too.
      matcher: ({ request, sameOrigin }) => request.method !== "GET" || !sameOrigin,
      handler: new NetworkOnly(),
    },
    {
      matcher: ({ request }) => request.mode === "navigate",
      handler: new NetworkFirst({ cacheName: "pages", networkTimeoutSeconds: 4 }),
    },
    {
      matcher: ({ url }) => url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/"),
      handler: new CacheFirst({ cacheName: "static", plugins: [new ExpirationPlugin({ maxEntries: 200 })] }),
    },
    {
      // RSC payloads of client navigations: fresh when online, last copy offline.
      matcher: ({ request, sameOrigin }) => sameOrigin && request.headers.get("RSC") === "1",
      handler: new NetworkFirst({ cacheName: "rsc", networkTimeoutSeconds: 4 }),
    },
  ],
  fallbacks: {
    entries: [{ url: "/~offline", matcher: ({ request }) => request.destination === "document" }],
  },
});

// Chain and indexer traffic never reaches the worker at all (Chromium 123+; other browsers ignore this and use the
// NetworkOnly route above). Every request the worker sees is an event it must finish before a waiting version can
// take over: with the page sending the chain a request every 20 ms, "Reload to update" left the new version waiting
// for more than 20 s (e2e/pwa.pwa.ts). Static routes are fixed at install and need no running worker.
interface StaticRouteInstallEvent extends ExtendableEvent {
  addRoutes?(rules: Array<{ condition: Record<string, unknown>; source: "network" }>): Promise<void>;
}
self.addEventListener("install", (event: StaticRouteInstallEvent) => {
  const routes = event.addRoutes?.([
    { condition: { not: { urlPattern: `${self.location.origin}/*` } }, source: "network" },
    { condition: { not: { requestMethod: "GET" } }, source: "network" },
  ]);
  if (routes) event.waitUntil(routes.catch(() => undefined));
});

self.addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});

serwist.addEventListeners();
