// What `npm run verify` sends to the block explorer: every deployed contract with exactly the constructor
// arguments hardhat-deploy recorded.
import type { HardhatRuntimeEnvironment } from "hardhat/types";

/** Fully qualified names of the contracts a deployment consists of. */
export const VERIFIED_CONTRACTS: Record<string, string> = {
  NumiTimelock: "contracts/governance/NumiTimelock.sol:NumiTimelock",
  NumiCoin: "contracts/NumiCoin.sol:NumiCoin",
  MiningPool: "contracts/MiningPool.sol:MiningPool",
  NumiGovernor: "contracts/governance/NumiGovernor.sol:NumiGovernor",
};

export interface VerificationJob {
  name: string;
  address: string;
  contract: string;
  constructorArguments: unknown[];
}

/** What would be sent to the explorer, read from the deployment records (no network access). */
export async function verificationPlan(hre: HardhatRuntimeEnvironment): Promise<VerificationJob[]> {
  const jobs: VerificationJob[] = [];
  for (const [name, contract] of Object.entries(VERIFIED_CONTRACTS)) {
    const record = await hre.deployments.get(name);
    jobs.push({ name, address: record.address, contract, constructorArguments: record.args ?? [] });
  }
  return jobs;
}
