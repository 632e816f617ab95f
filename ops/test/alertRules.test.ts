// ops/prometheus/numi.rules.yml against the metric contract, the runbook and its promtool tests. promtool itself
// checks the syntax (npm run lint) and runs the firing / quiet cases (npm run test:alerts).
import { expect } from "chai";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isContractMetric, METRIC_CONTRACT } from "./metricContract";
import { metricNames, rawCounters } from "./promql";
import { parseYamlSubset, readAlertRules } from "./ruleFile";
import { headingAnchors } from "./markdownAnchors";

const ROOT = resolve(__dirname, "../..");
const RULES = readAlertRules(join(ROOT, "ops/prometheus/numi.rules.yml"));
const RUNBOOK = "docs/operations.md";
/** Prometheus's own series for a scrape target: the monitor-down alerts need it. */
const SCRAPE_METRICS = new Set(["up"]);

interface RuleTestFile {
  rule_files: string[];
  tests: { alert_rule_test: { alertname: string; exp_alerts: unknown[] }[] }[];
}

describe("alert rules (ops/prometheus/numi.rules.yml)", () => {
  it("covers each alert the operations issue asks for", () => {
    expect(RULES.map((r) => r.alert)).to.include.members([
      "NumiInvariantBroken",
      "NumiPoolInsolvent",
      "NumiNoRewardForLong",
      "NumiTargetPinned",
      "NumiMiningPausedBeyondLimit",
      "NumiProposalQueued",
      "NumiOwnershipNotTimelock",
      "NumiPoolRewardsUnstreamed",
      "NumiMonitorCannotCheck",
      "NumiMonitorDown",
      "NumiMonitorAbsent",
      "NumiRpcErrors",
    ]);
    expect(new Set(RULES.map((r) => r.alert)).size, "alert names are unique").to.equal(RULES.length);
  });

  it("read only metrics of the contract (and the scrape target's up)", () => {
    for (const rule of RULES) {
      const unknown = metricNames(rule.expr).filter((name) => !isContractMetric(name) && !SCRAPE_METRICS.has(name));
      expect(unknown, `${rule.alert} reads metrics outside the contract`).to.deep.equal([]);
    }
  });

  it("read counters only through rate() or increase()", () => {
    for (const rule of RULES) {
      const raw = rawCounters(rule.expr, (name) => isContractMetric(name) && METRIC_CONTRACT[name] === "counter");
      expect(raw, `${rule.alert} reads a counter's raw value`).to.deep.equal([]);
    }
  });

  it("each have a severity, a summary, a description and a runbook_url to their section of the runbook", () => {
    const anchors = headingAnchors(join(ROOT, RUNBOOK));
    for (const rule of RULES) {
      expect(["critical", "warning", "info"], `${rule.alert} severity`).to.include(rule.labels.severity);
      expect(rule.annotations.summary, `${rule.alert} summary`).to.be.a("string").and.not.equal("");
      expect(rule.annotations.description, `${rule.alert} description`).to.be.a("string").and.not.equal("");
      expect(rule.annotations.runbook_url, `${rule.alert} runbook_url`).to.equal(
        `${RUNBOOK}#${rule.alert.toLowerCase()}`,
      );
      expect(anchors.has(rule.alert.toLowerCase()), `${RUNBOOK} has a "${rule.alert}" heading`).to.equal(true);
    }
  });

  it("each have a promtool test file with a case that fires and one that stays quiet", () => {
    for (const rule of RULES) {
      const file = join(ROOT, "ops/prometheus/tests", `${rule.alert}.test.yml`);
      expect(existsSync(file), `${file} exists`).to.equal(true);
      const spec = parseYamlSubset(readFileSync(file, "utf8"), file) as unknown as RuleTestFile;
      expect(spec.rule_files, `${file} loads the rule file`).to.deep.equal(["../numi.rules.yml"]);
      const cases = spec.tests.flatMap((t) => t.alert_rule_test).filter((c) => c.alertname === rule.alert);
      expect(
        cases.some((c) => c.exp_alerts.length > 0),
        `${file} has a case where ${rule.alert} fires`,
      ).to.equal(true);
      expect(
        cases.some((c) => c.exp_alerts.length === 0),
        `${file} has a case where ${rule.alert} stays quiet`,
      ).to.equal(true);
    }
  });
});
