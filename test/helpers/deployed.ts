// The real deployment (deploy/ scripts, `hardhat` network parameters) as a fixture, with typed contracts.
import { deployments, ethers, getNamedAccounts } from "hardhat";
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

/** Mines `times` rewards for `miner` on the deployed token (a real nonce search at the local difficulty). */
export async function mineRewards(token: NumiCoin, miner: { address: string }, times: number): Promise<void> {
  const signer = await ethers.getSigner(miner.address);
  for (let i = 0; i < times; i++) await (await mineAs(token, signer)).tx.wait();
}
