// The deploy/ scripts as a deployer runs them: what they leave on chain, and what they leave to nobody.
import { expect } from "chai";
import hre, { artifacts, deployments, ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { ZeroAddress, ZeroHash, parseEther } from "ethers";
import { deployedFixture } from "../helpers/deployed";
import { paramsFor } from "../../deploy/config/deployParams";
import { verificationPlan, VERIFIED_CONTRACTS } from "../../scripts/ops/verify";
import { SOLC_VERSION } from "../../scripts/toolchain/solcOffline";

const params = paramsFor("hardhat");

describe("Deployment (deploy/ scripts)", function () {
  it("hands every power to the timelock and leaves the deployer with none at all", async function () {
    const { deployer, token, pool, governor, timelock } = await loadFixture(deployedFixture);
    const timelockAddr = await timelock.getAddress();
    for (const owned of [token, pool]) {
      expect(await owned.owner()).to.equal(timelockAddr);
      expect(await owned.pendingOwner()).to.equal(ZeroAddress);
    }
    const roles = {
      PROPOSER: await timelock.PROPOSER_ROLE(),
      CANCELLER: await timelock.CANCELLER_ROLE(),
      EXECUTOR: await timelock.EXECUTOR_ROLE(),
      ADMIN: await timelock.DEFAULT_ADMIN_ROLE(),
    };
    for (const role of Object.values(roles)) expect(await timelock.hasRole(role, deployer.address)).to.equal(false);
    expect(await timelock.hasRole(roles.PROPOSER, await governor.getAddress())).to.equal(true);
    expect(await timelock.hasRole(roles.CANCELLER, await governor.getAddress())).to.equal(true);
    expect(await timelock.hasRole(roles.EXECUTOR, ZeroAddress)).to.equal(true); // anyone executes what is ready
    expect(await timelock.hasRole(roles.ADMIN, timelockAddr)).to.equal(true);
    expect(await timelock.rolesFrozen()).to.equal(true); // ... but no role can change any more, not even by governance
    expect(await timelock.getMinDelay()).to.equal(BigInt(params.governance.timelockDelay));
    expect(await timelock.minDelayFloor()).to.equal(BigInt(params.governance.timelockDelayFloor));
    for (const owned of [token, pool]) expect(await owned.ownershipFinal()).to.equal(true);

    // Every governed function refuses the deployer.
    const d = deployer;
    const [poolAddr, tokenAddr] = [await pool.getAddress(), await token.getAddress()];
    const unauthorized = [
      () => token.connect(d).pauseMining(),
      () => token.connect(d).setPoolShare(0),
      () => token.connect(d).setPool(poolAddr),
      () => token.connect(d).unpauseMining(),
      () => token.connect(d).transferOwnership(d.address),
      () => token.connect(d).renounceOwnership(),
      () => pool.connect(d).setFee(0),
      () => pool.connect(d).setTreasury(d.address),
      () => pool.connect(d).setStakingPaused(true),
      () => pool.connect(d).sweep(tokenAddr, d.address, 1),
      () => pool.connect(d).transferOwnership(d.address),
      () => pool.connect(d).renounceOwnership(),
    ];
    for (const call of unauthorized) {
      await expect(call()).to.be.revertedWithCustomError(token, "OwnableUnauthorizedAccount").withArgs(d.address);
    }
    await expect(timelock.connect(d).schedule(await token.getAddress(), 0, "0x", ZeroHash, ZeroHash, 0))
      .to.be.revertedWithCustomError(timelock, "AccessControlUnauthorizedAccount")
      .withArgs(d.address, roles.PROPOSER);
    await expect(timelock.connect(d).grantRole(roles.PROPOSER, d.address))
      .to.be.revertedWithCustomError(timelock, "AccessControlUnauthorizedAccount")
      .withArgs(d.address, roles.ADMIN);
    await expect(timelock.connect(d).completeHandover(d.address))
      .to.be.revertedWithCustomError(timelock, "AccessControlUnauthorizedAccount")
      .withArgs(d.address, roles.ADMIN);
    await expect(timelock.connect(d).updateDelay(0))
      .to.be.revertedWithCustomError(timelock, "TimelockUnauthorizedCaller")
      .withArgs(d.address);
    await expect(governor.connect(d).relay(d.address, 0, "0x"))
      .to.be.revertedWithCustomError(governor, "GovernorOnlyExecutor")
      .withArgs(d.address);
    // No premine: nothing exists until someone mines.
    expect(await token.totalSupply()).to.equal(0n);
  });

  it("deploys with the network's parameters and wires the pool", async function () {
    const { token, pool, governor, timelock } = await loadFixture(deployedFixture);
    const g = params.governance;
    expect(await token.targetEpochTime()).to.equal(BigInt(params.targetEpochTime));
    expect(await token.getMiningTarget()).to.equal(params.initialTarget);
    expect(await token.pool()).to.equal(await pool.getAddress());
    expect(await token.poolShareBps()).to.equal(1000n);
    expect(await pool.stakingToken()).to.equal(await token.getAddress());
    expect(await pool.rewardsDuration()).to.equal(BigInt(params.rewardsDuration));
    expect(await pool.treasury()).to.equal(await timelock.getAddress());
    expect(await governor.token()).to.equal(await token.getAddress());
    expect(await governor.timelock()).to.equal(await timelock.getAddress());
    expect(await governor.votingDelay()).to.equal(BigInt(g.votingDelay));
    expect(await governor.votingPeriod()).to.equal(BigInt(g.votingPeriod));
    expect(await governor.proposalThreshold()).to.equal(g.proposalThreshold);
    expect(await governor["quorumNumerator()"]()).to.equal(BigInt(g.quorumPercent));
    expect(await governor.lateQuorumVoteExtension()).to.equal(BigInt(g.lateQuorumExtension));
    expect(await governor.pool()).to.equal(await pool.getAddress());
    expect(await governor.launchSupply()).to.equal(g.launchSupply);
    expect(await governor.CLOCK_MODE()).to.equal("mode=timestamp");
  });

  it("is idempotent: running every deploy script again sends no transaction", async function () {
    const { deployer } = await loadFixture(deployedFixture);
    const before = await ethers.provider.getTransactionCount(deployer.address);
    const addresses = await Promise.all(
      Object.keys(VERIFIED_CONTRACTS).map(async (n) => (await deployments.get(n)).address),
    );
    await deployments.run(undefined, { resetMemory: false, writeDeploymentsToFiles: false });
    expect(await ethers.provider.getTransactionCount(deployer.address)).to.equal(before);
    const after = await Promise.all(
      Object.keys(VERIFIED_CONTRACTS).map(async (n) => (await deployments.get(n)).address),
    );
    expect(after).to.deep.equal(addresses);
  });

  // docs/adr/0008-optimizer-settings.md: the contracts every holder calls are optimised for calls, the governance
  // contracts (rarely called, the governor close to EIP-170's size limit) for size.
  const OPTIMIZER_RUNS: Record<string, number> = {
    NumiCoin: 1_000_000,
    MiningPool: 1_000_000,
    NumiTimelock: 200,
    NumiGovernor: 200,
  };

  it("verification sends the exact constructor arguments and compiler settings used on chain", async function () {
    await loadFixture(deployedFixture);
    const plan = await verificationPlan(hre);
    expect(plan.map((j) => j.name)).to.deep.equal(Object.keys(VERIFIED_CONTRACTS));
    for (const job of plan) {
      const record = await deployments.get(job.name);
      const sent = await ethers.provider.getTransaction(record.transactionHash!);
      const factory = await ethers.getContractFactory(job.contract);
      const rebuilt = await factory.getDeployTransaction(...job.constructorArguments);
      expect(rebuilt.data, `${job.name} creation code + arguments`).to.equal(sent!.data);
      expect(await ethers.provider.getCode(job.address)).to.not.equal("0x");

      const buildInfo = await artifacts.getBuildInfo(job.contract);
      expect(buildInfo?.solcVersion).to.equal(SOLC_VERSION);
      expect(buildInfo?.input.settings.optimizer).to.deep.include({ enabled: true, runs: OPTIMIZER_RUNS[job.name] });
      expect(buildInfo?.input.settings.evmVersion).to.equal("prague");
    }
  });

  it("gives the deployer and everyone else a zero balance: every NUMI is mined", async function () {
    const { token } = await loadFixture(deployedFixture);
    for (const signer of await ethers.getSigners()) expect(await token.balanceOf(signer.address)).to.equal(0n);
    expect(await token.getMiningReward()).to.equal(parseEther("50"));
  });
});
