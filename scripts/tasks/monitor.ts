// `npm run monitor -- --network <name> [--watch]`: the health report of scripts/ops/monitor.ts as a Hardhat task.
// The monitor loads only when the task runs.
import { task, types } from "hardhat/config";

task("numi:monitor", "Reports the health of a NumiCoin deployment; exits 1 on a broken invariant")
  .addFlag("watch", "keep running and report every --interval seconds")
  .addOptionalParam("interval", "seconds between reports with --watch", 30, types.int)
  .setAction(async ({ watch, interval }: { watch: boolean; interval: number }, hre) => {
    const { evaluate, render, takeSnapshot } = await import("../ops/monitor");
    for (;;) {
      const snapshot = await takeSnapshot(hre);
      const checks = evaluate(snapshot);
      console.log(render(hre.network.name, snapshot, checks));
      const broken = checks.some((c) => c.status === "broken");
      if (!watch) {
        if (broken) process.exitCode = 1;
        return;
      }
      if (broken) console.error("ALERT: an invariant is broken (see above).");
      await new Promise((r) => setTimeout(r, interval * 1000));
    }
  });
