// The CLI as a user runs it: `npm run miner` is `hardhat numi:mine`; on the in-process network it deploys the
// stack with the project's deploy scripts, mines one reward and exits.
import { expect } from "chai";
import { ethers } from "hardhat";
import { execFile } from "child_process";
import { join } from "path";
import { promisify } from "util";
import { startFaultRig } from "./faultRig";

const run = promisify(execFile);
const ROOT = join(__dirname, "../..");
const HARDHAT = join(ROOT, "node_modules/.bin/hardhat");

describe("miner CLI (hardhat numi:mine)", function () {
  this.timeout(120_000);

  it("--once mines one reward on the in-process network and reports it", async function () {
    const { stdout } = await run(HARDHAT, ["numi:mine", "--network", "hardhat", "--once", "--threads", "1"], {
      cwd: ROOT,
    });
    expect(stdout).to.match(/\[miner\] hardhat: NumiCoin at 0x[0-9a-fA-F]{40}/);
    expect(stdout).to.match(/1 worker \((simd|scalar) kernel\) mining for 0x/);
    expect(stdout).to.include("reward for epoch 0");
    expect(stdout).to.match(/done: 1 reward\(s\)/);
  });

  it("refuses an address without a contract, with a clear message", async function () {
    const nowhere = "0x000000000000000000000000000000000000dEaD";
    const error = await run(HARDHAT, ["numi:mine", "--once", "--address", nowhere], { cwd: ROOT }).catch(
      (e: { stderr: string; code: number }) => e,
    );
    expect((error as { code: number }).code).to.not.equal(0);
    expect((error as { stderr: string }).stderr).to.include(`No contract at ${nowhere} on hardhat`);
  });

  it("refuses a beneficiary with a bad checksum, with a clear message", async function () {
    const bad = "0x70997970c51812dc3A010C7d01b50e0d17dc79C8";
    const error = await run(HARDHAT, ["numi:mine", "--once", "--beneficiary", bad], { cwd: ROOT }).catch(
      (e: { stderr: string; code: number }) => e,
    );
    expect((error as { code: number }).code).to.not.equal(0);
    expect((error as { stderr: string }).stderr).to.include("bad EIP-55 checksum");
  });

  it("through a faulty RPC (lost send replies, then resets): keeps mining and counts exactly the chain's rewards", async function () {
    const rig = await startFaultRig();
    try {
      const [account0] = await ethers.getSigners();
      const sentBefore = await ethers.provider.getTransactionCount(account0.address);
      rig.proxy.setMode("lost-reply", { onlyMethods: ["eth_sendTransaction"] });
      const port = new URL(rig.proxy.url).port;
      const args = ["numi:mine", "--network", "localhost", "--address", await rig.coin.getAddress()];
      const cli = run(
        HARDHAT,
        [...args, "--max-blocks", "4", "--threads", "1", "--poll-ms", "100", "--rpc-timeout-ms", "1000"],
        {
          cwd: ROOT,
          env: { ...process.env, NUMI_RPC_PORT: port },
        },
      );
      // After the first reward, a second of connection resets on every request.
      const mints = async () => (await rig.coin.queryFilter(rig.coin.filters.Mint(account0.address))).length;
      while ((await mints()) < 1) await new Promise((r) => setTimeout(r, 100));
      rig.proxy.setMode("reset");
      await new Promise((r) => setTimeout(r, 1_000));
      rig.proxy.setMode("none");
      const { stdout } = await cli;
      expect(await mints()).to.equal(4);
      expect(await ethers.provider.getTransactionCount(account0.address)).to.equal(sentBefore + 4); // none reverted
      expect(stdout).to.match(/done: 4 reward\(s\)/);
      expect(stdout).to.match(/0 reverted mint\(s\); solution to broadcast p50 \d+\.\d\d s, p95 \d+\.\d\d s over 4/);
      expect(stdout).to.include("found on chain: the reward for epoch 0 is ours");
      expect(stdout).to.include("RPC problem: the connection to the RPC endpoint was cut before it answered");
    } finally {
      await rig.close();
    }
  });
});
