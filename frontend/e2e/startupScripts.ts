// The scripts a route's HTML makes a modern browser load at startup (Next's `nomodule` legacy polyfills are
// skipped by module-supporting browsers, so they are left out), as absolute URLs.
export async function startupScripts(appUrl: string, route = "/"): Promise<string[]> {
  const html = await (await fetch(new URL(route, appUrl))).text();
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((t) => !/nomodule/i.test(t));
  const srcs = tags.map((t) => /src="([^"]+\.js)"/.exec(t)?.[1]).filter((s): s is string => !!s);
  return [...new Set(srcs)].map((src) => new URL(src, appUrl).toString());
}
