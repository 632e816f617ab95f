// The governor and the timelock with their ABIs, for the pages that talk to governance.
import { deploymentFor } from "./chains";
import { NumiGovernorAbi } from "@numi/contracts/abi/NumiGovernor";
import { NumiTimelockAbi } from "@numi/contracts/abi/NumiTimelock";

export const governorAbi = NumiGovernorAbi;
export const timelockAbi = NumiTimelockAbi;

export function governanceContracts() {
  const c = deploymentFor().contracts;
  return {
    governor: { address: c.NumiGovernor.address, abi: governorAbi },
    timelock: { address: c.NumiTimelock.address, abi: timelockAbi },
  } as const;
}
