import type { DeployFunction } from "hardhat-deploy/types";
import { paramsFor } from "../scripts/config/deployParams";

const deployGovernor: DeployFunction = async ({ deployments, getNamedAccounts, network }) => {
  const { deployer } = await getNamedAccounts();
  const p = paramsFor(network.name);
  const g = p.governance;
  const token = await deployments.get("NumiCoin");
  const timelock = await deployments.get("NumiTimelock");
  await deployments.deploy("NumiGovernor", {
    from: deployer,
    args: [
      token.address,
      timelock.address,
      g.votingDelay,
      g.votingPeriod,
      g.proposalThreshold,
      g.quorumPercent,
      g.lateQuorumExtension,
    ],
    log: true,
    waitConfirmations: p.confirmations,
  });
};

deployGovernor.tags = ["NumiGovernor", "core"];
deployGovernor.dependencies = ["NumiCoin", "NumiTimelock"];
export default deployGovernor;
