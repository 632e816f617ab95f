// `npm run ops:local` (scripts/ops/prometheusLocal.ts): its generated configuration, and the command itself run
// against a stand-in monitor that reports a broken check.
import { expect } from "chai";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { MONITOR_JOB, portFromEnv, prometheusConfig, RULE_FILE } from "../../scripts/ops/prometheusLocal";
import { promtool } from "./promtool";
import { readAlertRules } from "./ruleFile";

const ROOT = resolve(__dirname, "../..");

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return (server.address() as AddressInfo).port;
}

async function poll<T>(what: string, read: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe("npm run ops:local (scripts/ops/prometheusLocal.ts)", () => {
  it("generates a configuration promtool accepts, with the alert rules loaded and the monitor's job name", () => {
    const dir = mkdtempSync(join(tmpdir(), "numi-prometheus-config-"));
    try {
      const config = prometheusConfig({ monitor: "localhost:9464", indexer: "localhost:42069" });
      writeFileSync(join(dir, "prometheus.yml"), config);
      const { ok, output } = promtool("check", "config", join(dir, "prometheus.yml"));
      expect(ok, output).to.equal(true);
      expect(output).to.include(`SUCCESS: ${readAlertRules(RULE_FILE).length} rules found`);
      expect(config).to.include(`job_name: ${MONITOR_JOB}`).and.include('targets: ["localhost:9464"]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a port setting that is not a port, naming the variable", () => {
    process.env.NUMI_TEST_PORT = "94a";
    try {
      expect(() => portFromEnv("NUMI_TEST_PORT", 1)).to.throw("NUMI_TEST_PORT=94a is not a TCP port");
      process.env.NUMI_TEST_PORT = "70000";
      expect(() => portFromEnv("NUMI_TEST_PORT", 1)).to.throw("NUMI_TEST_PORT=70000 is not a TCP port");
      process.env.NUMI_TEST_PORT = "";
      expect(portFromEnv("NUMI_TEST_PORT", 9464)).to.equal(9464);
    } finally {
      delete process.env.NUMI_TEST_PORT;
    }
  });

  it("starts Prometheus on a free port, scrapes the monitor, shows its alert, and cleans up on Ctrl-C", async function () {
    this.timeout(90_000);
    // A stand-in for the monitor's /metrics: up, with one broken check.
    const monitor = http.createServer((_req, res) => {
      res.setHeader("content-type", "text/plain; version=0.0.4");
      res.end('numi_monitor_up 1\nnumi_check_status{check="pool_solvency"} 2\n');
    });
    const nothing = http.createServer(); // the indexer's port, closed again: a target that is down
    const monitorPort = await listen(monitor);
    const indexerPort = await listen(nothing);
    await new Promise((done) => nothing.close(done));

    const child = spawn(
      join(ROOT, "node_modules/.bin/ts-node"),
      ["--transpile-only", "scripts/ops/prometheusLocal.ts"],
      {
        cwd: ROOT,
        env: { ...process.env, NUMI_METRICS_PORT: String(monitorPort), NUMI_INDEXER_PORT: String(indexerPort) },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true, // its own process group, so a failed test can stop Prometheus with it
      },
    );
    let printed = "";
    child.stdout.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    try {
      const url = await poll(
        "the alerts page to be printed",
        async () => /Alerts: +(\S+)\/alerts/.exec(printed)?.[1],
        30_000,
      );
      const dir = /Config, data and log in (\S+) \(removed on exit\)/.exec(printed)?.[1] ?? "";
      expect(existsSync(join(dir, "prometheus.yml")), printed).to.equal(true);

      const api = async <T>(path: string) => ((await (await fetch(`${url}${path}`)).json()) as { data: T }).data;
      const health = await poll(
        "both targets scraped",
        async () => {
          const { activeTargets } = await api<{ activeTargets: { labels: { job: string }; health: string }[] }>(
            "/api/v1/targets",
          );
          const byJob = Object.fromEntries(activeTargets.map((t) => [t.labels.job, t.health]));
          const scraped = [MONITOR_JOB, "numi-indexer"].every((job) => ["up", "down"].includes(byJob[job]));
          return scraped ? byJob : undefined;
        },
        30_000,
      );
      expect(health).to.deep.equal({ "numi-monitor": "up", "numi-indexer": "down" });
      const alert = await poll(
        "NumiInvariantBroken on the alerts API",
        async () => {
          const { alerts } = await api<{ alerts: { labels: Record<string, string>; state: string }[] }>(
            "/api/v1/alerts",
          );
          return alerts.find((a) => a.labels.alertname === "NumiInvariantBroken");
        },
        30_000,
      );
      expect(alert.labels).to.include({ check: "pool_solvency", severity: "critical", job: MONITOR_JOB });
      expect(alert.state, "pending: the rule's for: 1m has not passed").to.equal("pending");

      child.kill("SIGINT");
      expect(await exited, printed).to.equal(0);
      expect(existsSync(dir), `${dir} removed on exit`).to.equal(false);
    } finally {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
      await new Promise((done) => monitor.close(done));
    }
  });
});
