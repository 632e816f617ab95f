// Contract views through wagmi's client, typed by the ABI; useReads (hooks/useReads.ts) caches and refreshes them.
// On a chain with Multicall3 the views of one refresh leave as one eth_call to its aggregate3; elsewhere (the local
// node) as plain eth_calls, which the transport sends in one JSON-RPC batch (config/wagmi.ts). Providers bill each
// call inside a batch, so Multicall3 is what keeps a refresh at one billed request (docs/rpc-budget.md).
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
  type Hex,
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
  const multicall3 = client.chain?.contracts?.multicall3?.address;
  const result = multicall3
    ? await aggregated(client, multicall3, read.address, data)
    : await client.request({ method: "eth_call", params: [{ to: read.address, data }, "latest"] });
  const values = decodeAbiParameters(item.outputs, result);
  // What viem's decodeFunctionResult returns: the value itself for one output, the tuple for several.
  return (values.length === 1 ? values[0] : values.length ? values : undefined) as ReadResult<abi, name>;
}

/** How long views wait for others of the same refresh before leaving in one aggregate3 (as the transport's batch). */
export const MULTICALL_WAIT_MS = 16;

// aggregate3((address target, bool allowFailure, bytes callData)[]) returns ((bool success, bytes returnData)[]).
const AGGREGATE3_SELECTOR = "0x82ad56cb";
const CALLS = [
  {
    type: "tuple[]",
    components: [
      { name: "target", type: "address" },
      { name: "allowFailure", type: "bool" },
      { name: "callData", type: "bytes" },
    ],
  },
] as const;
const RESULTS = [
  {
    type: "tuple[]",
    components: [
      { name: "success", type: "bool" },
      { name: "returnData", type: "bytes" },
    ],
  },
] as const;

interface Pending {
  target: Address;
  callData: Hex;
  resolve: (data: Hex) => void;
  reject: (error: unknown) => void;
}

const queues = new WeakMap<Client, Pending[]>();

/** A view's return data, read through one shared aggregate3 call with the views queued in the same 16 ms. */
function aggregated(client: Client, multicall3: Address, target: Address, callData: Hex): Promise<Hex> {
  return new Promise((resolve, reject) => {
    const queue = queues.get(client) ?? [];
    if (!queue.length) {
      queues.set(client, queue);
      setTimeout(() => {
        queues.delete(client);
        void flush(client, multicall3, queue);
      }, MULTICALL_WAIT_MS);
    }
    queue.push({ target, callData, resolve, reject });
  });
}

async function flush(client: Client, multicall3: Address, queue: Pending[]) {
  try {
    // allowFailure on every call: one reverting view fails its own read, not the others.
    const calls = queue.map((p) => ({ target: p.target, allowFailure: true, callData: p.callData }));
    const data = concatHex([AGGREGATE3_SELECTOR, encodeAbiParameters(CALLS, [calls])]);
    const raw = await client.request({ method: "eth_call", params: [{ to: multicall3, data }, "latest"] });
    const [results] = decodeAbiParameters(RESULTS, raw);
    queue.forEach((p, i) => {
      const r = results[i];
      if (r?.success) p.resolve(r.returnData);
      // The revert data rides on the error as an RPC error's would, so describeError decodes it the same way.
      else p.reject(Object.assign(new Error("The view reverted"), { data: r?.returnData ?? "0x" }));
    });
  } catch (error) {
    for (const p of queue) p.reject(error);
  }
}
