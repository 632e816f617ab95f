// `npm run verify -- --network <name>`: verifies every deployed contract on the network's block explorer
// with hardhat-verify, using exactly the constructor arguments hardhat-deploy recorded.
import { task } from "hardhat/config";
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

task("numi:verify", "Verifies every deployed NumiCoin contract on the network's block explorer").setAction(
  async (_args, hre) => {
    if (hre.network.name === "hardhat" || hre.network.name === "localhost") {
      throw new Error("Nothing to verify on a local chain: pass --network sepolia or --network mainnet.");
    }
    for (const job of await verificationPlan(hre)) {
      console.log(`Verifying ${job.name} at ${job.address} ...`);
      try {
        await hre.run("verify:verify", {
          address: job.address,
          contract: job.contract,
          constructorArguments: job.constructorArguments,
        });
      } catch (err) {
        const message = (err as Error).message;
        if (/already verified/i.test(message)) console.log(`${job.name} is already verified.`);
        else throw new Error(`Verification of ${job.name} failed: ${message}`);
      }
    }
  },
);
