// `npm run soak:miner -- --minutes 5`: the miner through every RPC fault mode for a while, with the figures of
// issue #17 at the end (test/miner/faultSoak.ts). Runs on the in-process chain; loads only when it runs.
import { task, types } from "hardhat/config";

task("numi:soak-miner", "Runs the miner through a fault-injecting RPC proxy, cycling every fault mode")
  .addOptionalParam("minutes", "How long to run", 5, types.float)
  .setAction(async (args: { minutes: number }, hre) => {
    if (hre.network.name !== "hardhat") throw new Error("numi:soak-miner runs on the in-process network only");
    await hre.run("compile", { quiet: true });
    const { runFaultSoak } = await import("../../../test/miner/faultSoak");
    const report = await runFaultSoak(args.minutes, (line) => console.log(line));
    if (!report.ok) process.exitCode = 1;
  });
