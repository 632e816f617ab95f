// @numi/contracts: everything a program needs to talk to NumiCoin. Generated files (deploy writes them) and gas.ts,
// the one kept by hand (its test checks it); this index only gathers them. Import a single ABI from
// "@numi/contracts/abi/<Contract>" to bundle only that one.
export { NumiCoinAbi } from "./abi/NumiCoin";
export { MiningPoolAbi } from "./abi/MiningPool";
export { NumiGovernorAbi } from "./abi/NumiGovernor";
export { NumiTimelockAbi } from "./abi/NumiTimelock";
export { deployments, type DeployedChainId } from "./deployments";
export { NumiCoin, MiningPool } from "./constants";
export { PERMIT_STAKE_GAS } from "./gas";
