// The metrics `npm run monitor -- --metrics-port` exports (issue #17's contract), with their types. The alert rules
// and the Grafana dashboard may use these names and no others. Amounts in NUMI, durations in seconds, ratios 0..1.
export const METRIC_CONTRACT = {
  numi_monitor_up: "gauge",
  numi_monitor_last_success_timestamp_seconds: "gauge",
  numi_scrape_duration_seconds: "gauge",
  numi_monitor_rpc_requests: "gauge",
  numi_rpc_errors_total: "counter",
  numi_check_status: "gauge",
  numi_token_supply_numi: "gauge",
  numi_token_scheduled_supply_numi: "gauge",
  numi_token_cap_numi: "gauge",
  numi_mining_epoch_count: "gauge",
  numi_mining_target: "gauge",
  numi_mining_difficulty: "gauge",
  numi_mining_target_pinned: "gauge",
  numi_mining_target_epoch_seconds: "gauge",
  numi_mining_last_epoch_seconds: "gauge",
  numi_mining_mean_epoch_seconds: "gauge",
  numi_mining_hashrate_hashes_per_second: "gauge",
  numi_mining_seconds_since_last_reward: "gauge",
  numi_mining_paused: "gauge",
  numi_pool_balance_numi: "gauge",
  numi_pool_total_staked_numi: "gauge",
  numi_pool_reserve_numi: "gauge",
  numi_pool_undistributed_numi: "gauge",
  numi_pool_solvency_margin_numi: "gauge",
  numi_pool_unstreamed_numi: "gauge",
  numi_pool_unstreamed_seconds: "gauge",
  numi_pool_fee_ratio: "gauge",
  numi_pool_share_ratio: "gauge",
  numi_pool_staking_paused: "gauge",
  numi_governance_proposals: "gauge",
  numi_governance_timelock_delay_seconds: "gauge",
  numi_ownership_expected: "gauge",
  numi_keeper_syncs_total: "counter",
  numi_keeper_last_sync_timestamp_seconds: "gauge",
} as const;

export type MetricName = keyof typeof METRIC_CONTRACT;

export const isContractMetric = (name: string): name is MetricName => Object.hasOwn(METRIC_CONTRACT, name);
