// solidity-coverage: measure the production contracts only. Mocks and harnesses (contracts/mocks) exist for
// tests and are never deployed, so they are left out of the figures.
module.exports = {
  skipFiles: ["mocks"],
  istanbulReporter: ["text", "json-summary", "lcov"],
  mocha: {
    // The mining tests search nonces against real targets; keep the suite's own timeout.
    timeout: 300_000,
    // Two suites test the toolchain, not the contracts, and cannot run on coverage's instrumented build: the
    // verification test asserts the optimizer settings (coverage turns the optimizer off) and the miner CLI
    // tests start their own Hardhat process. Both run in `npm run test:contracts`.
    grep: "verification sends the exact constructor arguments|miner CLI",
    invert: true,
  },
};
