// The miner loop against a real NumiCoin on the in-process Hardhat chain: it finds and submits valid
// solutions, mints to a beneficiary, drops stale work when someone else mints first (losing nothing),
// waits out a pause with its solution, stops when mining has finished, survives an RPC outage and stops
// cleanly when aborted.
import { expect } from "chai";
import { ethers } from "hardhat";
import { parseEther } from "ethers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import { createSearcher } from "@numi/miner";
import { runMiner, type MinerOptions, type MinerStats } from "@numi/miner/cli";
import type { NumiCoinHarness } from "../../typechain-types";
import { NumiCoin } from "@numi/contracts";
import { SCHEDULE_TOTAL } from "../helpers/fixtures";

const { MAX_TARGET, MIN_TARGET } = NumiCoin;
const EASY_TARGET = MAX_TARGET >> 10n; // ~16k hashes per solution: milliseconds
const REWARD = parseEther("50");
const searcher = createSearcher();

async function deploy(contractName: "NumiCoin" | "NumiCoinHarness", owner: HardhatEthersSigner, target = EASY_TARGET) {
  const coin = await ethers.deployContract(contractName, [owner.address, 5, target]);
  await coin.waitForDeployment();
  return coin as unknown as NumiCoinHarness; // a superset of NumiCoin
}

/** A competitor's solution for the current challenge, found with the same core. */
async function competitorSolution(coin: NumiCoinHarness, who: string) {
  const [challenge, target] = await Promise.all([coin.getChallengeNumber(), coin.getMiningTarget()]);
  const result = searcher.search(challenge, who, target, 1n << 200n, 1 << 30);
  expect(result.found).to.equal(true);
  return { nonce: result.nonce!, digest: result.digest! };
}

function mine(coin: NumiCoinHarness, signer: HardhatEthersSigner, options: Partial<MinerOptions> = {}) {
  const lines: string[] = [];
  const promise = runMiner({
    contract: coin.connect(signer),
    threads: 1,
    pollMs: 20,
    retryMs: 20,
    batch: 4_096,
    log: (line) => {
      lines.push(line);
      if (process.env.MINER_TEST_LOG) console.log(line);
    },
    ...options,
  });
  return { lines, promise };
}

const until = async (condition: () => boolean, what: string, ms = 20_000) => {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe("miner against NumiCoin (in-process chain)", function () {
  this.timeout(60_000);
  let owner: HardhatEthersSigner, alice: HardhatEthersSigner, bob: HardhatEthersSigner, carol: HardhatEthersSigner;

  before(async function () {
    [owner, alice, bob, carol] = await ethers.getSigners();
  });

  it("finds and submits valid solutions with mint(nonce, digest), one reward per challenge", async function () {
    const coin = await deploy("NumiCoin", owner);
    const { promise, lines } = mine(coin, alice, { maxBlocks: 3 });
    const stats = await promise;
    expect(stats.rewards).to.equal(3);
    expect(stats.solutions).to.equal(3);
    expect(stats.rewardWei).to.equal(3n * REWARD);
    expect(stats.hashes).to.be.greaterThan(0);
    expect(await coin.balanceOf(alice.address)).to.equal(3n * REWARD);
    expect(await coin.epochCount()).to.equal(3n);
    const mints = await coin.queryFilter(coin.filters.Mint(alice.address));
    expect(mints).to.have.length(3);
    expect(lines.filter((l) => l.includes("reward for epoch"))).to.have.length(3);
  });

  it("respects the beneficiary: mintTo(nonce, beneficiary) sends the reward there, the sender pays gas only", async function () {
    const coin = await deploy("NumiCoin", owner);
    const stats = await mine(coin, alice, { maxBlocks: 2, beneficiary: bob.address }).promise;
    expect(stats.rewards).to.equal(2);
    expect(await coin.balanceOf(bob.address)).to.equal(2n * REWARD);
    expect(await coin.balanceOf(alice.address)).to.equal(0n);
    const mints = await coin.queryFilter(coin.filters.Mint());
    expect(mints.map((m) => (m as unknown as { args: { from: string } }).args.from)).to.deep.equal([
      bob.address,
      bob.address,
    ]);
  });

  it("drops a solution made stale by someone else's reward (no gas spent on it) and mines the new challenge", async function () {
    const coin = await deploy("NumiCoin", owner);
    let competed = false;
    const { promise, lines } = mine(coin, alice, {
      maxBlocks: 1,
      hooks: {
        beforeSubmit: async () => {
          if (competed) return;
          competed = true;
          const sol = await competitorSolution(coin, carol.address);
          await (await coin.connect(carol).mint(sol.nonce, sol.digest)).wait();
        },
      },
    });
    const aliceNonceBefore = await ethers.provider.getTransactionCount(alice.address);
    const stats = await promise;
    expect(stats.staleSolutions).to.equal(1);
    expect(stats.failures).to.deep.equal({ ChallengeDigestMismatch: 1 });
    expect(stats.solutions).to.equal(2);
    expect(stats.rewards).to.equal(1);
    expect(await coin.balanceOf(carol.address)).to.equal(REWARD);
    expect(await coin.balanceOf(alice.address)).to.equal(REWARD);
    expect(await ethers.provider.getTransactionCount(alice.address)).to.equal(aliceNonceBefore + 1); // one tx only
    expect(lines.some((l) => l.includes("stale solution (ChallengeDigestMismatch)"))).to.equal(true);
  });

  it("abandons the search when a new challenge appears while it works, then mines the new one", async function () {
    // ~1M hashes per solution, so the search is still running when the competitor's reward lands.
    const coin = await deploy("NumiCoin", owner, MAX_TARGET >> 16n);
    const sol = await competitorSolution(coin, carol.address);
    let competed = false;
    const { promise } = mine(coin, alice, {
      maxBlocks: 1,
      hooks: {
        onJob: async () => {
          if (competed) return;
          competed = true;
          await (await coin.connect(carol).mint(sol.nonce, sol.digest)).wait();
        },
      },
    });
    const stats: MinerStats = await promise;
    // Almost always the poll sees the new challenge first (abandoned); if the worker found a solution for the
    // old one within the first poll interval, it is dropped as stale instead. Either way nothing is minted
    // for the old challenge and the miner earns the next reward.
    expect(stats.abandonedJobs + stats.staleSolutions).to.equal(1);
    expect(stats.rewards).to.equal(1);
    expect(await coin.balanceOf(alice.address)).to.equal(REWARD);
    expect(await coin.epochCount()).to.equal(2n);
  });

  it("waits through a pause (MiningIsPaused) and mines the challenge renewed at the unpause", async function () {
    const coin = await deploy("NumiCoin", owner);
    let paused = false;
    const { promise, lines } = mine(coin, alice, {
      maxBlocks: 1,
      hooks: {
        beforeSubmit: async () => {
          if (paused) return;
          paused = true;
          await (await coin.connect(owner).pauseMining()).wait();
        },
      },
    });
    await until(() => lines.some((l) => l.includes("mining is paused by governance; waiting")), "the pause to be seen");
    await (await coin.connect(owner).unpauseMining()).wait();
    const stats = await promise;
    expect(stats.failures).to.deep.equal({ MiningIsPaused: 1 });
    expect(stats.staleSolutions).to.equal(1); // the unpause renewed the challenge: the held solution was dropped
    expect(stats.solutions).to.equal(2); // and a new search found one for the new challenge
    expect(stats.rewards).to.equal(1);
    expect(await coin.balanceOf(alice.address)).to.equal(REWARD);
  });

  it("stops when the submission reverts with MiningFinished", async function () {
    const coin = await deploy("NumiCoinHarness", owner);
    const { promise, lines } = mine(coin, alice, {
      hooks: {
        // the schedule ends while the solution is in flight
        beforeSubmit: async () => {
          await (await coin.connect(owner).setEpochCount(66n * 210_000n)).wait();
        },
      },
    });
    const stats = await promise;
    expect(stats.rewards).to.equal(0);
    expect(stats.failures).to.deep.equal({ MiningFinished: 1 });
    expect(
      lines.some((l) => l.includes(`mining has finished: ${SCHEDULE_TOTAL} of the 21000000000000000000000000 cap`)),
    ).to.equal(true);
  });

  it("does not start searching once the schedule has ended", async function () {
    const coin = await deploy("NumiCoinHarness", owner);
    await (await coin.connect(owner).setEpochCount(66n * 210_000n)).wait();
    const { promise, lines } = mine(coin, alice);
    const stats = await promise;
    expect(stats.hashes).to.equal(0);
    expect(lines.some((l) => l.includes("mining has finished: the emission schedule is complete"))).to.equal(true);
  });

  it("survives the RPC endpoint being down: says so once, retries, says when it is back, then mines", async function () {
    const coin = await deploy("NumiCoin", owner);
    const connected = coin.connect(alice);
    let failuresLeft = 2;
    const flaky = new Proxy(connected, {
      get(target, property, receiver) {
        if (property === "miningState") {
          return async () => {
            if (failuresLeft-- > 0)
              throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8545"), { code: "NETWORK_ERROR" });
            return target.miningState();
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const { promise, lines } = mine(coin, alice, { maxBlocks: 1, contract: flaky, recoveredAfterMs: 0 });
    const stats = await promise;
    expect(stats.failures).to.deep.equal({ RpcUnavailable: 2 });
    expect(stats.rewards).to.equal(1);
    expect(lines.filter((l) => l.includes("the RPC endpoint is unreachable"))).to.have.length(1);
    expect(lines.filter((l) => l.includes("the RPC endpoint answers again: 2 failed call(s)"))).to.have.length(1);
  });

  it("stops cleanly when aborted (Ctrl-C), mid-search, with its workers ended", async function () {
    const coin = await deploy("NumiCoin", owner, MIN_TARGET); // no solution in this test's lifetime
    const controller = new AbortController();
    const { promise } = mine(coin, alice, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 1_500));
    const started = Date.now();
    controller.abort();
    const stats = await promise;
    expect(Date.now() - started).to.be.lessThan(3_000);
    expect(stats.rewards).to.equal(0);
    expect(stats.hashes).to.be.greaterThan(0);
  });
});
