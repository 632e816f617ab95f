// `npm run monitor -- --network <name>`: the monitor of scripts/ops/monitorService.ts as a Hardhat task. The
// implementation loads only when the task runs. Exit codes: 0 every check ran and passed, 1 an invariant is broken,
// 2 it could not check (RPC down, refused, too slow, or a setting missing).
import { task, types } from "hardhat/config";
import type { HardhatRuntimeEnvironment } from "hardhat/types";

interface MonitorArgs {
  watch: boolean;
  interval: number;
  maxRange: number;
  maxRequests: number;
  metricsPort?: number;
  metricsHost: string;
  rpcUrl?: string;
  rpcTimeout: number;
  rpcAttempts: number;
  keeper: boolean;
  keeperAfter: number;
  keeperPeriod: number;
  keeperMaxGwei: number;
}

/** The URL to read through: --rpc-url, else the network's; none for the in-process Hardhat network. */
function rpcUrlOf(args: MonitorArgs, hre: HardhatRuntimeEnvironment): string | undefined {
  if (args.rpcUrl) return args.rpcUrl;
  const config = hre.network.config as { url?: string };
  if (!config.url) return undefined;
  if (new URL(config.url).hostname.endsWith(".invalid"))
    throw new Error(
      `no RPC URL is configured for ${hre.network.name}: set its RPC variable (see .env.example) or pass --rpc-url`,
    );
  return config.url;
}

task(
  "numi:monitor",
  "Reports the health of a NumiCoin deployment. Exit 0: every check ran and passed (warnings included); 1: an invariant is broken; 2: could not check (RPC down, refused or too slow)",
)
  .addFlag("watch", "keep running and print a report every --interval seconds; RPC errors never end it")
  .addOptionalParam("interval", "seconds between refreshes with --watch or --metrics-port", 30, types.int)
  .addOptionalParam(
    "metricsPort",
    "keep running and serve Prometheus metrics at http://localhost:<port>/metrics (e.g. 9464; 0 picks a free port)",
    undefined,
    types.int,
  )
  .addOptionalParam("metricsHost", "address the metrics server listens on (0.0.0.0 for every interface)", "127.0.0.1")
  .addOptionalParam(
    "rpcUrl",
    "read through this JSON-RPC URL instead of the network's (deployments stay the network's)",
  )
  .addOptionalParam("rpcTimeout", "seconds one RPC request may take before it is retried", 10, types.float)
  .addOptionalParam("rpcAttempts", "attempts per RPC request (retries with backoff and jitter)", 4, types.int)
  .addOptionalParam("maxRange", "largest eth_getLogs range in blocks (halved when the RPC refuses)", 2000, types.int)
  .addOptionalParam("maxRequests", "most eth_getLogs requests per event history per report", 25, types.int)
  .addFlag(
    "keeper",
    "call MiningPool.sync() from the key in NUMI_KEEPER_KEY when pool rewards have waited over --keeper-after",
  )
  .addOptionalParam("keeperAfter", "seconds unstreamed pool rewards may wait before the keeper syncs", 3600, types.int)
  .addOptionalParam("keeperPeriod", "fewest seconds between two keeper syncs", 3600, types.int)
  .addOptionalParam("keeperMaxGwei", "highest max fee per gas the keeper pays, in gwei", 20, types.float)
  .setAction(async (args: MonitorArgs, hre) => {
    const { EXIT, MonitorService } = await import("../ops/monitorService");
    const { checkKeeperOptions } = await import("../ops/keeper");
    let service: InstanceType<typeof MonitorService>;
    try {
      if (args.interval <= 0) throw new Error(`--interval must be at least 1 second, got ${args.interval}`);
      if (args.rpcTimeout <= 0) throw new Error(`--rpc-timeout must be more than 0 seconds, got ${args.rpcTimeout}`);
      service = new MonitorService(hre, {
        network: hre.network.name,
        rpcUrl: rpcUrlOf(args, hre),
        chainId: hre.network.config.chainId,
        timeoutMs: args.rpcTimeout * 1000,
        attempts: args.rpcAttempts,
        maxRange: args.maxRange,
        maxRequests: args.maxRequests,
        keeper: args.keeper
          ? checkKeeperOptions({
              afterSeconds: args.keeperAfter,
              periodSeconds: args.keeperPeriod,
              maxGasGwei: args.keeperMaxGwei,
            })
          : undefined,
      });
    } catch (err) {
      console.error(`monitor: cannot start: ${(err as Error).message}`);
      process.exitCode = EXIT.cannotCheck;
      return;
    }

    if (!args.watch && args.metricsPort === undefined) {
      process.exitCode = await service.runOnce();
      await service.stop();
      return;
    }
    const stop = () => void service.stop();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    if (args.metricsPort !== undefined) {
      try {
        console.log(`monitor: metrics at ${await service.serveMetrics(args.metricsPort, args.metricsHost)}`);
      } catch (err) {
        console.error(`monitor: cannot serve metrics: ${(err as Error).message}`);
        process.exitCode = EXIT.cannotCheck;
        await service.stop();
        return;
      }
    }
    await service.runForever(args.interval, args.watch);
  });
