// Which metrics a PromQL expression reads, so the tests can hold the rules and the dashboard to the metric contract.
// Enough of PromQL for our own expressions: strings, label matchers, ranges, label lists and Grafana variables are
// removed first; what remains of an identifier is a function call, a keyword, or a metric.
const AGGREGATIONS = new Set([
  "sum",
  "min",
  "max",
  "avg",
  "group",
  "stddev",
  "stdvar",
  "count",
  "count_values",
  "bottomk",
  "topk",
  "quantile",
]);
const KEYWORDS = new Set(["and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right"]);
const LITERALS = new Set(["bool", "offset", "inf", "nan", "Inf", "NaN"]);

export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "$1 ")
    .replace(/\$\{?\w+\}?/g, " ");
  const names = new Set<string>();
  for (const match of bare.matchAll(/(?<![\w.])[a-zA-Z_:][\w:]*/g)) {
    const name = match[0];
    const calls = bare
      .slice((match.index ?? 0) + name.length)
      .trimStart()
      .startsWith("(");
    if (calls || AGGREGATIONS.has(name) || KEYWORDS.has(name) || LITERALS.has(name)) continue;
    names.add(name);
  }
  return [...names];
}

/** The names of counters that `expr` reads outside rate(), irate() or increase(): a counter's raw value means nothing. */
export function rawCounters(expr: string, isCounter: (name: string) => boolean): string[] {
  const outsideRates = expr.replace(/\b(rate|irate|increase)\s*\(([^()]|\([^()]*\))*\)/g, " ");
  return metricNames(outsideRates).filter(isCounter);
}
