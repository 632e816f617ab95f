// Contract views as plain eth_call requests through wagmi's client, typed by the ABI; useReads
// (hooks/useReads.ts) caches and refreshes them. Concurrent calls leave in one JSON-RPC batch (config/wagmi.ts).
// Why not wagmi's useReadContract: docs/adr/0004-own-read-layer.md.
import {
  decodeFunctionResult,
  encodeFunctionData,
  type Abi,
  type Address,
  type Client,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type ContractFunctionReturnType,
  type EncodeFunctionDataParameters,
} from "viem";

type ViewName<abi extends Abi> = ContractFunctionName<abi, "pure" | "view">;

export interface ContractRead<abi extends Abi, name extends ViewName<abi>> {
  address: Address;
  abi: abi;
  functionName: name;
  args?: ContractFunctionArgs<abi, "pure" | "view", name>;
}

export type ReadResult<abi extends Abi, name extends ViewName<abi>> = ContractFunctionReturnType<
  abi,
  "pure" | "view",
  name
>;

/** One view call at the latest block, decoded against the ABI exactly as viem's readContract would. */
export async function callView<const abi extends Abi, name extends ViewName<abi>>(
  client: Client,
  read: ContractRead<abi, name>,
): Promise<ReadResult<abi, name>> {
  // The caller's types are checked against its ABI above; encoding and decoding work on any ABI. (TypeScript
  // cannot resolve the generic ContractFunctionArgs to an array, hence Array.isArray rather than a cast.)
  const call: EncodeFunctionDataParameters = {
    abi: read.abi,
    functionName: read.functionName,
    args: Array.isArray(read.args) ? read.args : undefined,
  };
  const data = encodeFunctionData(call);
  const result = await client.request({ method: "eth_call", params: [{ to: read.address, data }, "latest"] });
  // What viem's readContract does too: the decoded value is the type the ABI gives this function.
  return decodeFunctionResult({ ...call, data: result }) as ReadResult<abi, name>;
}

/** The first part of every read's query key: the live-block refresh invalidates the queries that carry it. */
export const READ_KEY = "chainRead";

/** A query key for reads: bigints become strings, because query keys are hashed as JSON. */
export function readKey(chainId: number, ...parts: unknown[]): readonly unknown[] {
  return [READ_KEY, chainId, ...parts.map((p) => (typeof p === "bigint" ? `${p}n` : p))];
}
