// Every deploy to a persistent network regenerates the dApp's typed modules of addresses and ABIs.
import type { DeployFunction } from "hardhat-deploy/types";
import { exportFrontendDeployments, OUTPUT_DIR } from "../scripts/deployments/exportFrontend";

const exportForFrontend: DeployFunction = async ({ network, deployments }) => {
  if (network.name === "hardhat") return; // in-process chain: nothing persists
  const chains = exportFrontendDeployments();
  if (chains) deployments.log(`export: ${OUTPUT_DIR} (chain ids ${chains.join(", ")})`);
};

exportForFrontend.tags = ["export"];
exportForFrontend.runAtTheEnd = true;
export default exportForFrontend;
