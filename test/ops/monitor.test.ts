// The monitor against a live (in-process) deployment, and its checks against broken states.
import { expect } from "chai";
import hre from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { parseEther } from "ethers";
import { activeDeploymentForThisFile } from "./monitorFixture";
import {
  evaluate,
  render,
  scheduledSupply,
  takeSnapshot,
  unstreamedSince,
  type Snapshot,
} from "../../scripts/ops/monitor";

const thisFilesDeployment = activeDeploymentForThisFile();

const statusOf = (s: Snapshot, name: string) => evaluate(s).find((c) => c.name === name)?.status;

describe("Monitor (scripts/monitor.ts)", function () {
  it("reports a healthy local deployment with its figures", async function () {
    await loadFixture(thisFilesDeployment);
    const s = await takeSnapshot(hre);
    expect(s.epoch).to.equal(4n);
    expect(s.minted).to.equal(parseEther("200"));
    expect(s.recentEpochTimes).to.have.length(3);
    expect(s.recentTargets).to.have.length(4);
    expect(s.pool.totalStaked).to.equal(parseEther("40"));
    expect(s.proposals).to.have.length(1);
    expect(s.proposals[0].state).to.equal("Pending");
    expect(s.pool.unsynced, "the last reward's pool share came after the stake").to.be.greaterThan(0n);
    const checks = evaluate(s);
    expect(
      checks.filter((c) => c.status !== "ok"),
      JSON.stringify(checks),
    ).to.deep.equal([]);
    expect(checks.find((c) => c.name === "proposals in flight")?.detail).to.equal("Pending: NIP-9: pause");
  });

  it("says when the proposal history it read is partial instead of reporting it complete", async function () {
    await loadFixture(thisFilesDeployment);
    const s = await takeSnapshot(hre, { maxRange: 1, maxRequests: 1 });
    expect(s.history.partial).to.equal(true);
    expect(s.history.coveredFrom).to.equal(s.blockNumber);
    expect(s.history.logRequests).to.equal(2);
    expect(s.proposals.map((p) => p.description)).to.deep.equal(["NIP-9: pause\nbody"]); // newest block first
    const report = render("hardhat", s, evaluate(s));
    expect(report).to.include(
      `proposals: scanned blocks ${s.blockNumber}..${s.blockNumber} of ${s.history.deploymentBlock}..${s.blockNumber}, older not yet read`,
    );
    expect(report).to.include("epochs: 0 recent rewards found so far, older not yet read");
    expect(report).to.include(`Pending: NIP-9: pause (blocks ${s.blockNumber}..${s.blockNumber} read so far)`);
  });

  it("computes the emission schedule across halvings and clips it at the cap", function () {
    const R = parseEther("50");
    expect(scheduledSupply(0n)).to.equal(0n);
    expect(scheduledSupply(3n)).to.equal(3n * R);
    expect(scheduledSupply(210_001n)).to.equal(210_000n * R + R / 2n);
    expect(scheduledSupply(10n ** 9n)).to.be.lessThanOrEqual(21_000_000n * 10n ** 18n);
  });

  it("flags every broken invariant", async function () {
    await loadFixture(thisFilesDeployment);
    const healthy = await takeSnapshot(hre);
    expect(statusOf({ ...healthy, minted: healthy.minted + 1n }, "supply vs schedule")).to.equal("broken");
    expect(statusOf({ ...healthy, target: 2n ** 253n }, "target within bounds")).to.equal("broken");
    expect(
      statusOf({ ...healthy, pool: { ...healthy.pool, balance: healthy.pool.totalStaked } }, "pool solvency"),
    ).to.equal("broken");
    expect(
      statusOf(
        { ...healthy, owners: { ...healthy.owners, token: healthy.owners.pool.replace(/.$/, "0") } },
        "governance owns the contracts",
      ),
    ).to.equal("broken");
    expect(
      statusOf(
        { ...healthy, owners: { ...healthy.owners, pool: healthy.owners.token.replace(/.$/, "0") } },
        "governance owns the contracts",
      ),
    ).to.equal("broken");
    expect(
      statusOf(
        { ...healthy, pool: { ...healthy.pool, undistributed: healthy.pool.rewardReserve + 1n } },
        "pool solvency",
      ),
      "a reserve that does not cover what is still to stream",
    ).to.equal("broken");
    expect(statusOf({ ...healthy, minted: 21_000_001n * 10n ** 18n }, "supply vs schedule")).to.equal("broken");
    expect(statusOf({ ...healthy, miningPaused: true }, "mining")).to.equal("warn");
    expect(statusOf({ ...healthy, pool: { ...healthy.pool, stakingPaused: true } }, "staking")).to.equal("warn");
    expect(statusOf({ ...healthy, tokenPoolMatches: false }, "pool wired")).to.equal("warn");
    expect(statusOf({ ...healthy, recentEpochTimes: [100, 100] }, "epoch time vs target")).to.equal("warn");
    expect(statusOf({ ...healthy, recentEpochTimes: [1, 1] }, "epoch time vs target")).to.equal("warn");
    const waiting = {
      ...healthy,
      pool: { ...healthy.pool, unsynced: 1n, unsyncedSince: healthy.blockTimestamp - 90_000 },
    };
    expect(statusOf(waiting, "rewards streaming"), "pool rewards waiting over a day").to.equal("warn");
    expect(
      evaluate(waiting, { unstreamedWarnSeconds: 100_000 }).find((c) => c.name === "rewards streaming")?.status,
    ).to.equal("ok");
    expect(
      statusOf({ ...healthy, pool: { ...healthy.pool, unsynced: 0n, unsyncedSince: null } }, "rewards streaming"),
    ).to.equal("ok");
  });

  it("dates the pool's unstreamed NUMI from the first pool reward after the last stream start", function () {
    const rewards = [
      { poolReward: 5n, timestamp: 100 },
      { poolReward: 0n, timestamp: 200 }, // no pool share (share 0 then)
      { poolReward: 5n, timestamp: 300 },
      { poolReward: 5n, timestamp: 400 },
    ];
    // Stream restarted at 250 (periodFinish 3850, duration 3600): the wait starts with the reward at 300.
    expect(unstreamedSince(10n, 3_850n, 3_600n, rewards)).to.equal(300);
    expect(unstreamedSince(0n, 3_850n, 3_600n, rewards), "nothing waiting").to.equal(null);
    // Never streamed: from the oldest pool reward read.
    expect(unstreamedSince(10n, 0n, 3_600n, rewards)).to.equal(100);
    // A donation after the last reward: from the stream start, the latest it can have started waiting.
    expect(unstreamedSince(10n, 4_100n, 3_600n, rewards)).to.equal(500);
  });

  it("runs as a Hardhat task and leaves exit code 0 on a healthy deployment", async function () {
    await loadFixture(thisFilesDeployment);
    const log = console.log;
    console.log = () => undefined;
    try {
      process.exitCode = 0;
      await hre.run("numi:monitor");
      expect(process.exitCode).to.equal(0);
    } finally {
      console.log = log;
      process.exitCode = 0;
    }
  });
});
