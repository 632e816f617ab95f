// Typed addresses and ABIs of the target deployment. The ABIs are identical on every chain, so the types
// come from the local record, which is always present.
import { deploymentFor } from "./chains";
import { deployments } from "@/generated/deployments";

type Local = (typeof deployments)["31337"]["contracts"];

export const numiAbi = deployments["31337"].contracts.NumiCoin.abi;
export const poolAbi = deployments["31337"].contracts.MiningPool.abi;
export const governorAbi = deployments["31337"].contracts.NumiGovernor.abi;
export const timelockAbi = deployments["31337"].contracts.NumiTimelock.abi;

export type ContractName = keyof Local;

export function contracts() {
  const d = deploymentFor();
  const c = d.contracts as unknown as Local;
  return {
    numi: { address: c.NumiCoin.address, abi: numiAbi },
    pool: { address: c.MiningPool.address, abi: poolAbi },
    governor: { address: c.NumiGovernor.address, abi: governorAbi },
    timelock: { address: c.NumiTimelock.address, abi: timelockAbi },
    fromBlock: BigInt(Math.min(c.NumiCoin.blockNumber, c.MiningPool.blockNumber, c.NumiGovernor.blockNumber)),
  } as const;
}

/** Every ABI the app knows, for decoding custom errors whichever contract raised them. */
export const allAbis = [numiAbi, poolAbi, governorAbi, timelockAbi] as const;
