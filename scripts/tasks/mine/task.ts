// `npm run miner -- --network <name>`: a thin Hardhat wrapper over @numi/miner/cli, so networks and accounts come
// from hardhat.config.ts and the token address from the hardhat-deploy records. The miner loads only when the
// task runs (registering the task must not load it into every `hardhat test`).
import os from "os";
import { task, types } from "hardhat/config";
import type { HardhatRuntimeEnvironment } from "hardhat/types";

interface MineArgs {
  threads?: number;
  beneficiary?: string;
  maxBlocks?: number;
  once: boolean;
  address?: string;
  account?: number;
  pollMs: number;
  rpcTimeoutMs: number;
}

task("numi:mine", "Mines NUMI: searches nonces on worker threads and submits each solution")
  .addOptionalParam("threads", "Worker threads (default: all cores)", undefined, types.int)
  .addOptionalParam("beneficiary", "Mint rewards to this (checksummed) address with mintTo", undefined, types.string)
  .addOptionalParam("maxBlocks", "Stop after this many rewards", undefined, types.int)
  .addFlag("once", "Stop after the first reward (same as --max-blocks 1)")
  .addOptionalParam("address", "NumiCoin address (default: the network's deployment record)", undefined, types.string)
  .addOptionalParam("account", "Index of the configured account that sends the transactions", undefined, types.int)
  .addOptionalParam("pollMs", "Milliseconds between checks for a new challenge", 1_000, types.int)
  .addOptionalParam("rpcTimeoutMs", "The longest wait for one RPC request, in milliseconds", 10_000, types.int)
  .setAction(async (args: MineArgs, hre: HardhatRuntimeEnvironment) => {
    const { resolveMinerSetup } = await import("./setup");
    const { runMiner, broadcastLatency, classifyRpcFailure } = await import("@numi/miner/cli");
    if (!(args.rpcTimeoutMs > 0))
      throw new Error(`--rpc-timeout-ms must be a positive number, got ${args.rpcTimeoutMs}`);
    const setup = await resolveMinerSetup(hre, args);
    const tty = process.stdout.isTTY === true;
    let statusShown = false;
    const log = (line: string) => {
      if (tty && statusShown) process.stdout.write("\r\x1b[K");
      statusShown = false;
      console.log(line);
    };
    const status = (line: string) => {
      if (tty) {
        process.stdout.write(`\r\x1b[K${line}`);
        statusShown = true;
      } else console.log(line);
    };
    const controller = new AbortController();
    const onSigint = () => {
      if (controller.signal.aborted) process.exit(130); // a second Ctrl-C does not wait
      log("[miner] stopping (Ctrl-C again to force)…");
      controller.abort();
    };
    process.on("SIGINT", onSigint);
    // A socket error that escapes every request (an HTTP client's idle connection dying) must not end a miner
    // that handles RPC failures everywhere else; anything else is a bug and ends it as Node would.
    const onStray = (error: unknown) => {
      const failure = classifyRpcFailure(error);
      if (!failure) {
        console.error(error);
        process.exit(1);
      }
      log(`[miner] RPC problem outside any request: ${failure.message}; ignored, mining continues`);
    };
    process.on("uncaughtException", onStray);
    process.on("unhandledRejection", onStray);
    log(`[miner] ${hre.network.name}: NumiCoin at ${await setup.contract.getAddress()}`);
    try {
      const stats = await runMiner({
        contract: setup.contract,
        beneficiary: setup.beneficiary,
        threads: args.threads ?? os.availableParallelism(),
        maxBlocks: args.once ? 1 : args.maxBlocks,
        pollMs: args.pollMs,
        signal: controller.signal,
        log,
        status,
        statusMs: tty ? 1_000 : 10_000,
      });
      const failures = Object.entries(stats.failures).map(([name, n]) => `${name} ×${n}`);
      log(
        `[miner] done: ${stats.rewards} reward(s), ${hre.ethers.formatEther(stats.rewardWei)} NUMI, ` +
          `${stats.solutions} solution(s), ${stats.staleSolutions} stale, ${stats.abandonedJobs} abandoned searches, ` +
          `${stats.hashes.toLocaleString("en-US")} hashes, ${stats.revertedMints} reverted mint(s); ` +
          `solution to broadcast ${broadcastLatency(stats)}; failures: ${failures.join(", ") || "none"}`,
      );
    } finally {
      process.off("SIGINT", onSigint);
      process.off("uncaughtException", onStray);
      process.off("unhandledRejection", onStray);
    }
  });
