// The timelock is deployed first with the deployer as temporary proposer, executor and admin and no delay,
// so the handover (05) can accept ownership of the token and pool at once; it then sets the real delay and
// completeHandover gives the governor its roles, strips the deployer and freezes the roles. The delay floor is
// fixed here, for good.
import type { DeployFunction } from "hardhat-deploy/types";
import { paramsFor } from "../config/deployParams";

const deployTimelock: DeployFunction = async ({ deployments, getNamedAccounts, network }) => {
  const { deployer } = await getNamedAccounts();
  const { confirmations, governance } = paramsFor(network.name);
  await deployments.deploy("NumiTimelock", {
    from: deployer,
    args: [0, governance.timelockDelayFloor, [deployer], [deployer], deployer],
    log: true,
    waitConfirmations: confirmations,
  });
};

deployTimelock.tags = ["NumiTimelock", "core"];
deployTimelock.dependencies = ["preflight"];
export default deployTimelock;
