// The real deployment (deploy/ scripts, `hardhat` network parameters) as a fixture, with typed contracts.
import { deployments, ethers, getNamedAccounts } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import type { MiningPool, NumiCoin, NumiGovernor, NumiTimelock } from "../../typechain-types";
import { mineAs } from "./fixtures";

export async function deployedFixture() {
  await deployments.fixture();
  const { deployer } = await getNamedAccounts();
  const at = async <T>(name: string) => (await ethers.getContractAt(name, (await deployments.get(name)).address)) as T;
  return {
    deployer: await ethers.getSigner(deployer),
    token: await at<NumiCoin>("NumiCoin"),
    pool: await at<MiningPool>("MiningPool"),
    governor: await at<NumiGovernor>("NumiGovernor"),
    timelock: await at<NumiTimelock>("NumiTimelock"),
  };
}

/**
 * Mines `times` rewards for `miner` on the deployed token (a real nonce search), each epoch taking exactly the
 * target epoch time, as on a live network: the difficulty stays where it is instead of doubling every 4 instant
 * epochs, which would make each search slower than the last.
 */
export async function mineRewards(token: NumiCoin, miner: { address: string }, times: number): Promise<void> {
  const signer = await ethers.getSigner(miner.address);
  const epochTime = await token.targetEpochTime();
  for (let i = 0; i < times; i++) {
    const { epochStart } = await token.miningState();
    const next = epochStart + epochTime;
    if (next > BigInt(await time.latest())) await time.setNextBlockTimestamp(next);
    await (await mineAs(token, signer)).tx.wait();
  }
}
