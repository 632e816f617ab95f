// NumiCoin as a token: EIP-918 views, miningState(), EIP-2612 permit, ERC-5805 votes on the timestamp clock.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { REWARD, TARGET_EPOCH_TIME, coinAndPoolFixture, coinFixture, mineAs } from "../helpers/fixtures";
import { MAX_TARGET, TEST_TARGET, blockTimestamp, latestTimestamp, solveFor } from "../helpers/mining";
import { signPermit } from "../helpers/permit";

describe("NumiCoin: token, views, permit and votes", function () {
  describe("EIP-918 views and miningState()", function () {
    it("reports every field before the first reward", async function () {
      const { coin } = await loadFixture(coinFixture);
      const deployedAt = BigInt(await blockTimestamp((await coin.deploymentTransaction()!.wait())!.blockNumber));
      const s = await coin.miningState();
      expect(s.challenge).to.equal(await coin.getChallengeNumber());
      expect(s.challenge).to.equal(await coin.getChallengeNumber());
      expect(s.target).to.equal(TEST_TARGET);
      expect(s.target).to.equal(await coin.getMiningTarget());
      expect(s.difficulty).to.equal(MAX_TARGET / TEST_TARGET);
      expect(s.difficulty).to.equal(await coin.getMiningDifficulty());
      expect(s.reward).to.equal(REWARD);
      expect(s.reward).to.equal(await coin.getMiningReward());
      expect(s.epoch).to.equal(0n);
      expect(s.era).to.equal(0n);
      expect(s.nextHalvingEpoch).to.equal(210_000n);
      expect(s.epochStart).to.equal(deployedAt);
      expect(s.lastRewardBlock).to.equal(0n);
      expect(s.minted).to.equal(0n);
      expect(s.targetEpochTime).to.equal(TARGET_EPOCH_TIME);
      expect(s.poolShareBps).to.equal(1_000);
      expect(s.pool).to.equal(ethers.ZeroAddress);
      expect(s.paused).to.equal(false);
    });

    it("tracks the last reward's block, time, epoch, supply and pool", async function () {
      const { coin, pool, alice } = await loadFixture(coinAndPoolFixture);
      const { tx } = await mineAs(coin, alice);
      const receipt = (await tx.wait())!;
      const s = await coin.miningState();
      expect(s.epoch).to.equal(1n);
      expect(await coin.epochCount()).to.equal(1n);
      expect(s.lastRewardBlock).to.equal(BigInt(receipt.blockNumber));
      expect(s.epochStart).to.equal(BigInt(await blockTimestamp(receipt.blockNumber)));
      expect(s.minted).to.equal(REWARD);
      expect(s.pool).to.equal(await pool.getAddress());
      expect(s.target).to.equal(await coin.getMiningTarget());
      expect(s.difficulty).to.equal(MAX_TARGET / s.target);
    });
  });

  describe("permit (EIP-2612)", function () {
    it("sets the allowance from a signature and increments the nonce", async function () {
      const { coin, alice, bob, relayer } = await loadFixture(coinFixture);
      const deadline = BigInt(await latestTimestamp()) + 3_600n;
      const p = await signPermit(coin, alice, bob.address, 123n, deadline);
      await expect(coin.connect(relayer).permit(p.owner, p.spender, p.value, p.deadline, p.v, p.r, p.s))
        .to.emit(coin, "Approval")
        .withArgs(alice.address, bob.address, 123n);
      expect(await coin.allowance(alice.address, bob.address)).to.equal(123n);
      expect(await coin.nonces(alice.address)).to.equal(1n);
      // replaying the same signature fails: the nonce moved on
      await expect(
        coin.connect(relayer).permit(p.owner, p.spender, p.value, p.deadline, p.v, p.r, p.s),
      ).to.be.revertedWithCustomError(coin, "ERC2612InvalidSigner");
    });

    it("rejects an expired permit with ERC2612ExpiredSignature", async function () {
      const { coin, alice, bob } = await loadFixture(coinFixture);
      const deadline = BigInt(await latestTimestamp()) - 1n;
      const p = await signPermit(coin, alice, bob.address, 1n, deadline);
      await expect(coin.permit(p.owner, p.spender, p.value, p.deadline, p.v, p.r, p.s))
        .to.be.revertedWithCustomError(coin, "ERC2612ExpiredSignature")
        .withArgs(deadline);
    });

    it("exposes the EIP-712 domain of NumiCoin version 1", async function () {
      const { coin } = await loadFixture(coinFixture);
      const domain = await coin.eip712Domain();
      expect(domain.name).to.equal("NumiCoin");
      expect(domain.version).to.equal("1");
      expect(domain.verifyingContract).to.equal(await coin.getAddress());
    });
  });

  describe("votes (ERC-5805, timestamp clock)", function () {
    it("uses the timestamp clock", async function () {
      const { coin } = await loadFixture(coinFixture);
      expect(await coin.CLOCK_MODE()).to.equal("mode=timestamp");
      expect(await coin.clock()).to.equal(BigInt(await latestTimestamp()));
    });

    it("a miner votes from its first reward (self-delegated); other holders vote after delegating", async function () {
      const { coin, alice, bob } = await loadFixture(coinFixture);
      const { tx: first } = await mineAs(coin, alice);
      await expect(first).to.emit(coin, "DelegateChanged").withArgs(alice.address, ethers.ZeroAddress, alice.address);
      await expect(first).to.emit(coin, "DelegateVotesChanged").withArgs(alice.address, 0n, REWARD);
      const minedAt = BigInt(await blockTimestamp((await first.wait())!.blockNumber));
      expect(await coin.delegates(alice.address)).to.equal(alice.address);
      expect(await coin.getVotes(alice.address)).to.equal(REWARD);

      await time.increase(100);
      await coin.connect(alice).transfer(bob.address, REWARD / 5n);
      expect(await coin.getVotes(alice.address)).to.equal((REWARD * 4n) / 5n);
      expect(await coin.getVotes(bob.address)).to.equal(0n); // a receiver's balance does not vote until it delegates
      const tx = await coin.connect(bob).delegate(bob.address);
      await expect(tx)
        .to.emit(coin, "DelegateVotesChanged")
        .withArgs(bob.address, 0n, REWARD / 5n);
      expect(await coin.getVotes(bob.address)).to.equal(REWARD / 5n);
      expect(await coin.getPastVotes(alice.address, minedAt)).to.equal(REWARD);
      expect(await coin.getPastVotes(alice.address, minedAt - 1n)).to.equal(0n);
      expect(await coin.getPastTotalSupply(minedAt)).to.equal(REWARD);
      await expect(coin.getPastVotes(alice.address, await coin.clock()))
        .to.be.revertedWithCustomError(coin, "ERC5805FutureLookup")
        .withArgs(await coin.clock(), await coin.clock());
    });

    it("a contract beneficiary is never self-delegated: mintTo cannot make the pool pay for votes", async function () {
      const { coin, pool, relayer } = await loadFixture(coinAndPoolFixture);
      const poolAddress = await pool.getAddress();
      const sol = await solveFor(coin, poolAddress);
      await expect(coin.connect(relayer).mintTo(sol.nonce, poolAddress)).to.not.emit(coin, "DelegateChanged");
      expect(await coin.delegates(poolAddress)).to.equal(ethers.ZeroAddress);
      expect(await coin.getVotes(poolAddress)).to.equal(0n);
    });

    it("a miner's own choice of delegate is kept; only a miner without one is self-delegated", async function () {
      const { coin, alice, bob } = await loadFixture(coinFixture);
      await coin.connect(alice).delegate(bob.address);
      const { tx } = await mineAs(coin, alice);
      await expect(tx).to.not.emit(coin, "DelegateChanged");
      expect(await coin.delegates(alice.address)).to.equal(bob.address);
      expect(await coin.getVotes(bob.address)).to.equal(REWARD);
      expect(await coin.getVotes(alice.address)).to.equal(0n);
    });

    it("moves votes when a delegate changes", async function () {
      const { coin, alice, bob } = await loadFixture(coinFixture);
      await mineAs(coin, alice);
      await coin.connect(alice).delegate(alice.address);
      await expect(coin.connect(alice).delegate(bob.address))
        .to.emit(coin, "DelegateChanged")
        .withArgs(alice.address, alice.address, bob.address);
      expect(await coin.getVotes(alice.address)).to.equal(0n);
      expect(await coin.getVotes(bob.address)).to.equal(REWARD);
    });
  });
});
