// The monitor as an operator runs it. One report exits 0 when every check ran and passed (warnings included: they
// are states governance chose, such as a pause, not failures), 1 when an invariant is broken and 2 when it could not
// check (RPC down, refused or too slow). With --watch or --metrics-port it keeps running whatever the RPC does:
// each refresh is bounded (timeouts, retries with backoff), each fault is reported once in plain words, recovery is
// reported, and /metrics says so (numi_monitor_up, numi_rpc_errors_total).
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { HardhatRuntimeEnvironment } from "hardhat/types";
import type { Provider } from "ethers";
import { HistoryError, isRangeError } from "@numi/history";
import { BoundedRpcProvider, faultOf, type RpcFault, type RpcFaultKind } from "./boundedRpc";
import { Keeper, keeperWallet, type KeeperOptions } from "./keeper";
import { MonitorMetrics } from "./monitorMetrics";
import {
  evaluate,
  newMonitorHistory,
  render,
  scheduledSupply,
  takeSnapshot,
  type Check,
  type MonitorHistory,
  type Snapshot,
} from "./monitor";

export const EXIT = { healthy: 0, broken: 1, cannotCheck: 2 } as const;

export interface MonitorServiceOptions {
  /** Name of the network, for the report. */
  network: string;
  /** RPC URL to read through; without one, the in-process Hardhat network's provider. */
  rpcUrl?: string;
  /** The chain the URL serves (required with rpcUrl): a static network, so no eth_chainId per request. */
  chainId?: number;
  /** Per-request timeout and attempts of the RPC client. */
  timeoutMs?: number;
  attempts?: number;
  backoffMs?: number;
  maxRange?: number;
  maxRequests?: number;
  /** Seconds before unstreamed pool rewards make "rewards streaming" warn. */
  unstreamedWarnSeconds?: number;
  keeper?: KeeperOptions;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  logError?: (line: string) => void;
}

export type Refresh =
  { ok: true; snapshot: Snapshot; checks: Check[] } | { ok: false; kind: RpcFaultKind; message: string };

/** Why a refresh failed, as the kind of numi_rpc_errors_total and a sentence. */
export function describeFailure(err: unknown): { kind: RpcFaultKind; message: string } {
  const fault = faultOf(err);
  if (fault) return { kind: fault.kind, message: fault.message };
  if (err instanceof HistoryError && isRangeError(err.cause))
    return {
      kind: "range_refused",
      message: `the RPC refused eth_getLogs even for blocks ${err.fromBlock}..${err.toBlock}; try another RPC`,
    };
  const text = err instanceof Error ? err.message.split("\n")[0] : String(err);
  return { kind: "rpc_error", message: text };
}

export class MonitorService {
  readonly metrics = new MonitorMetrics();
  readonly provider: Provider;
  readonly history: MonitorHistory;
  private readonly log: (line: string) => void;
  private readonly logError: (line: string) => void;
  private readonly keeper?: Keeper;
  /** Fault kinds reported since the RPC last answered everything first time, and since when. */
  private readonly reported = new Set<RpcFaultKind>();
  private faultySince: number | null = null;
  private faultsThisRefresh: RpcFault[] = [];
  private server?: http.Server;
  private stopped = false;
  private wake?: () => void;

  constructor(
    private readonly hre: HardhatRuntimeEnvironment,
    private readonly options: MonitorServiceOptions,
  ) {
    this.log = options.log ?? console.log;
    this.logError = options.logError ?? console.error;
    this.history = newMonitorHistory(options.maxRange);
    if (options.rpcUrl && options.chainId === undefined)
      throw new Error(`the network ${options.network} has no chainId in hardhat.config.ts: the monitor needs one`);
    this.provider = options.rpcUrl
      ? new BoundedRpcProvider(options.rpcUrl, options.chainId!, {
          timeoutMs: options.timeoutMs,
          attempts: options.attempts,
          backoffMs: options.backoffMs,
          onFault: (f) => {
            this.faultsThisRefresh.push(f);
            this.metrics.rpcError(f.kind);
          },
        })
      : hre.ethers.provider;
    if (options.keeper) {
      const wallet = keeperWallet(options.env ?? process.env, this.provider);
      this.keeper = new Keeper(wallet, options.keeper, {
        log: this.log,
        synced: (at) => {
          this.metrics.keeperSyncs.inc();
          this.metrics.keeperLastSync.set(at);
        },
      });
    }
  }

  /** JSON-RPC calls of the last refresh by method, when reading through an RPC URL. */
  get requestCounts() {
    return this.provider instanceof BoundedRpcProvider ? this.provider.counts : undefined;
  }

  /** Reads a snapshot, evaluates it and updates the metrics; never throws. */
  async refresh(): Promise<Refresh> {
    const started = performance.now();
    if (this.provider instanceof BoundedRpcProvider) this.provider.resetCounts();
    this.faultsThisRefresh = [];
    let result: Refresh;
    try {
      const snapshot = await takeSnapshot(this.hre, {
        provider: this.provider,
        history: this.history,
        maxRange: this.options.maxRange,
        maxRequests: this.options.maxRequests,
      });
      const checks = evaluate(snapshot, { unstreamedWarnSeconds: this.options.unstreamedWarnSeconds });
      this.metrics.update(snapshot, checks, scheduledSupply(snapshot.epoch));
      if (snapshot.history.rangeRefusals) this.metrics.rpcError("range_refused", snapshot.history.rangeRefusals);
      this.metrics.up.set(1);
      this.metrics.lastSuccess.set(Date.now() / 1000);
      result = { ok: true, snapshot, checks };
    } catch (err) {
      const failure = describeFailure(err);
      if (!faultOf(err)) this.metrics.rpcError(failure.kind); // transport faults were counted as they happened
      this.metrics.up.set(0);
      result = { ok: false, ...failure };
    }
    this.metrics.scrapeDuration.set((performance.now() - started) / 1000);
    this.metrics.requestsPerRefresh.set(this.requestCounts?.total ?? 0);
    return result;
  }

  /** One line on the requests the last refresh cost, or nothing without an RPC URL. */
  requestSummary(): string | undefined {
    const c = this.requestCounts;
    if (!c) return undefined;
    const methods = Object.entries(c.byMethod)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([m, n]) => `${m} ${n}`)
      .join(", ");
    const faults = new Map<string, number>();
    for (const f of this.faultsThisRefresh) faults.set(f.kind, (faults.get(f.kind) ?? 0) + 1);
    const retried = [...faults].map(([kind, n]) => `${kind} x${n}`).join(", ");
    return (
      `this report: ${c.total} JSON-RPC requests (${methods}) in ${c.http} HTTP requests` +
      (retried ? `; retried after ${retried}` : "")
    );
  }

  /** One report: prints it and returns the exit code. */
  async runOnce(): Promise<number> {
    const r = await this.refresh();
    if (!r.ok) {
      this.logError(`monitor: could not check ${this.options.network}: ${r.message} (${r.kind})`);
      return EXIT.cannotCheck;
    }
    this.log(render(this.options.network, r.snapshot, r.checks));
    const summary = this.requestSummary();
    if (summary) this.log(`  note   ${summary}`);
    await this.keeper?.tick(r.snapshot);
    return r.checks.some((c) => c.status === "broken") ? EXIT.broken : EXIT.healthy;
  }

  /** Reports what went wrong or came back in a refresh, each fault once until the RPC recovers. */
  private reportFaults(r: Refresh): void {
    const seen = this.faultsThisRefresh;
    if (!r.ok) {
      this.faultySince ??= Date.now();
      if (!this.reported.has(r.kind))
        this.logError(
          `monitor: cannot check ${this.options.network}: ${r.message} (${r.kind}). Still running; numi_monitor_up is 0 until it can.`,
        );
      this.reported.add(r.kind);
      for (const f of seen) this.reported.add(f.kind);
      return;
    }
    for (const f of seen) {
      if (this.reported.has(f.kind)) continue;
      this.faultySince ??= Date.now();
      this.reported.add(f.kind);
      this.logError(`monitor: RPC trouble: ${f.message} (${f.kind}); retried with backoff and got the answers`);
    }
    if (seen.length === 0 && this.faultySince !== null) {
      const seconds = Math.round((Date.now() - this.faultySince) / 1000);
      this.log(
        `monitor: RPC recovered: every request answered again after ${seconds}s of ${[...this.reported].join(", ")}`,
      );
      this.reported.clear();
      this.faultySince = null;
    }
  }

  /**
   * Keeps refreshing every `intervalSeconds` until stop(): prints every report (`printEvery`), or the first one and
   * then only the checks whose status changed. Never throws on RPC errors.
   */
  async runForever(intervalSeconds: number, printEvery: boolean): Promise<void> {
    let previous: Record<string, string> | undefined;
    while (!this.stopped) {
      const r = await this.refresh();
      this.reportFaults(r);
      if (r.ok) {
        const statuses = Object.fromEntries(r.checks.map((c) => [c.name, c.status]));
        if (printEvery || !previous) {
          this.log(render(this.options.network, r.snapshot, r.checks));
          const summary = this.requestSummary();
          if (summary) this.log(`  note   ${summary}`);
        } else
          for (const c of r.checks)
            if (previous[c.name] !== c.status)
              this.log(`monitor: ${c.name}: ${previous[c.name]} -> ${c.status}: ${c.detail}`);
        previous = statuses;
        if (r.checks.some((c) => c.status === "broken")) this.logError("ALERT: an invariant is broken (see above).");
        await this.keeper?.tick(r.snapshot);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalSeconds * 1000);
        this.wake = () => (clearTimeout(timer), resolve());
      });
    }
  }

  /** Serves /metrics on the port (0: any free one); resolves to the URL. */
  async serveMetrics(port: number, host = "127.0.0.1"): Promise<string> {
    this.server = http.createServer((req, res) => {
      if (req.method === "GET" && req.url?.split("?")[0] === "/metrics") {
        this.metrics.registry.metrics().then(
          (text) => res.writeHead(200, { "content-type": this.metrics.registry.contentType }).end(text),
          (err: Error) => res.writeHead(500).end(err.message),
        );
        return;
      }
      res.writeHead(404, { "content-type": "text/plain" }).end("NumiCoin monitor: metrics at /metrics\n");
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", (err: NodeJS.ErrnoException) =>
        reject(
          new Error(err.code === "EADDRINUSE" ? `port ${port} is in use: pass another --metrics-port` : err.message),
        ),
      );
      server.listen(port, host, resolve);
    });
    const bound = (server.address() as AddressInfo).port;
    return `http://${host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host}:${bound}/metrics`;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    if (this.provider instanceof BoundedRpcProvider) this.provider.destroy();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
