// Reads the public constants (constantNames) of the deployed protocol contracts, for sdk/constants.ts.
import type { HardhatRuntimeEnvironment } from "hardhat/types";
import { constantNames } from "./exportContracts";

/** The contracts whose constants developers build on (caps, bounds, schedule). */
export const CONSTANT_CONTRACTS = ["NumiCoin", "MiningPool"] as const;

export async function readConstants(hre: HardhatRuntimeEnvironment): Promise<Record<string, Record<string, bigint>>> {
  const values: Record<string, Record<string, bigint>> = {};
  for (const name of CONSTANT_CONTRACTS) {
    const record = await hre.deployments.get(name);
    const contract = await hre.ethers.getContractAt(record.abi, record.address);
    values[name] = {};
    for (const constant of constantNames(record.abi))
      values[name][constant] = BigInt(await contract.getFunction(constant)());
  }
  return values;
}
