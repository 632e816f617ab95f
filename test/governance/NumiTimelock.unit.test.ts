// NumiTimelock: the delay floor and ceiling, and the one handover after which no role can change.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, setBalance } from "@nomicfoundation/hardhat-network-helpers";
import { ZeroAddress, ZeroHash, id } from "ethers";

const DAY = 86_400n;
const FLOOR = 2n * DAY;

async function timelockFixture() {
  const [deployer, other] = await ethers.getSigners();
  const timelock = await ethers.deployContract("NumiTimelock", [
    0n,
    FLOOR,
    [deployer.address],
    [deployer.address],
    deployer.address,
  ]);
  // Any deployed contract stands in for the governor here; the role checks are the timelock's own.
  const governor = await ethers.deployContract("ERC20Mock");
  /** Schedules and executes a call from the timelock to itself, as the deployer may before the handover. */
  const selfCall = async (data: string, salt = id("unit")) => {
    const tl = await timelock.getAddress();
    await timelock.schedule(tl, 0n, data, ZeroHash, salt, await timelock.getMinDelay());
    return timelock.execute(tl, 0n, data, ZeroHash, salt);
  };
  return { timelock, governor, deployer, other, selfCall };
}

describe("NumiTimelock (unit)", function () {
  it("refuses a floor above MAX_DELAY at deployment with DelayOutOfBounds", async function () {
    const [deployer] = await ethers.getSigners();
    const factory = await ethers.getContractFactory("NumiTimelock");
    await expect(factory.deploy(0n, 30n * DAY + 1n, [], [], deployer.address))
      .to.be.revertedWithCustomError(factory, "DelayOutOfBounds")
      .withArgs(30n * DAY + 1n, 0n, 30n * DAY);
  });

  it("updateDelay only from the timelock itself, and only within [floor, 30 days]", async function () {
    const { timelock, other, selfCall } = await loadFixture(timelockFixture);
    expect(await timelock.minDelayFloor()).to.equal(FLOOR);
    expect(await timelock.MAX_DELAY()).to.equal(30n * DAY);
    await expect(timelock.connect(other).updateDelay(FLOOR))
      .to.be.revertedWithCustomError(timelock, "TimelockUnauthorizedCaller")
      .withArgs(other.address);
    for (const bad of [FLOOR - 1n, 30n * DAY + 1n]) {
      await expect(selfCall(timelock.interface.encodeFunctionData("updateDelay", [bad]), id(`bad ${bad}`)))
        .to.be.revertedWithCustomError(timelock, "DelayOutOfBounds")
        .withArgs(bad, FLOOR, 30n * DAY);
    }
    await expect(selfCall(timelock.interface.encodeFunctionData("updateDelay", [FLOOR])))
      .to.emit(timelock, "MinDelayChange")
      .withArgs(0n, FLOOR);
  });

  it("completeHandover waits for the floor, needs a contract, and is for the admin only", async function () {
    const { timelock, governor, deployer, other, selfCall } = await loadFixture(timelockFixture);
    await expect(timelock.completeHandover(governor.getAddress()))
      .to.be.revertedWithCustomError(timelock, "DelayOutOfBounds")
      .withArgs(0n, FLOOR, 30n * DAY);
    await selfCall(timelock.interface.encodeFunctionData("updateDelay", [FLOOR]));
    await expect(timelock.completeHandover(other.address))
      .to.be.revertedWithCustomError(timelock, "InvalidGovernor")
      .withArgs(other.address);
    await expect(timelock.connect(other).completeHandover(governor.getAddress()))
      .to.be.revertedWithCustomError(timelock, "AccessControlUnauthorizedAccount")
      .withArgs(other.address, await timelock.DEFAULT_ADMIN_ROLE());
    expect(await timelock.rolesFrozen()).to.equal(false);
    await expect(timelock.connect(deployer).completeHandover(governor.getAddress()))
      .to.emit(timelock, "HandoverCompleted")
      .withArgs(await governor.getAddress(), FLOOR);
  });

  it("after the handover: the governor proposes and cancels, anyone executes, the deployer has nothing, roles are frozen", async function () {
    const { timelock, governor, deployer, selfCall } = await loadFixture(timelockFixture);
    await selfCall(timelock.interface.encodeFunctionData("updateDelay", [FLOOR]));
    await timelock.completeHandover(governor.getAddress());
    const gv = await governor.getAddress();
    const [P, C, E, A] = await Promise.all([
      timelock.PROPOSER_ROLE(),
      timelock.CANCELLER_ROLE(),
      timelock.EXECUTOR_ROLE(),
      timelock.DEFAULT_ADMIN_ROLE(),
    ]);
    expect(await timelock.rolesFrozen()).to.equal(true);
    expect(await timelock.hasRole(P, gv)).to.equal(true);
    expect(await timelock.hasRole(C, gv)).to.equal(true);
    expect(await timelock.hasRole(E, ZeroAddress)).to.equal(true);
    for (const role of [P, C, E, A]) expect(await timelock.hasRole(role, deployer.address)).to.equal(false);
    // Even the timelock itself, admin of its roles, can no longer grant or revoke, and nobody can renounce.
    const tl = await ethers.getImpersonatedSigner(await timelock.getAddress());
    await setBalance(tl.address, 10n ** 18n);
    await expect(timelock.connect(tl).grantRole(P, deployer.address)).to.be.revertedWithCustomError(
      timelock,
      "RolesFrozen",
    );
    await expect(timelock.connect(tl).revokeRole(P, gv)).to.be.revertedWithCustomError(timelock, "RolesFrozen");
    const gov = await ethers.getImpersonatedSigner(gv);
    await setBalance(gv, 10n ** 18n);
    await expect(timelock.connect(gov).renounceRole(P, gv)).to.be.revertedWithCustomError(timelock, "RolesFrozen");
  });
});
