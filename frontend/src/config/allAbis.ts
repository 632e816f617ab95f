// Every ABI the app knows, for decoding custom errors whichever contract raised them (a revert often comes
// from a nested call: the token inside a pool stake, a target inside a governor execution).
import { numiAbi, poolAbi } from "./contracts";
import { governorAbi, timelockAbi } from "./governanceContracts";

export const allAbis = [numiAbi, poolAbi, governorAbi, timelockAbi] as const;
