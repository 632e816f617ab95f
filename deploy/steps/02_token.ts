import type { DeployFunction } from "hardhat-deploy/types";
import { paramsFor } from "../config/deployParams";

const deployToken: DeployFunction = async ({ deployments, getNamedAccounts, network }) => {
  const { deployer } = await getNamedAccounts();
  const p = paramsFor(network.name);
  await deployments.deploy("NumiCoin", {
    from: deployer,
    args: [deployer, p.targetEpochTime, p.initialTarget],
    log: true,
    waitConfirmations: p.confirmations,
  });
};

deployToken.tags = ["NumiCoin", "core"];
deployToken.dependencies = ["preflight"];
export default deployToken;
