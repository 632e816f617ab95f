// Hardhat 2 downloads solc from the internet by default; this machine (and CI) cannot.
// The pinned `solc` npm package ships the same compiler as WebAssembly (soljson.js), so we
// point Hardhat's "which compiler build?" subtask at it. Keep SOLC_VERSION equal to the
// exact version of the `solc` devDependency: the override refuses to run otherwise.
import { subtask } from "hardhat/config";
import { TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD } from "hardhat/builtin-tasks/task-names";

export const SOLC_VERSION = "0.8.30";

subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, async (args: { solcVersion: string }, _hre, runSuper) => {
  if (args.solcVersion !== SOLC_VERSION) return runSuper();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const solc = require("solc");
  const longVersion: string = solc.version();
  if (!longVersion.startsWith(SOLC_VERSION)) {
    throw new Error(`npm package solc is ${longVersion}, expected ${SOLC_VERSION}: reinstall with npm ci`);
  }
  return { compilerPath: require.resolve("solc/soljson.js"), isSolcJs: true, version: SOLC_VERSION, longVersion };
});
