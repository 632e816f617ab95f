// Every deploy to a persistent network regenerates @numi/contracts (sdk/): addresses, deployment blocks, ABIs
// and the protocol constants read from the deployed contracts.
import type { DeployFunction } from "hardhat-deploy/types";
import { exportConstants, exportDeployments, OUTPUT_DIR } from "../../scripts/codegen/exportContracts";
import { readConstants } from "../../scripts/codegen/readConstants";

const exportContracts: DeployFunction = async (hre) => {
  const { network, deployments } = hre;
  if (network.name === "hardhat") return; // in-process chain: nothing persists
  const chains = exportDeployments();
  if (chains) deployments.log(`export: ${OUTPUT_DIR} (chain ids ${chains.join(", ")})`);
  deployments.log(`export: ${exportConstants(await readConstants(hre))}`);
};

exportContracts.tags = ["export"];
exportContracts.runAtTheEnd = true;
export default exportContracts;
