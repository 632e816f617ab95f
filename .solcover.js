// solidity-coverage: measure the production contracts only. Mocks and harnesses (contracts/mocks) exist for
// tests and are never deployed, so they are left out of the figures.
module.exports = {
  skipFiles: ["mocks"],
  istanbulReporter: ["text", "json-summary", "lcov"],
  mocha: {
    // The mining tests search nonces against real targets; keep the suite's own timeout.
    timeout: 300_000,
    // Some suites test the toolchain, not the contracts, and cannot run on coverage's instrumented build: the
    // verification test asserts the optimizer settings (coverage turns the optimizer off) and the miner CLI
    // tests start their own Hardhat process. The fault tests (the proxy, the miner and monitor through it) cover no
    // contract line the miner and monitor tests do not, and are timed. The keeper's gas figures and its gas-price
    // ceiling, and the permit stake's gas against the dApp's fee basis, read gas, which the instrumented build
    // (optimizer off, coverage's own fee settings) changes.
    // All run once, in `npm run test:contracts`.
    grep: "verification sends the exact constructor arguments|miner CLI|fault-injecting JSON-RPC proxy|miner through a faulty RPC|Monitor through a faulty RPC|Monitor metrics|the keeper's sync|stakeWithPermit gas",
    invert: true,
  },
};
