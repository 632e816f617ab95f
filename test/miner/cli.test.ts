// The CLI as a user runs it: `npm run miner` is `hardhat numi:mine`; on the in-process network it deploys the
// stack with the project's deploy scripts, mines one reward and exits.
import { expect } from "chai";
import { execFile } from "child_process";
import { join } from "path";
import { promisify } from "util";

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
});
