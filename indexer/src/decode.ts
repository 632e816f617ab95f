// Decodes a proposal's calldata with the ABI of the known contract at its target (the chain's NumiCoin,
// MiningPool, NumiGovernor or NumiTimelock); anything else stays raw calldata.
import { decodeFunctionData, toFunctionSelector, toFunctionSignature, type Abi, type Hex } from "viem";
import { replaceBigInts } from "ponder";
import { deployments, MiningPoolAbi, NumiCoinAbi, NumiGovernorAbi, NumiTimelockAbi } from "@numi/contracts";

const ABIS: Record<string, Abi> = {
  NumiCoin: NumiCoinAbi,
  MiningPool: MiningPoolAbi,
  NumiGovernor: NumiGovernorAbi,
  NumiTimelock: NumiTimelockAbi,
};

export interface DecodedCall {
  contract: string | null;
  signature: string | null;
  functionName: string | null;
  args: unknown[] | null; // JSON-safe: integers above 48 bits as decimal strings, smaller ones as numbers (as viem decodes them)
}

/** The known contract at `target` on `chainId`, by name, or null. */
export function knownContract(chainId: number, target: string): string | null {
  const chain = (deployments as Record<string, { contracts: Record<string, { address: string }> }>)[String(chainId)];
  if (!chain) return null;
  const hit = Object.entries(chain.contracts).find(([, c]) => c.address.toLowerCase() === target.toLowerCase());
  return hit && ABIS[hit[0]] ? hit[0] : null;
}

export function decodeCall(chainId: number, target: string, calldata: Hex): DecodedCall {
  const contract = knownContract(chainId, target);
  const none = { contract, signature: null, functionName: null, args: null };
  if (!contract || calldata.length < 10) return none;
  const abi = ABIS[contract]!;
  const selector = calldata.slice(0, 10).toLowerCase();
  const item = abi.find((i) => i.type === "function" && toFunctionSelector(i) === selector);
  if (!item || item.type !== "function") return none;
  try {
    const { functionName, args } = decodeFunctionData({ abi: [item], data: calldata });
    return {
      contract,
      signature: toFunctionSignature(item),
      functionName,
      args: replaceBigInts([...(args ?? [])], (v) => String(v)),
    };
  } catch {
    return none; // a known selector with malformed arguments: keep the raw calldata only
  }
}
