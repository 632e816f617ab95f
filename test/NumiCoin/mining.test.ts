// NumiCoin mining: real nonce searches at a low local target (about 256 hashes per solution).
import { expect } from "chai";
import { ethers, network } from "hardhat";
import { loadFixture, mine, time } from "@nomicfoundation/hardhat-network-helpers";
import { parseEther } from "ethers";
import {
  REWARD,
  SCHEDULE_TOTAL,
  TARGET_EPOCH_TIME,
  coinAndPoolFixture,
  coinFixture,
  harnessFixture,
  mineAs,
} from "../helpers/fixtures";
import {
  TEST_TARGET,
  blockTimestamp,
  digestOf,
  expectedChallenge,
  findAboveTarget,
  solve,
  solveFor,
} from "../helpers/mining";
import { expectedStoredTarget } from "../helpers/difficultyModel";

describe("NumiCoin: mining", function () {
  describe("mint", function () {
    it("pays the whole reward to the miner while no pool is set, and emits Mint and EpochRewarded", async function () {
      const { coin, alice } = await loadFixture(coinFixture);
      const coinAddress = await coin.getAddress();
      const previous = await coin.getChallengeNumber();
      const { epochStart } = await coin.miningState();
      const sol = await solveFor(coin, alice.address);

      const tx = await coin.connect(alice).mint(sol.nonce, sol.digest);
      const receipt = (await tx.wait())!;
      const challenge = await expectedChallenge(coinAddress, previous, receipt.blockNumber);
      const elapsed = BigInt(await blockTimestamp(receipt.blockNumber)) - epochStart;
      const newTarget = expectedStoredTarget(TEST_TARGET, elapsed, TARGET_EPOCH_TIME);

      await expect(tx).to.emit(coin, "Mint").withArgs(alice.address, REWARD, 1n, challenge);
      await expect(tx).to.emit(coin, "EpochRewarded").withArgs(0n, newTarget, 0n);
      await expect(tx).to.changeTokenBalance(coin, alice, REWARD);
      expect(await coin.totalSupply()).to.equal(REWARD);
      expect(await coin.getChallengeNumber()).to.equal(challenge);
      expect(await coin.getMiningTarget()).to.equal(newTarget);
      expect(await coin.epochCount()).to.equal(1n);
    });

    it("returns true (EIP-918) for a valid solution", async function () {
      const { coin, alice } = await loadFixture(coinFixture);
      const sol = await solveFor(coin, alice.address);
      expect(await coin.connect(alice).mint.staticCall(sol.nonce, sol.digest)).to.equal(true);
    });

    it("splits the reward: 10% to the pool by default", async function () {
      const { coin, pool, alice } = await loadFixture(coinAndPoolFixture);
      const { tx } = await mineAs(coin, alice);
      await expect(tx).to.changeTokenBalances(coin, [alice, pool], [parseEther("45"), parseEther("5")]);
      await expect(tx)
        .to.emit(coin, "Mint")
        .withArgs(alice.address, parseEther("45"), 1n, await coin.getChallengeNumber());
      await expect(tx)
        .to.emit(coin, "EpochRewarded")
        .withArgs(0n, await coin.getMiningTarget(), parseEther("5"));
    });

    it("splits the reward at a pool share of 0% and of 20%", async function () {
      const { coin, pool, owner, alice } = await loadFixture(coinAndPoolFixture);
      await coin.connect(owner).setPoolShare(0);
      let { tx } = await mineAs(coin, alice);
      await expect(tx).to.changeTokenBalances(coin, [alice, pool], [REWARD, 0n]);
      await expect(tx)
        .to.emit(coin, "EpochRewarded")
        .withArgs(0n, await coin.getMiningTarget(), 0n);

      await coin.connect(owner).setPoolShare(2_000);
      ({ tx } = await mineAs(coin, alice));
      await expect(tx).to.changeTokenBalances(coin, [alice, pool], [parseEther("40"), parseEther("10")]);
      await expect(tx)
        .to.emit(coin, "EpochRewarded")
        .withArgs(1n, await coin.getMiningTarget(), parseEther("10"));
    });

    it("reverts with SolutionAboveTarget for a digest above the target", async function () {
      const { coin, alice } = await loadFixture(coinFixture);
      const bad = findAboveTarget(await coin.getChallengeNumber(), alice.address, TEST_TARGET);
      await expect(coin.connect(alice).mint(bad.nonce, bad.digest))
        .to.be.revertedWithCustomError(coin, "SolutionAboveTarget")
        .withArgs(bad.digest, TEST_TARGET);
    });

    it("reverts with ChallengeDigestMismatch when the digest is not the sender's", async function () {
      const { coin, alice } = await loadFixture(coinFixture);
      const sol = await solveFor(coin, alice.address);
      const wrong = digestOf(await coin.getChallengeNumber(), alice.address, sol.nonce + 1n);
      await expect(coin.connect(alice).mint(sol.nonce + 1n, sol.digest))
        .to.be.revertedWithCustomError(coin, "ChallengeDigestMismatch")
        .withArgs(wrong, sol.digest);
    });

    it("rejects stale work after someone else's reward with ChallengeDigestMismatch", async function () {
      const { coin, alice, bob } = await loadFixture(coinFixture);
      const aliceSol = await solveFor(coin, alice.address);
      await mineAs(coin, bob); // bob's reward moves the challenge on
      const expected = digestOf(await coin.getChallengeNumber(), alice.address, aliceSol.nonce);
      await expect(coin.connect(alice).mint(aliceSol.nonce, aliceSol.digest))
        .to.be.revertedWithCustomError(coin, "ChallengeDigestMismatch")
        .withArgs(expected, aliceSol.digest);
    });

    it("cannot be replayed on a second deployment: the challenge binds the contract address", async function () {
      const { coin, owner, alice } = await loadFixture(coinFixture);
      const twin = await ethers.deployContract("NumiCoin", [owner.address, TARGET_EPOCH_TIME, TEST_TARGET]);
      expect(await twin.getChallengeNumber()).to.not.equal(await coin.getChallengeNumber());
      const sol = await solveFor(coin, alice.address);
      const onTwin = digestOf(await twin.getChallengeNumber(), alice.address, sol.nonce);
      await expect(twin.connect(alice).mint(sol.nonce, sol.digest))
        .to.be.revertedWithCustomError(twin, "ChallengeDigestMismatch")
        .withArgs(onTwin, sol.digest);
      await expect(coin.connect(alice).mint(sol.nonce, sol.digest)).to.emit(coin, "Mint");
    });

    it("pays one reward per block: the second valid mint in the block fails, mining continues next block", async function () {
      const { coin, alice, bob } = await loadFixture(coinFixture);
      const coinAddress = await coin.getAddress();
      const aliceSol = await solveFor(coin, alice.address);
      // Bob even solves the challenge alice's reward will create: it is computable (blockhash of the parent),
      // and so is the new target once the block's timestamp is fixed. Only the per-block rule can stop him.
      const latest = await ethers.provider.getBlock("latest");
      const blockNumber = latest!.number + 1;
      const timestamp = latest!.timestamp + 10;
      const { epochStart } = await coin.miningState();
      const nextChallenge = await expectedChallenge(coinAddress, await coin.getChallengeNumber(), blockNumber);
      const nextTarget = expectedStoredTarget(TEST_TARGET, BigInt(timestamp) - epochStart, TARGET_EPOCH_TIME);
      const bobSol = solve(nextChallenge, bob.address, nextTarget);

      await network.provider.send("evm_setAutomine", [false]);
      try {
        const first = await coin.connect(alice).mint(aliceSol.nonce, aliceSol.digest, { gasLimit: 500_000 });
        const second = await coin.connect(bob).mint(bobSol.nonce, bobSol.digest, { gasLimit: 500_000 });
        await time.setNextBlockTimestamp(timestamp);
        await mine();
        const [r1, r2] = await Promise.all([
          ethers.provider.getTransactionReceipt(first.hash),
          ethers.provider.getTransactionReceipt(second.hash),
        ]);
        expect(r1!.blockNumber).to.equal(blockNumber);
        expect(r2!.blockNumber).to.equal(blockNumber);
        expect(r1!.status).to.equal(1);
        expect(r2!.status).to.equal(0);
        const trace = await network.provider.send("debug_traceTransaction", [second.hash]);
        const returned = String(trace.returnValue);
        const error = coin.interface.parseError(returned.startsWith("0x") ? returned : "0x" + returned);
        expect(error?.name).to.equal("RewardAlreadyMintedThisBlock");
        expect(error?.args[0]).to.equal(BigInt(blockNumber));
        expect(await coin.getChallengeNumber()).to.equal(nextChallenge); // bob's work was for the right challenge
      } finally {
        await network.provider.send("evm_setAutomine", [true]);
      }
      expect(await coin.balanceOf(bob.address)).to.equal(0n);
      await expect(coin.connect(bob).mint(bobSol.nonce, bobSol.digest))
        .to.emit(coin, "Mint")
        .withArgs(bob.address, REWARD, 2n, await expectedChallenge(coinAddress, nextChallenge, blockNumber + 1));
    });

    it("reverts with MiningIsPaused(until) while paused; unpause renews the challenge, so old work is stale", async function () {
      const { coin, owner, alice } = await loadFixture(coinFixture);
      const challenge = await coin.getChallengeNumber();
      const sol = await solveFor(coin, alice.address);
      await coin.connect(owner).pauseMining();
      const until = (await coin.miningState()).pausedUntil;
      await expect(coin.connect(alice).mint(sol.nonce, sol.digest))
        .to.be.revertedWithCustomError(coin, "MiningIsPaused")
        .withArgs(until);
      await expect(coin.connect(alice).mintTo(sol.nonce, alice.address))
        .to.be.revertedWithCustomError(coin, "MiningIsPaused")
        .withArgs(until);
      await coin.connect(owner).unpauseMining();
      const renewed = await coin.getChallengeNumber();
      expect(renewed).to.not.equal(challenge);
      await expect(coin.connect(alice).mint(sol.nonce, sol.digest)).to.be.revertedWithCustomError(
        coin,
        "ChallengeDigestMismatch",
      );
      await expect(mineAs(coin, alice).then((r) => r.tx)).to.emit(coin, "Mint");
    });

    it("a pause that ends on its own renews the challenge at its end, with no transaction", async function () {
      const { coin, owner, alice } = await loadFixture(coinFixture);
      const before = await coin.getChallengeNumber();
      await coin.connect(owner).pauseMining();
      const until = (await coin.miningState()).pausedUntil;
      expect(await coin.getChallengeNumber()).to.equal(before); // unchanged while paused
      await time.increaseTo(until);
      const resumed = await coin.getChallengeNumber();
      expect(resumed).to.not.equal(before);
      expect((await coin.miningState()).challenge).to.equal(resumed);
      const sol = await solveFor(coin, alice.address); // solved over getChallengeNumber(), i.e. `resumed`
      await expect(coin.connect(alice).mint(sol.nonce, sol.digest)).to.emit(coin, "Mint");
      expect(await coin.getChallengeNumber()).to.not.equal(resumed); // and the reward renews it as usual
    });
  });

  describe("mintTo (relayed solutions)", function () {
    it("pays the beneficiary the hash binds, not the relayer", async function () {
      const { coin, alice, relayer } = await loadFixture(coinFixture);
      const sol = await solveFor(coin, alice.address);
      const tx = await coin.connect(relayer).mintTo(sol.nonce, alice.address);
      await expect(tx).to.changeTokenBalances(coin, [alice, relayer], [REWARD, 0n]);
      await expect(tx)
        .to.emit(coin, "Mint")
        .withArgs(alice.address, REWARD, 1n, await coin.getChallengeNumber());
    });

    it("returns true for a valid solution", async function () {
      const { coin, alice, relayer } = await loadFixture(coinFixture);
      const sol = await solveFor(coin, alice.address);
      expect(await coin.connect(relayer).mintTo.staticCall(sol.nonce, alice.address)).to.equal(true);
    });

    it("defeats a front-runner who copies the nonce with their own address", async function () {
      const { coin, alice, mallory } = await loadFixture(coinFixture);
      const challenge = await coin.getChallengeNumber();
      // Pick alice's first solution whose nonce is not also a solution for mallory (true for ~255 in 256).
      let sol = solve(challenge, alice.address, TEST_TARGET);
      while (BigInt(digestOf(challenge, mallory.address, sol.nonce)) <= TEST_TARGET) {
        sol = solve(challenge, alice.address, TEST_TARGET, sol.nonce + 1n);
      }
      const malloryDigest = digestOf(challenge, mallory.address, sol.nonce);

      await expect(coin.connect(mallory).mint(sol.nonce, sol.digest))
        .to.be.revertedWithCustomError(coin, "ChallengeDigestMismatch")
        .withArgs(malloryDigest, sol.digest);
      await expect(coin.connect(mallory).mintTo(sol.nonce, mallory.address))
        .to.be.revertedWithCustomError(coin, "SolutionAboveTarget")
        .withArgs(malloryDigest, TEST_TARGET);
      // Submitting it for alice only relays alice's reward.
      await expect(coin.connect(mallory).mintTo(sol.nonce, alice.address)).to.changeTokenBalances(
        coin,
        [alice, mallory],
        [REWARD, 0n],
      );
    });

    it("reverts with InvalidBeneficiary for the zero address", async function () {
      const { coin, relayer } = await loadFixture(coinFixture);
      await expect(coin.connect(relayer).mintTo(0n, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(coin, "InvalidBeneficiary")
        .withArgs(ethers.ZeroAddress);
    });

    it("reverts with SolutionAboveTarget for a nonce that does not solve the challenge", async function () {
      const { coin, alice, relayer } = await loadFixture(coinFixture);
      const bad = findAboveTarget(await coin.getChallengeNumber(), alice.address, TEST_TARGET);
      await expect(coin.connect(relayer).mintTo(bad.nonce, alice.address))
        .to.be.revertedWithCustomError(coin, "SolutionAboveTarget")
        .withArgs(bad.digest, TEST_TARGET);
    });
  });

  describe("emission schedule (harness)", function () {
    it("halves the reward at the era boundary: epoch 209,999 pays 50, epoch 210,000 pays 25", async function () {
      const { coin, alice } = await loadFixture(harnessFixture);
      await coin.setEpochCount(209_999);
      expect(await coin.getMiningReward()).to.equal(REWARD);
      let { tx } = await mineAs(coin, alice);
      await expect(tx)
        .to.emit(coin, "Mint")
        .withArgs(alice.address, REWARD, 210_000n, await coin.getChallengeNumber());
      await expect(tx)
        .to.emit(coin, "EpochRewarded")
        .withArgs(209_999n, await coin.getMiningTarget(), 0n);

      const state = await coin.miningState();
      expect(state.era).to.equal(1n);
      expect(state.nextHalvingEpoch).to.equal(420_000n);
      expect(state.reward).to.equal(REWARD / 2n);
      ({ tx } = await mineAs(coin, alice));
      await expect(tx).to.changeTokenBalance(coin, alice, REWARD / 2n);
    });

    it("completes the schedule 5,460,000 wei below the cap with a last reward of 1 wei, then MiningFinished", async function () {
      const { coin, alice } = await loadFixture(harnessFixture);
      const cap = await coin.MAX_SUPPLY();
      await coin.setEpochCount(66n * 210_000n - 1n);
      expect(await coin.getMiningReward()).to.equal(1n);
      expect(await coin.totalSupply()).to.equal(SCHEDULE_TOTAL - 1n);
      const { tx } = await mineAs(coin, alice);
      await expect(tx).to.changeTokenBalance(coin, alice, 1n);
      expect(await coin.totalSupply()).to.equal(SCHEDULE_TOTAL);
      expect(await coin.getMiningReward()).to.equal(0n);

      const sol = await solveFor(coin, alice.address);
      await expect(coin.connect(alice).mint(sol.nonce, sol.digest))
        .to.be.revertedWithCustomError(coin, "MiningFinished")
        .withArgs(SCHEDULE_TOTAL, cap);
    });

    it("reverts with MiningFinished once the reward has halved to zero (era 66)", async function () {
      const { coin, alice } = await loadFixture(harnessFixture);
      await coin.setEpochCount(65n * 210_000n);
      expect(await coin.getMiningReward()).to.equal(REWARD >> 65n);
      await coin.setEpochCount(66n * 210_000n);
      expect(await coin.getMiningReward()).to.equal(0n);
      const sol = await solveFor(coin, alice.address);
      await expect(coin.connect(alice).mint(sol.nonce, sol.digest))
        .to.be.revertedWithCustomError(coin, "MiningFinished")
        .withArgs(SCHEDULE_TOTAL, await coin.MAX_SUPPLY());
    });
  });
});
