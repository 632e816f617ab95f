// The per-network parameters are validated before anything is sent, with messages that say what to fix.
import { expect } from "chai";
import { existsSync, mkdtempSync, mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deployParams, paramsFor, validate, MAX_TARGET, type DeployParams } from "../../deploy/config/deployParams";
import { requireVar } from "../../deploy/config/env";
import { confirmNetwork } from "../../deploy/config/confirm";
import hre, { artifacts, deployments } from "hardhat";
import { readConstants } from "../../scripts/codegen/readConstants";
import {
  EXPORTED_CONTRACTS,
  OUTPUT_DIR,
  exportDeployments,
  renderConstants,
  readDeployments,
  renderModules,
} from "../../scripts/codegen/exportContracts";

describe("Deployment configuration", function () {
  it("has valid parameters for every network", function () {
    for (const network of Object.keys(deployParams)) expect(() => paramsFor(network)).not.to.throw();
  });

  it("names the known networks when asked for an unknown one", function () {
    expect(() => paramsFor("goerli")).to.throw(
      /No deployment parameters for network "goerli".*known: hardhat, localhost, sepolia, mainnet/,
    );
  });

  it("lists every invalid parameter at once", function () {
    const bad: DeployParams = {
      ...deployParams.localhost,
      targetEpochTime: 0,
      initialTarget: MAX_TARGET + 1n,
      rewardsDuration: 10,
      treasury: "0x1234" as `0x${string}`,
      governance: { ...deployParams.localhost.governance, quorumPercent: 0, votingPeriod: 0 },
    };
    expect(() => validate("test", bad)).to.throw(
      /targetEpochTime 0[\s\S]*initialTarget[\s\S]*rewardsDuration 10[\s\S]*treasury 0x1234[\s\S]*votingPeriod[\s\S]*quorumPercent/,
    );
  });

  it("refuses a real-money network with a timelock delay floor under a day", function () {
    const g = deployParams.mainnet.governance;
    const risky = { ...deployParams.mainnet, governance: { ...g, timelockDelayFloor: 3600 } };
    expect(() => validate("mainnet", risky)).to.throw(/timelock delay floor of at least one day/);
  });

  it("refuses governance parameters outside the contracts' ceilings or a floor above the delay", function () {
    const g = deployParams.mainnet.governance;
    const cases: [Partial<typeof g>, RegExp][] = [
      [{ timelockDelayFloor: g.timelockDelay + 1 }, /timelockDelayFloor must be in \[0, timelockDelay\]/],
      [{ timelockDelay: 31 * 86_400, timelockDelayFloor: 86_400 }, /timelockDelay at most 30 days/],
      [{ votingPeriod: 31 * 86_400 }, /votingPeriod must be at most 30 days/],
      [{ quorumPercent: 31 }, /quorumPercent must be at most 30/],
      [{ proposalThreshold: 210_001n * 10n ** 18n }, /proposalThreshold must be at most 210,000 NUMI/],
      [{ lateQuorumExtension: 15 * 86_400 }, /lateQuorumExtension must be at most 14 days/],
      [{ launchSupply: 21_000_001n * 10n ** 18n }, /launchSupply must be within/],
    ];
    for (const [change, message] of cases) {
      expect(() => validate("mainnet", { ...deployParams.mainnet, governance: { ...g, ...change } })).to.throw(message);
    }
    expect(deployParams.mainnet.requireConfirmation).to.equal(true);
  });

  it("names a missing variable and how to set it", function () {
    delete process.env.NUMI_TEST_MISSING_VAR;
    expect(() => requireVar("NUMI_TEST_MISSING_VAR", "RPC URL for sepolia")).to.throw(
      "Missing NUMI_TEST_MISSING_VAR (RPC URL for sepolia). Set it with `export NUMI_TEST_MISSING_VAR=...` or `npx hardhat vars set NUMI_TEST_MISSING_VAR`.",
    );
    process.env.NUMI_TEST_MISSING_VAR = "http://example.invalid";
    expect(requireVar("NUMI_TEST_MISSING_VAR", "x")).to.equal("http://example.invalid");
    delete process.env.NUMI_TEST_MISSING_VAR;
  });

  it("asks for confirmation before a mainnet deployment and refuses without it", async function () {
    const rejection = async (p: Promise<void>) =>
      p.then(
        () => undefined,
        (e: Error) => e.message,
      );
    delete process.env.NUMI_CONFIRM_NETWORK;
    const log = console.log;
    console.log = () => undefined;
    try {
      if (!process.stdin.isTTY) {
        expect(await rejection(confirmNetwork("mainnet", ["plan"]))).to.match(/set NUMI_CONFIRM_NETWORK=mainnet/);
        process.env.NUMI_CONFIRM_NETWORK = "sepolia"; // confirming another network does not confirm this one
        expect(await rejection(confirmNetwork("mainnet", ["plan"]))).to.match(/needs confirmation/);
      }
      process.env.NUMI_CONFIRM_NETWORK = "mainnet";
      expect(await rejection(confirmNetwork("mainnet", ["plan"]))).to.equal(undefined);
    } finally {
      delete process.env.NUMI_CONFIRM_NETWORK;
      console.log = log;
    }
  });
});

describe("@numi/contracts export (sdk/)", function () {
  function fakeRecords(dir: string, network: string, chainId: number, names: string[]) {
    mkdirSync(join(dir, network), { recursive: true });
    writeFileSync(join(dir, network, ".chainId"), String(chainId));
    names.forEach((name, i) =>
      writeFileSync(
        join(dir, network, `${name}.json`),
        JSON.stringify({
          address: `0x${String(i + 1).padStart(40, "0")}`,
          abi: [{ type: "function", name: "x" }],
          receipt: { blockNumber: 7 + i },
        }),
      ),
    );
  }

  it("exports complete deployments by chain id, skips partial ones and the in-process network", function () {
    const dir = mkdtempSync(join(tmpdir(), "numi-deployments-"));
    const all = ["NumiCoin", "MiningPool", "NumiGovernor", "NumiTimelock"];
    fakeRecords(dir, "localhost", 31337, all);
    fakeRecords(dir, "sepolia", 11155111, ["NumiCoin"]); // partial: skipped
    fakeRecords(dir, "hardhat", 31337, all); // in-process: skipped
    const chains = readDeployments(dir);
    expect(chains.map((c) => c.name)).to.deep.equal(["localhost"]);
    expect(chains[0].contracts.MiningPool).to.deep.equal({
      address: `0x${"2".padStart(40, "0")}`,
      blockNumber: 8,
      abi: [{ type: "function", name: "x" }],
    });
    const out = join(dir, "out");
    expect(exportDeployments(dir, out)).to.deep.equal([31337]);
    const files = renderModules(chains); // deterministic: the same records give the same bytes
    expect(Object.keys(files).sort()).to.deep.equal([
      "abi/MiningPool.ts",
      "abi/NumiCoin.ts",
      "abi/NumiGovernor.ts",
      "abi/NumiTimelock.ts",
      "deployments.ts",
    ]);
    for (const [file, text] of Object.entries(files))
      expect(readFileSync(join(out, file), "utf8"), file).to.equal(text);
    // Records carry addresses only; each ABI is its own module, so a page bundles only the ABIs it imports.
    const text = files["deployments.ts"];
    expect(text).to.match(/export const deployments = \{\n {2}"31337": \{/);
    const records = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("} as const") + 1));
    expect(records["31337"].contracts.MiningPool).to.deep.equal({
      address: `0x${"2".padStart(40, "0")}`,
      blockNumber: 8,
    });
    expect(files["abi/MiningPool.ts"]).to.contain(
      'export const MiningPoolAbi = [\n  {\n    "type": "function",\n    "name": "x"\n  }\n] as const;',
    );
  });

  it("refuses to export networks whose records disagree on an ABI (the dApp would call one of them wrongly)", function () {
    const dir = mkdtempSync(join(tmpdir(), "numi-deployments-"));
    const all = ["NumiCoin", "MiningPool", "NumiGovernor", "NumiTimelock"];
    fakeRecords(dir, "localhost", 31337, all);
    fakeRecords(dir, "sepolia", 11155111, all);
    const stale = join(dir, "sepolia", "MiningPool.json");
    writeFileSync(
      stale,
      JSON.stringify({ ...JSON.parse(readFileSync(stale, "utf8")), abi: [{ type: "function", name: "old" }] }),
    );
    expect(() => exportDeployments(dir, join(dir, "out"))).to.throw(
      "MiningPool: the ABI recorded for sepolia (11155111) differs from localhost (31337)",
    );
    expect(existsSync(join(dir, "out")), "nothing written").to.equal(false);
  });

  it("the committed dApp module carries the ABIs of the contracts as compiled now", async function () {
    // A contract change without `npm run export:deployments` would leave the dApp calling a stale ABI.
    const { deployments } = (await import(join(OUTPUT_DIR, "deployments.ts"))) as {
      deployments: Record<string, unknown>;
    };
    expect(Object.keys(deployments)).to.include("31337");
    for (const name of EXPORTED_CONTRACTS) {
      const module = (await import(join(OUTPUT_DIR, "abi", `${name}.ts`))) as Record<string, unknown>;
      expect(module[`${name}Abi`], name).to.deep.equal((await artifacts.readArtifact(name)).abi);
    }
  });

  it("the committed constants are the public constants of the contracts as compiled now", async function () {
    await deployments.fixture();
    const committed = readFileSync(join(OUTPUT_DIR, "constants.ts"), "utf8");
    const values = await readConstants(hre);
    expect(Object.keys(values.NumiCoin)).to.include.members([
      "MAX_SUPPLY",
      "HALVING_INTERVAL",
      "MIN_TARGET",
      "MAX_TARGET",
    ]);
    expect(committed, "run npm start (any deploy) to regenerate sdk/constants.ts").to.equal(renderConstants(values));
  });

  it("writes nothing when there is no complete deployment", function () {
    const dir = mkdtempSync(join(tmpdir(), "numi-empty-"));
    expect(exportDeployments(dir, join(dir, "out"))).to.equal(null);
    expect(existsSync(join(dir, "out"))).to.equal(false);
  });
});
