// The timelock is deployed first with the deployer as temporary proposer, executor and admin and no delay,
// so the handover (05) can accept ownership of the token and pool at once; it then sets the real delay and
// the deployer renounces everything.
import type { DeployFunction } from "hardhat-deploy/types";
import { paramsFor } from "../scripts/config/deployParams";

const deployTimelock: DeployFunction = async ({ deployments, getNamedAccounts, network }) => {
  const { deployer } = await getNamedAccounts();
  const { confirmations } = paramsFor(network.name);
  await deployments.deploy("NumiTimelock", {
    from: deployer,
    args: [0, [deployer], [deployer], deployer],
    log: true,
    waitConfirmations: confirmations,
  });
};

deployTimelock.tags = ["NumiTimelock", "core"];
deployTimelock.dependencies = ["preflight"];
export default deployTimelock;
