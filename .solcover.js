// solidity-coverage: measure the production contracts only. Mocks and harnesses (contracts/mocks) exist for
// tests and are never deployed, so they are left out of the figures.
module.exports = {
  skipFiles: ["mocks"],
  // The mining tests search nonces against real targets; keep the suite's own timeout.
  mocha: { timeout: 300_000 },
};
