// Typed addresses and ABIs of the target deployment. The token and the pool serve every page; the governor's
// and the timelock's ABIs live in governanceContracts.ts so that only the pages using them bundle them.
import { deploymentFor } from "./chains";
import { NumiCoinAbi } from "@numi/contracts/abi/NumiCoin";
import { MiningPoolAbi } from "@numi/contracts/abi/MiningPool";

export const numiAbi = NumiCoinAbi;
export const poolAbi = MiningPoolAbi;

export function contracts() {
  const c = deploymentFor().contracts;
  return {
    numi: { address: c.NumiCoin.address, abi: numiAbi },
    pool: { address: c.MiningPool.address, abi: poolAbi },
    /** Addresses only: a recipient check needs them, not the ABIs. */
    governorAddress: c.NumiGovernor.address,
    timelockAddress: c.NumiTimelock.address,
    /** The first block with any of our contracts, where event queries start. */
    fromBlock: BigInt(Math.min(c.NumiCoin.blockNumber, c.MiningPool.blockNumber, c.NumiGovernor.blockNumber)),
  } as const;
}
