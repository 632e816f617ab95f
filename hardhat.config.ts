import { HardhatUserConfig } from "hardhat/config";
import "@nomicfoundation/hardhat-toolbox";
import "hardhat-deploy";
import "./scripts/toolchain/solcOffline";
import { SOLC_VERSION } from "./scripts/toolchain/solcOffline";
import { hardhatNetworks } from "./deploy/config/networks";
import { optionalVar } from "./deploy/config/env";
import "./scripts/tasks";

function compilerSettings(runs: number) {
  return { optimizer: { enabled: true, runs }, evmVersion: "prague" };
}

const config: HardhatUserConfig = {
  solidity: {
    // 200 runs by default: the governor and timelock are called rarely and the governor's runtime needs the
    // headroom under EIP-170 (22,790 of 24,576 bytes at 1,000,000 runs). No viaIR: coverage instruments sources
    // and viaIR slows it; measured alternatives in docs/adr/0008-optimizer-settings.md.
    compilers: [{ version: SOLC_VERSION, settings: compilerSettings(200) }],
    // The contracts every holder, miner and staker calls: 1,000,000 runs saves 170-1,200 gas per call for about
    // 26% more deployment gas, paid once. The reference token is compiled like NumiCoin, so its rows compare.
    overrides: Object.fromEntries(
      ["contracts/NumiCoin.sol", "contracts/MiningPool.sol", "contracts/mocks/OZVotesTokenReference.sol"].map(
        (file) => [file, { version: SOLC_VERSION, settings: compilerSettings(1_000_000) }],
      ),
    ),
  },
  networks: hardhatNetworks(),
  namedAccounts: {
    deployer: { default: 0 }, // account #0 locally; on public networks the first configured key
  },
  etherscan: { apiKey: optionalVar("ETHERSCAN_API_KEY") ?? "" },
  sourcify: { enabled: false },
  gasReporter: {
    enabled: process.env.REPORT_GAS === "true",
    offline: true,
    currency: "USD",
    outputFile: "gas-reports/gas-report.txt",
    noColors: true,
    reportPureAndViewMethods: false,
  },
  // deploy/ holds the steps hardhat-deploy runs (deploy/steps) beside the parameters they read (deploy/config).
  paths: { deploy: "deploy/steps" },
  mocha: { timeout: 120_000 },
};

export default config;
