import type { DeployFunction } from "hardhat-deploy/types";
import { paramsFor } from "../config/deployParams";

const deployGovernor: DeployFunction = async ({ deployments, getNamedAccounts, network }) => {
  const { deployer } = await getNamedAccounts();
  const p = paramsFor(network.name);
  const g = p.governance;
  const token = await deployments.get("NumiCoin");
  const timelock = await deployments.get("NumiTimelock");
  const pool = await deployments.get("MiningPool");
  await deployments.deploy("NumiGovernor", {
    from: deployer,
    args: [
      token.address,
      timelock.address,
      pool.address,
      {
        votingDelay: g.votingDelay,
        votingPeriod: g.votingPeriod,
        proposalThreshold: g.proposalThreshold,
        quorumPercent: g.quorumPercent,
        lateQuorumExtension: g.lateQuorumExtension,
        launchSupply: g.launchSupply,
      },
    ],
    log: true,
    waitConfirmations: p.confirmations,
  });
};

deployGovernor.tags = ["NumiGovernor", "core"];
deployGovernor.dependencies = ["NumiCoin", "NumiTimelock", "MiningPool"];
export default deployGovernor;
