// Validates everything before a single transaction is sent: parameters, RPC, chain id, deployer and funds.
import type { DeployFunction } from "hardhat-deploy/types";
import { formatEther } from "ethers";
import { paramsFor } from "../config/deployParams";
import { DEPLOYER_KEY_VAR, publicNetworks } from "../config/networks";
import { requireVar } from "../config/env";
import { confirmNetwork } from "../config/confirm";

const preflight: DeployFunction = async (hre) => {
  const { network, ethers, getNamedAccounts } = hre;
  const params = paramsFor(network.name);
  const pub = publicNetworks[network.name];
  if (pub) {
    requireVar(pub.rpcUrlVar, `RPC URL for ${network.name}`);
    requireVar(DEPLOYER_KEY_VAR, `private key of the ${network.name} deployer`);
  }
  const { chainId } = await ethers.provider.getNetwork();
  if (pub && chainId !== BigInt(pub.chainId)) {
    throw new Error(`The RPC for ${network.name} serves chain ${chainId}, expected ${pub.chainId}: check the URL.`);
  }
  const { deployer } = await getNamedAccounts();
  const balance = await ethers.provider.getBalance(deployer);
  if (balance === 0n) throw new Error(`Deployer ${deployer} has no ETH on ${network.name} to pay for gas.`);
  if (params.requireConfirmation) {
    const g = params.governance;
    await confirmNetwork(network.name, [
      `deployer ${deployer} (balance ${formatEther(balance)} ETH), chain ${chainId}`,
      `NumiCoin: target epoch ${params.targetEpochTime}s, initial target 2^${params.initialTarget.toString(2).length - 1}`,
      `MiningPool: stream period ${params.rewardsDuration}s, fee 0, treasury ${params.treasury}`,
      `NumiGovernor: delay ${g.votingDelay}s, period ${g.votingPeriod}s, threshold ${formatEther(g.proposalThreshold)} NUMI, quorum ${g.quorumPercent}%`,
      `NumiTimelock: delay ${g.timelockDelay}s; owns NumiCoin and MiningPool; the deployer renounces every role`,
    ]);
  }
};

preflight.tags = ["preflight"];
export default preflight;
