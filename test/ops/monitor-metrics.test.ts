// The monitor's Prometheus endpoint on a local chain after mining, staking and a proposal: every metric of the
// contract (ops/test/metricContract.ts) is served with HELP and its type, and each value equals a direct chain read.
import { expect } from "chai";
import hre, { ethers } from "hardhat";
import { loadFixture, setBalance, time } from "@nomicfoundation/hardhat-network-helpers";
import { Wallet, formatEther, parseEther } from "ethers";
import { NumiCoin } from "@numi/contracts";
import { MonitorService } from "../../scripts/ops/monitorService";
import { KEEPER_KEY_VAR, Keeper, checkKeeperOptions, keeperWallet } from "../../scripts/ops/keeper";
import { takeSnapshot } from "../../scripts/ops/monitor";
import { mineRewards } from "../helpers/deployed";
import { activeDeploymentForThisFile } from "./monitorFixture";
import { METRIC_CONTRACT } from "../../ops/test/metricContract";

const thisFilesDeployment = activeDeploymentForThisFile();

interface Scrape {
  help: Map<string, string>;
  type: Map<string, string>;
  value: (series: string) => number;
}

/** The Prometheus text format: HELP lines and `name{labels} value` samples. */
async function scrape(url: string): Promise<Scrape> {
  const response = await fetch(url);
  expect(response.status).to.equal(200);
  expect(response.headers.get("content-type")).to.match(/^text\/plain; version=0\.0\.4/);
  const help = new Map<string, string>();
  const type = new Map<string, string>();
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split("\n")) {
    const h = /^# HELP (\S+) (.*)$/.exec(line);
    if (h) help.set(h[1], h[2]);
    const t = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (t) type.set(t[1], t[2]);
    const s = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (s) samples.set(s[1], Number(s[2]));
  }
  const value = (series: string) => {
    expect(samples.has(series), `${series} is served`).to.equal(true);
    return samples.get(series)!;
  };
  return { help, type, value };
}

const numi = (wei: bigint) => Number(formatEther(wei));

describe("Monitor metrics (/metrics) against the chain", function () {
  let service: MonitorService | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  it("serves every metric with HELP, each equal to a direct chain read", async function () {
    const f = await loadFixture(thisFilesDeployment);
    service = new MonitorService(hre, { network: "hardhat", log: () => undefined });
    const url = await service.serveMetrics(0);
    const before = await scrape(url);
    expect(before.value("numi_monitor_up"), "nothing read yet").to.equal(0);

    expect((await service.refresh()).ok).to.equal(true);
    const m = await scrape(url);
    for (const [name, type] of Object.entries(METRIC_CONTRACT)) {
      expect(m.help.get(name), `HELP of ${name}`).to.match(/\w+/);
      expect(m.type.get(name), `TYPE of ${name}`).to.equal(type);
    }

    // Direct reads, at the latest block.
    const ms = await f.token.miningState();
    const ps = await f.pool.poolState();
    const latest = (await ethers.provider.getBlock("latest"))!;
    const rewards = await f.token.queryFilter(f.token.filters.EpochRewarded());
    const times = await Promise.all(rewards.map(async (e) => (await e.getBlock()).timestamp));
    const epochs = times.slice(1).map((t, i) => t - times[i]);
    const targets = rewards.map((e) => e.args.newTarget);
    const hashes = epochs.reduce((sum, _, i) => sum + 2 ** 256 / Number(targets[i]), 0);
    const balance = await f.token.balanceOf(await f.pool.getAddress());
    const timelock = await f.timelock.getAddress();

    expect(m.value("numi_monitor_up")).to.equal(1);
    expect(m.value("numi_monitor_last_success_timestamp_seconds")).to.be.closeTo(Date.now() / 1000, 60);
    expect(m.value("numi_scrape_duration_seconds")).to.be.greaterThan(0);
    expect(m.value('numi_rpc_errors_total{kind="timeout"}')).to.equal(0);
    expect(m.value("numi_token_supply_numi")).to.equal(numi(ms.minted));
    expect(m.value("numi_token_supply_numi")).to.equal(200);
    expect(m.value("numi_token_scheduled_supply_numi")).to.equal(numi(ms.minted));
    expect(m.value("numi_token_cap_numi")).to.equal(21_000_000);
    expect(m.value("numi_mining_epoch_count")).to.equal(Number(ms.epoch));
    expect(m.value("numi_mining_target")).to.equal(Number(ms.target));
    expect(m.value("numi_mining_difficulty")).to.equal(Number(ms.difficulty));
    expect(m.value('numi_mining_target_pinned{bound="min"}')).to.equal(ms.target === NumiCoin.MIN_TARGET ? 1 : 0);
    expect(m.value('numi_mining_target_pinned{bound="max"}')).to.equal(ms.target === NumiCoin.MAX_TARGET ? 1 : 0);
    expect(m.value("numi_mining_target_epoch_seconds")).to.equal(Number(ms.targetEpochTime));
    expect(epochs).to.have.length(3);
    expect(m.value("numi_mining_last_epoch_seconds")).to.equal(epochs[epochs.length - 1]);
    expect(m.value("numi_mining_mean_epoch_seconds")).to.equal(epochs.reduce((a, b) => a + b) / epochs.length);
    expect(m.value("numi_mining_hashrate_hashes_per_second")).to.be.closeTo(
      hashes / epochs.reduce((a, b) => a + b),
      1e-9 * hashes,
    );
    expect(m.value("numi_mining_seconds_since_last_reward")).to.equal(latest.timestamp - times[times.length - 1]);
    expect(m.value("numi_mining_paused")).to.equal(ms.paused ? 1 : 0);
    expect(m.value("numi_pool_balance_numi")).to.equal(numi(balance));
    expect(m.value("numi_pool_total_staked_numi")).to.equal(numi(ps.totalStaked));
    expect(m.value("numi_pool_total_staked_numi")).to.equal(40);
    expect(m.value("numi_pool_reserve_numi")).to.equal(numi(ps.rewardReserve));
    expect(m.value("numi_pool_undistributed_numi")).to.equal(numi(ps.undistributed));
    expect(m.value("numi_pool_solvency_margin_numi")).to.equal(numi(balance - ps.totalStaked - ps.rewardReserve));
    expect(ps.unsynced, "bob's reward came after the stake").to.be.greaterThan(0n);
    expect(m.value("numi_pool_unstreamed_numi")).to.equal(numi(ps.unsynced));
    expect(m.value("numi_pool_unstreamed_seconds")).to.equal(latest.timestamp - times[times.length - 1]);
    expect(m.value("numi_pool_fee_ratio")).to.equal(Number(ps.feeBps) / 10_000);
    expect(m.value("numi_pool_share_ratio")).to.equal(Number(ms.poolShareBps) / 10_000);
    expect(m.value("numi_pool_staking_paused")).to.equal(ps.stakingPaused ? 1 : 0);
    expect(m.value('numi_governance_proposals{state="pending"}')).to.equal(1);
    for (const state of ["active", "canceled", "defeated", "succeeded", "queued", "expired", "executed"])
      expect(m.value(`numi_governance_proposals{state="${state}"}`), state).to.equal(0);
    expect(m.value("numi_governance_timelock_delay_seconds")).to.equal(Number(await f.timelock.getMinDelay()));
    expect(m.value('numi_ownership_expected{contract="NumiCoin"}')).to.equal(
      (await f.token.owner()) === timelock ? 1 : 0,
    );
    expect(m.value('numi_ownership_expected{contract="NumiCoin"}')).to.equal(1);
    expect(m.value('numi_ownership_expected{contract="MiningPool"}')).to.equal(1);
    for (const check of ["supply_vs_schedule", "target_within_bounds", "pool_solvency", "rewards_streaming"])
      expect(m.value(`numi_check_status{check="${check}"}`), check).to.equal(0);
    expect(m.value("numi_keeper_syncs_total")).to.equal(0);
  });

  it("--keeper syncs the pool once rewards have waited too long, logs it and counts it", async function () {
    const f = await loadFixture(thisFilesDeployment);
    const keeper = Wallet.createRandom();
    await setBalance(keeper.address, parseEther("1"));
    const lines: string[] = [];
    service = new MonitorService(hre, {
      network: "hardhat",
      keeper: { afterSeconds: 30, periodSeconds: 3_600, maxGasGwei: 1_000 },
      env: { [KEEPER_KEY_VAR]: keeper.privateKey },
      log: (line) => lines.push(line),
    });
    const url = await service.serveMetrics(0);
    const waiting = (await f.pool.poolState()).unsynced;
    expect(waiting).to.be.greaterThan(0n);

    expect(await service.runOnce()).to.equal(0);
    expect((await f.pool.poolState()).unsynced, "sync() streamed what waited").to.equal(0n);
    expect(lines.join("\n")).to.match(/keeper: .* NUMI has waited \d+s \(over --keeper-after 30s\): sending sync\(\)/);
    expect(lines.join("\n"), lines.join("\n")).to.match(
      /keeper: sync\(\) mined in block \d+, \d+ gas, cost [\d.]+ ETH/,
    );
    console.log(`      ${lines.find((l) => l.includes("mined in block"))}`);
    const m = await scrape(url);
    expect(m.value("numi_keeper_syncs_total")).to.equal(1);
    expect(m.value("numi_keeper_last_sync_timestamp_seconds")).to.be.closeTo(Date.now() / 1000, 60);

    // A new reward waits again, but within the period the keeper does not sync a second time, and says so once.
    await mineRewards(f.token, f.bob, 1);
    await time.increase(100);
    lines.length = 0;
    expect(await service.runOnce()).to.equal(0);
    expect(await service.runOnce()).to.equal(0);
    expect((await f.pool.poolState()).unsynced).to.be.greaterThan(0n);
    const skips = lines.filter((l) => l.startsWith("keeper:"));
    expect(skips, lines.join("\n")).to.have.length(1);
    expect(skips[0]).to.match(/the last sync\(\) was sent \d+s ago: next one possible in \d+s/);
    expect((await scrape(url)).value("numi_keeper_syncs_total")).to.equal(1);
  });

  it("--keeper never pays more than --keeper-max-gwei", async function () {
    const f = await loadFixture(thisFilesDeployment);
    const wallet = new Wallet(Wallet.createRandom().privateKey, ethers.provider);
    await setBalance(wallet.address, parseEther("1"));
    const lines: string[] = [];
    const keeper = new Keeper(
      wallet,
      { afterSeconds: 0, periodSeconds: 60, maxGasGwei: 1e-9 },
      {
        log: (line) => lines.push(line),
        synced: () => expect.fail("no sync at 1 wei per gas"),
      },
    );
    const snapshot = await takeSnapshot(hre);
    expect(await keeper.tick(snapshot)).to.equal("skipped");
    expect(lines.join("\n")).to.match(/base fee [\d.]+ gwei is above --keeper-max-gwei: waiting/);
    expect((await f.pool.poolState()).unsynced).to.equal(snapshot.pool.unsynced);
    expect(() => checkKeeperOptions({ afterSeconds: 10, periodSeconds: 0, maxGasGwei: 1 })).to.throw(
      "--keeper-period must be more than 0 seconds, got 0",
    );
    expect(() => keeperWallet({}, ethers.provider)).to.throw(/NUMI_KEEPER_KEY/);
    expect(() => keeperWallet({ [KEEPER_KEY_VAR]: "0x1234" }, ethers.provider)).to.throw(
      "NUMI_KEEPER_KEY is not a private key (expected 64 hexadecimal digits, optionally after 0x)",
    );
  });
});
