import type { DeployFunction } from "hardhat-deploy/types";
import { paramsFor } from "../config/deployParams";

const deployPool: DeployFunction = async ({ deployments, getNamedAccounts, network }) => {
  const { deployer } = await getNamedAccounts();
  const p = paramsFor(network.name);
  const token = await deployments.get("NumiCoin");
  const treasury = p.treasury === "timelock" ? (await deployments.get("NumiTimelock")).address : p.treasury;
  await deployments.deploy("MiningPool", {
    from: deployer,
    args: [token.address, deployer, p.rewardsDuration, treasury],
    log: true,
    waitConfirmations: p.confirmations,
  });
};

deployPool.tags = ["MiningPool", "core"];
deployPool.dependencies = ["NumiCoin", "NumiTimelock"];
export default deployPool;
