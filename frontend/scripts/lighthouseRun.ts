// One Lighthouse run as `npm run perf` makes it (its mobile defaults, simulated throttling, performance only), shared
// with `npm run perf:ab -- --lighthouse` so that both measure the same way.
import lighthouse from "lighthouse";

export async function lighthouseRun(url: string, port: number) {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  return result.lhr;
}
