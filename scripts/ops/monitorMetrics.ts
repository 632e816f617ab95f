// The monitor's Prometheus metrics (prom-client): one registry per monitor, set from each snapshot. Names, types
// and units are a contract with the alert rules and the Grafana dashboard in ops/: amounts in NUMI (`_numi`),
// durations in seconds, ratios 0..1, counters `_total`. Rename nothing without changing those.
import { Counter, Gauge, Registry } from "prom-client";
import { formatEther } from "ethers";
import { NumiCoin } from "@numi/contracts";
import { RPC_FAULT_KINDS, type RpcFaultKind } from "./boundedRpc";
import { WINDOW, unstreamedSeconds, type Check, type Snapshot } from "./monitor";

const { MAX_SUPPLY, MAX_TARGET, MIN_TARGET } = NumiCoin;
const PROPOSAL_STATES = ["pending", "active", "canceled", "defeated", "succeeded", "queued", "expired", "executed"];
const STATUS_VALUE = { ok: 0, warn: 1, broken: 2 } as const;

const numi = (wei: bigint) => Number(formatEther(wei));
/** "supply vs schedule" -> "supply_vs_schedule": the `check` label of numi_check_status. */
export const checkLabel = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

/** Σ 2^256/target over the epochs / Σ their seconds: hashes tried per second, on average, by everyone. */
export function estimatedHashrate(recentTargets: bigint[], recentEpochTimes: number[]): number {
  const seconds = recentEpochTimes.reduce((a, b) => a + b, 0);
  if (seconds <= 0) return 0;
  // Target i (set by reward i) is the one of the epoch that lasted recentEpochTimes[i].
  const hashes = recentEpochTimes.reduce((sum, _, i) => sum + 2 ** 256 / Number(recentTargets[i]), 0);
  return hashes / seconds;
}

export class MonitorMetrics {
  readonly registry = new Registry();
  private readonly gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [this.registry] });

  readonly up = this.gauge("numi_monitor_up", "1 when the last refresh read every value from the chain, else 0");
  readonly lastSuccess = this.gauge(
    "numi_monitor_last_success_timestamp_seconds",
    "Unix time of the last refresh that read every value",
  );
  readonly scrapeDuration = this.gauge("numi_scrape_duration_seconds", "Seconds the last refresh took");
  readonly requestsPerRefresh = this.gauge(
    "numi_monitor_rpc_requests",
    "JSON-RPC calls the last refresh made (retries included)",
  );
  readonly rpcErrors = new Counter({
    name: "numi_rpc_errors_total",
    help: "Failed RPC requests by kind: timeout, rate_limited (HTTP 429), http_5xx, reset (connection closed before the answer), unreachable (connection refused), range_refused (eth_getLogs range refused), rpc_error",
    labelNames: ["kind"],
    registers: [this.registry],
  });
  readonly checkStatus = this.gauge("numi_check_status", "Monitor check: 0 ok, 1 warn, 2 broken", ["check"]);

  private readonly supply = this.gauge("numi_token_supply_numi", "NUMI minted so far (the total supply)");
  private readonly scheduled = this.gauge(
    "numi_token_scheduled_supply_numi",
    "NUMI the emission schedule says for the epochs mined so far",
  );
  private readonly cap = this.gauge("numi_token_cap_numi", "NUMI that can ever exist");
  private readonly epochCount = this.gauge("numi_mining_epoch_count", "Rewards minted so far");
  private readonly target = this.gauge("numi_mining_target", "Largest digest accepted this epoch");
  private readonly difficulty = this.gauge("numi_mining_difficulty", "MAX_TARGET / target");
  private readonly pinned = this.gauge(
    "numi_mining_target_pinned",
    "1 when the target sits at that bound (min: hardest, max: easiest)",
    ["bound"],
  );
  private readonly targetEpoch = this.gauge(
    "numi_mining_target_epoch_seconds",
    "Seconds between rewards the difficulty aims for",
  );
  private readonly lastEpoch = this.gauge("numi_mining_last_epoch_seconds", "Seconds the last completed epoch took");
  private readonly meanEpoch = this.gauge(
    "numi_mining_mean_epoch_seconds",
    `Mean seconds per epoch over the last ${WINDOW} epochs (fewer while fewer are known)`,
  );
  private readonly hashrate = this.gauge(
    "numi_mining_hashrate_hashes_per_second",
    `Estimated network hash rate: expected hashes per epoch (2^256/target) over the last ${WINDOW} epochs / their seconds`,
  );
  private readonly sinceReward = this.gauge(
    "numi_mining_seconds_since_last_reward",
    "Seconds from the last reward to the latest block",
  );
  private readonly miningPaused = this.gauge("numi_mining_paused", "1 while governance has paused mining");
  private readonly poolBalance = this.gauge("numi_pool_balance_numi", "NUMI the staking pool holds");
  private readonly poolStaked = this.gauge("numi_pool_total_staked_numi", "NUMI staked in the pool");
  private readonly poolReserve = this.gauge(
    "numi_pool_reserve_numi",
    "NUMI the pool reserves for rewards: undistributed plus earned but unclaimed",
  );
  private readonly poolUndistributed = this.gauge(
    "numi_pool_undistributed_numi",
    "Rewards received by the pool and not yet streamed to stakers",
  );
  private readonly solvency = this.gauge(
    "numi_pool_solvency_margin_numi",
    "Pool balance - total staked - reward reserve; negative means insolvent",
  );
  private readonly unstreamed = this.gauge(
    "numi_pool_unstreamed_numi",
    "NUMI that arrived at the pool but streams only from the next pool interaction (stake, withdraw, claim, exit, sync)",
  );
  private readonly unstreamedAge = this.gauge(
    "numi_pool_unstreamed_seconds",
    "Seconds the unstreamed NUMI has waited (0 when none); a lower bound when older rewards are not read yet",
  );
  private readonly fee = this.gauge("numi_pool_fee_ratio", "Pool fee on arriving rewards, 0..1");
  private readonly share = this.gauge("numi_pool_share_ratio", "Share of each block reward minted to the pool, 0..1");
  private readonly stakingPaused = this.gauge("numi_pool_staking_paused", "1 while governance has paused new stakes");
  private readonly proposals = this.gauge(
    "numi_governance_proposals",
    "Proposals by state, among the proposal history read so far",
    ["state"],
  );
  private readonly timelockDelay = this.gauge("numi_governance_timelock_delay_seconds", "The timelock's minimum delay");
  private readonly ownership = this.gauge(
    "numi_ownership_expected",
    "1 when the contract's owner is the governance timelock, else 0",
    ["contract"],
  );
  readonly keeperSyncs = new Counter({
    name: "numi_keeper_syncs_total",
    help: "sync() transactions the keeper sent that were mined",
    registers: [this.registry],
  });
  readonly keeperLastSync = this.gauge(
    "numi_keeper_last_sync_timestamp_seconds",
    "Unix time of the keeper's last mined sync() (0 before the first)",
  );

  constructor() {
    for (const kind of RPC_FAULT_KINDS) this.rpcErrors.inc({ kind }, 0); // every series exists from the start
    this.up.set(0);
    this.keeperLastSync.set(0);
    this.cap.set(numi(MAX_SUPPLY));
  }

  rpcError(kind: RpcFaultKind, count = 1): void {
    this.rpcErrors.inc({ kind }, count);
  }

  /** A refresh that read every value: the figures of the snapshot and the status of each check. */
  update(s: Snapshot, checks: Check[], scheduledSupply: bigint): void {
    this.supply.set(numi(s.minted));
    this.scheduled.set(numi(scheduledSupply));
    this.epochCount.set(Number(s.epoch));
    this.target.set(Number(s.target));
    this.difficulty.set(Number(MAX_TARGET / (s.target || 1n)));
    this.pinned.set({ bound: "min" }, s.target === MIN_TARGET ? 1 : 0);
    this.pinned.set({ bound: "max" }, s.target === MAX_TARGET ? 1 : 0);
    this.targetEpoch.set(Number(s.targetEpochTime));
    const times = s.recentEpochTimes;
    this.lastEpoch.set(times.length ? times[times.length - 1] : 0);
    this.meanEpoch.set(times.length ? times.reduce((a, b) => a + b, 0) / times.length : 0);
    this.hashrate.set(estimatedHashrate(s.recentTargets, times));
    this.sinceReward.set(Math.max(0, s.blockTimestamp - s.lastRewardTime));
    this.miningPaused.set(s.miningPaused ? 1 : 0);

    const p = s.pool;
    this.poolBalance.set(numi(p.balance));
    this.poolStaked.set(numi(p.totalStaked));
    this.poolReserve.set(numi(p.rewardReserve));
    this.poolUndistributed.set(numi(p.undistributed));
    this.solvency.set(numi(p.balance - p.totalStaked - p.rewardReserve));
    this.unstreamed.set(numi(p.unsynced));
    this.unstreamedAge.set(unstreamedSeconds(s));
    this.fee.set(p.feeBps / 10_000);
    this.share.set(s.poolShareBps / 10_000);
    this.stakingPaused.set(p.stakingPaused ? 1 : 0);

    for (const state of PROPOSAL_STATES)
      this.proposals.set({ state }, s.proposals.filter((q) => q.state.toLowerCase() === state).length);
    this.timelockDelay.set(s.timelockDelay);
    this.ownership.set({ contract: "NumiCoin" }, s.owners.token === s.owners.timelock ? 1 : 0);
    this.ownership.set({ contract: "MiningPool" }, s.owners.pool === s.owners.timelock ? 1 : 0);
    for (const c of checks) this.checkStatus.set({ check: checkLabel(c.name) }, STATUS_VALUE[c.status]);
  }
}
