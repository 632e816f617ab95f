// The monitor against a live (in-process) deployment, and its checks against broken states.
import { expect } from "chai";
import hre, { ethers } from "hardhat";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { parseEther } from "ethers";
import { deployedFixture, mineRewards } from "../helpers/deployed";
import { evaluate, render, scheduledSupply, takeSnapshot, type Snapshot } from "../../scripts/ops/monitor";

async function activeDeployment() {
  const f = await deployedFixture();
  const [, alice, bob] = await ethers.getSigners();
  for (let i = 0; i < 3; i++) {
    await mineRewards(f.token, alice, 1);
    await time.increase(5);
  }
  await f.token.connect(alice).approve(await f.pool.getAddress(), parseEther("40"));
  await f.pool.connect(alice).stake(parseEther("40"));
  await mineRewards(f.token, bob, 1);
  await time.increase(60);
  await f.token.connect(alice).delegate(alice.address);
  await time.increase(1);
  const target = await f.token.getAddress();
  await f.governor
    .connect(alice)
    .propose([target], [0], [f.token.interface.encodeFunctionData("pauseMining")], "NIP-9: pause\nbody");
  return f;
}

const statusOf = (s: Snapshot, name: string) => evaluate(s).find((c) => c.name === name)?.status;

describe("Monitor (scripts/monitor.ts)", function () {
  it("reports a healthy local deployment with its figures", async function () {
    await loadFixture(activeDeployment);
    const s = await takeSnapshot(hre);
    expect(s.epoch).to.equal(4n);
    expect(s.minted).to.equal(parseEther("200"));
    expect(s.recentEpochTimes).to.have.length(3);
    expect(s.recentTargets).to.have.length(4);
    expect(s.pool.totalStaked).to.equal(parseEther("40"));
    expect(s.proposals).to.have.length(1);
    expect(s.proposals[0].state).to.equal("Pending");
    const checks = evaluate(s);
    expect(
      checks.filter((c) => c.status !== "ok"),
      JSON.stringify(checks),
    ).to.deep.equal([]);
    expect(checks.find((c) => c.name === "proposals in flight")?.detail).to.equal("Pending: NIP-9: pause");
  });

  it("says when the proposal history it read is partial instead of reporting it complete", async function () {
    await loadFixture(activeDeployment);
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
    await loadFixture(activeDeployment);
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
    expect(statusOf({ ...healthy, miningPaused: true }, "mining")).to.equal("warn");
    expect(statusOf({ ...healthy, recentEpochTimes: [100, 100] }, "epoch time vs target")).to.equal("warn");
  });

  it("runs as a Hardhat task and leaves exit code 0 on a healthy deployment", async function () {
    await loadFixture(activeDeployment);
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
