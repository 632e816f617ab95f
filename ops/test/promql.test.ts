// The PromQL reader the contract tests rely on: it must find every metric and nothing else.
import { expect } from "chai";
import { metricNames, rawCounters } from "./promql";

describe("metricNames (PromQL)", () => {
  it("finds metrics around operators, functions, aggregations and label lists", () => {
    expect(
      metricNames(
        'sum by (kind) (rate(numi_rpc_errors_total{instance="$instance", kind!="reset"}[$__rate_interval])) * 60 > 1',
      ),
    ).to.deep.equal(["numi_rpc_errors_total"]);
    expect(
      metricNames('a_metric > 10 * other_metric\nand on (instance, job) third == 0 unless absent(up{job="x"})'),
    ).to.deep.equal(["a_metric", "other_metric", "third", "up"]);
  });

  it("ignores numbers with units, strings, keywords and Grafana variables", () => {
    expect(
      metricNames("time() - last_seen offset 5m > 1e3 or vector(0) + count(x == bool 2) * ${factor}"),
    ).to.deep.equal(["last_seen", "x"]);
  });

  it("reports counters read outside rate(), irate() or increase()", () => {
    const isCounter = (name: string) => name.endsWith("_total");
    expect(rawCounters("increase(a_total[1h]) + rate(b_total[5m])", isCounter)).to.deep.equal([]);
    expect(rawCounters("a_total > 5 and rate(b_total[5m]) > 0", isCounter)).to.deep.equal(["a_total"]);
  });
});
