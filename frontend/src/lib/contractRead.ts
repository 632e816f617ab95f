// Contract views as plain eth_call requests through wagmi's client, typed by the ABI; useReads
// (hooks/useReads.ts) caches and refreshes them. Concurrent calls leave in one JSON-RPC batch (config/wagmi.ts).
// Why not wagmi's useReadContract: docs/adr/0004-own-read-layer.md.
import {
  decodeAbiParameters,
  encodeAbiParameters,
  toFunctionSelector,
  concatHex,
  type Abi,
  type AbiFunction,
  type Address,
  type Client,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type ContractFunctionReturnType,
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

/**
 * The ABI entry a view call names. Views are looked up by name and argument count; a name with two entries of the
 * same arity is refused rather than guessed (none of our contracts has one).
 */
export function viewItem(abi: Abi, functionName: string, argCount: number): AbiFunction {
  const matches = abi.filter(
    (item): item is AbiFunction =>
      item.type === "function" && item.name === functionName && item.inputs.length === argCount,
  );
  if (matches.length !== 1)
    throw new Error(
      `${functionName} with ${argCount} argument(s) is ${matches.length ? "ambiguous" : "not"} in the contract's ABI`,
    );
  return matches[0]!;
}

/**
 * One view call at the latest block, encoded and decoded as viem's readContract does (selector + ABI-encoded
 * arguments; one output is returned as itself, several as a tuple). Calling the ABI coder directly rather than
 * encodeFunctionData keeps viem's overload resolver (getAbiItem, 8.5 kB) out of the home page's startup bundle.
 */
export async function callView<const abi extends Abi, name extends ViewName<abi>>(
  client: Client,
  read: ContractRead<abi, name>,
): Promise<ReadResult<abi, name>> {
  // The caller's types are checked against its ABI above; the coder works on any ABI. (TypeScript cannot resolve
  // the generic ContractFunctionArgs to an array, hence Array.isArray rather than a cast.)
  const args: readonly unknown[] = Array.isArray(read.args) ? read.args : [];
  const item = viewItem(read.abi, read.functionName, args.length);
  const data = concatHex([toFunctionSelector(item), encodeAbiParameters(item.inputs, args)]);
  const result = await client.request({ method: "eth_call", params: [{ to: read.address, data }, "latest"] });
  const values = decodeAbiParameters(item.outputs, result);
  // What viem's decodeFunctionResult returns: the value itself for one output, the tuple for several.
  return (values.length === 1 ? values[0] : values.length ? values : undefined) as ReadResult<abi, name>;
}
