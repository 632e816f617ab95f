// `npm run monitor -- --network <name> [--watch]`: the health report of scripts/ops/monitor.ts as a Hardhat task.
// The monitor loads only when the task runs. With --watch the event-log history stays in memory between ticks,
// so each tick reads only the new blocks (and, within its budget, older ones not read yet).
import { task, types } from "hardhat/config";

task("numi:monitor", "Reports the health of a NumiCoin deployment; exits 1 on a broken invariant")
  .addFlag("watch", "keep running and report every --interval seconds")
  .addOptionalParam("interval", "seconds between reports with --watch", 30, types.int)
  .addOptionalParam("maxRange", "largest eth_getLogs range in blocks (halved when the RPC refuses)", 2000, types.int)
  .addOptionalParam("maxRequests", "most eth_getLogs requests per event history per report", 25, types.int)
  .setAction(
    async (
      {
        watch,
        interval,
        maxRange,
        maxRequests,
      }: { watch: boolean; interval: number; maxRange: number; maxRequests: number },
      hre,
    ) => {
      const { evaluate, newMonitorHistory, render, takeSnapshot } = await import("../ops/monitor");
      const history = newMonitorHistory(maxRange);
      for (;;) {
        const snapshot = await takeSnapshot(hre, { history, maxRange, maxRequests });
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
    },
  );
