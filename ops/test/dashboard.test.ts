// ops/grafana/numi-dashboard.json: importable into a current Grafana (which is not installable here), every query
// valid PromQL over the metric contract, and every metric of the contract on it.
import { expect } from "chai";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { isContractMetric, METRIC_CONTRACT } from "./metricContract";
import { metricNames, rawCounters } from "./promql";
import { promtool } from "./promtool";
import { readAlertRules } from "./ruleFile";

const ROOT = resolve(__dirname, "../..");
const DATASOURCE = { type: "prometheus", uid: "${DS_PROMETHEUS}" };
/** Grafana 11.0 wrote schemaVersion 39; Grafana 12 writes 41. */
const MIN_SCHEMA_VERSION = 39;

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  datasource?: { type: string; uid: string };
  targets?: { refId: string; expr: string; datasource?: { type: string; uid: string } }[];
}
interface Dashboard {
  __inputs: { name: string; type: string; pluginId: string }[];
  schemaVersion: number;
  uid: string;
  title: string;
  id: null;
  panels: Panel[];
  templating: { list: { name: string; datasource: { uid: string }; definition: string }[] };
}

const dashboard = JSON.parse(readFileSync(join(ROOT, "ops/grafana/numi-dashboard.json"), "utf8")) as Dashboard;
const queryPanels = dashboard.panels.filter((p) => p.type !== "row");
const queries = [
  ...queryPanels.flatMap((p) =>
    (p.targets ?? []).map((t) => ({ where: `panel "${p.title}" ${t.refId}`, expr: t.expr })),
  ),
  // A variable's label_values(metric, label) is Grafana's, not PromQL: its PromQL is the metric selector.
  ...dashboard.templating.list.map((v) => ({
    where: `variable $${v.name}`,
    expr: v.definition.replace(/^label_values\((.+),\s*\w+\)$/, "$1"),
  })),
];

describe("Grafana dashboard (ops/grafana/numi-dashboard.json)", () => {
  it("is importable: a Prometheus datasource input DS_PROMETHEUS, a current schemaVersion, no instance id", () => {
    expect(dashboard.__inputs).to.deep.include({
      name: "DS_PROMETHEUS",
      label: "Prometheus",
      description: "The Prometheus that scrapes the NumiCoin monitor",
      type: "datasource",
      pluginId: "prometheus",
      pluginName: "Prometheus",
    });
    expect(dashboard.schemaVersion).to.be.at.least(MIN_SCHEMA_VERSION);
    expect(dashboard.id, "an exported dashboard carries no database id").to.equal(null);
    expect(dashboard.uid).to.match(/^[a-zA-Z0-9_-]{1,40}$/);
  });

  it("has unique panel ids, every panel inside the 24-column grid and none overlapping", () => {
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).to.equal(ids.length);
    const owner = new Map<string, string>();
    const overlaps: string[] = [];
    for (const { title, gridPos: g } of dashboard.panels) {
      expect(g.x + g.w, `"${title}" fits the grid`).to.be.at.most(24);
      for (let x = g.x; x < g.x + g.w; x++) {
        for (let y = g.y; y < g.y + g.h; y++) {
          const other = owner.get(`${x},${y}`);
          if (other) overlaps.push(`"${title}" and "${other}" at ${x},${y}`);
          owner.set(`${x},${y}`, title);
        }
      }
    }
    expect(overlaps).to.deep.equal([]);
  });

  it("queries the ${DS_PROMETHEUS} datasource in every panel, query and variable", () => {
    expect(queryPanels.length).to.be.greaterThan(0);
    for (const panel of queryPanels) {
      expect(panel.datasource, `"${panel.title}"`).to.deep.equal(DATASOURCE);
      expect(panel.targets ?? [], `"${panel.title}" has queries`).to.have.length.greaterThan(0);
      for (const target of panel.targets ?? []) expect(target.datasource, `"${panel.title}"`).to.deep.equal(DATASOURCE);
    }
    for (const variable of dashboard.templating.list) expect(variable.datasource.uid).to.equal("${DS_PROMETHEUS}");
  });

  it("reads only metrics of the contract, and counters only through rate() or increase()", () => {
    const isCounter = (name: string) => isContractMetric(name) && METRIC_CONTRACT[name] === "counter";
    for (const { where, expr } of queries) {
      expect(
        metricNames(expr).filter((name) => !isContractMetric(name)),
        `${where}: ${expr}`,
      ).to.deep.equal([]);
      expect(rawCounters(expr, isCounter), `${where} reads a raw counter: ${expr}`).to.deep.equal([]);
    }
  });

  it("shows every metric of the contract, so nothing the monitor exports goes unseen", () => {
    const shown = new Set(queries.flatMap(({ expr }) => metricNames(expr)));
    const alerted = new Set(
      readAlertRules(join(ROOT, "ops/prometheus/numi.rules.yml")).flatMap((r) => metricNames(r.expr)),
    );
    const missing = Object.keys(METRIC_CONTRACT).filter((name) => !shown.has(name));
    expect(missing, "metrics on no panel").to.deep.equal([]);
    expect(
      Object.keys(METRIC_CONTRACT).filter((name) => !shown.has(name) && !alerted.has(name)),
      "metrics on no panel and in no rule",
    ).to.deep.equal([]);
  });

  it("has only valid PromQL (promtool checks each query as a recording rule, Grafana's variables filled in)", () => {
    const dir = mkdtempSync(join(tmpdir(), "numi-dashboard-"));
    try {
      const rules = queries.map(({ expr }, i) => ({
        record: `dashboard:query_${i}`,
        expr: expr.replace(/\$__rate_interval/g, "1m").replace(/\$instance/g, "localhost:9464"),
      }));
      const file = join(dir, "queries.rules.json"); // JSON is YAML, and promtool reads YAML
      writeFileSync(file, JSON.stringify({ groups: [{ name: "dashboard", rules }] }));
      const { ok, output } = promtool("check", "rules", file);
      expect(ok, output).to.equal(true);
      expect(output).to.include(`SUCCESS: ${rules.length} rules found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
