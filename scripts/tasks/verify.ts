// `npm run verify -- --network <name>`: verifies every deployed contract on the network's block explorer with
// hardhat-verify (the plan: scripts/ops/verify.ts).
import { task } from "hardhat/config";

task("numi:verify", "Verifies every deployed NumiCoin contract on the network's block explorer").setAction(
  async (_args, hre) => {
    if (hre.network.name === "hardhat" || hre.network.name === "localhost") {
      throw new Error("Nothing to verify on a local chain: pass --network sepolia or --network mainnet.");
    }
    const { verificationPlan } = await import("../ops/verify");
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
