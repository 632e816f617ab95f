import { afterEach, describe, expect, it, vi } from "vitest";
import {
  decodeAbiParameters,
  decodeFunctionResult,
  encodeAbiParameters,
  encodeErrorResult,
  encodeFunctionData,
  type Client,
  type Hex,
} from "viem";
import { mainnet } from "viem/chains";
import { NumiCoinAbi as numiCoinAbi } from "@numi/contracts/abi/NumiCoin";
import { callView, MULTICALL_WAIT_MS, viewItem } from "@/lib/contractRead";
import { describeError } from "@/lib/errors";

const TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const HOLDER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

/** A client whose one RPC answer is fixed, recording the request it got. */
function clientAnswering(result: `0x${string}`) {
  const calls: { method: string; params: unknown }[] = [];
  const client = {
    request: async (req: { method: string; params: unknown }) => {
      calls.push(req);
      return result;
    },
  } as unknown as Client;
  return { client, calls };
}

describe("callView", () => {
  it("sends exactly the calldata viem's encodeFunctionData builds, at the latest block", async () => {
    const { client, calls } = clientAnswering(encodeAbiParameters([{ type: "uint256" }], [1234n]));
    await callView(client, { address: TOKEN, abi: numiCoinAbi, functionName: "balanceOf", args: [HOLDER] });
    const expected = encodeFunctionData({ abi: numiCoinAbi, functionName: "balanceOf", args: [HOLDER] });
    expect(calls).toEqual([{ method: "eth_call", params: [{ to: TOKEN, data: expected }, "latest"] }]);
  });

  it("returns one output as itself, like decodeFunctionResult", async () => {
    const data = encodeAbiParameters([{ type: "uint256" }], [1234n]);
    const { client } = clientAnswering(data);
    const value = await callView(client, { address: TOKEN, abi: numiCoinAbi, functionName: "totalSupply" });
    expect(value).toBe(1234n);
    expect(value).toEqual(decodeFunctionResult({ abi: numiCoinAbi, functionName: "totalSupply", data }));
  });

  it("returns several outputs as the tuple decodeFunctionResult returns", async () => {
    const item = viewItem(numiCoinAbi, "eip712Domain", 0);
    expect(item.outputs.length).toBeGreaterThan(1);
    const values = ["0x0f", "NumiCoin", "1", 31337n, TOKEN, `0x${"00".repeat(32)}`, []] as const;
    const data = encodeAbiParameters(item.outputs, values);
    const { client } = clientAnswering(data);
    const decoded = await callView(client, { address: TOKEN, abi: numiCoinAbi, functionName: "eip712Domain" });
    expect(decoded).toEqual(decodeFunctionResult({ abi: numiCoinAbi, functionName: "eip712Domain", data }));
  });
});

describe("callView on a chain with Multicall3", () => {
  afterEach(() => vi.useRealTimers());
  const MULTICALL3 = mainnet.contracts.multicall3.address;
  const CALLS = [{ type: "tuple[]", components: [{ type: "address" }, { type: "bool" }, { type: "bytes" }] }] as const;
  const RESULTS = [{ type: "tuple[]", components: [{ type: "bool" }, { type: "bytes" }] }] as const;

  /** A mainnet client whose aggregate3 answers the given (success, returnData) pairs, recording its requests. */
  function multicallClient(results: readonly (readonly [boolean, Hex])[]) {
    const calls: { method: string; params: [{ to: string; data: Hex }, string] }[] = [];
    const client = {
      chain: mainnet,
      request: async (req: (typeof calls)[number]) => {
        calls.push(req);
        return encodeAbiParameters(RESULTS, [results]);
      },
    } as unknown as Client;
    return { client, calls };
  }

  it("sends the views of one refresh as one aggregate3 call, each allowed to fail, and decodes each", async () => {
    vi.useFakeTimers();
    const { client, calls } = multicallClient([
      [true, encodeAbiParameters([{ type: "uint256" }], [7n])],
      [true, encodeAbiParameters([{ type: "uint256" }], [9n])],
    ]);
    const both = Promise.all([
      callView(client, { address: TOKEN, abi: numiCoinAbi, functionName: "balanceOf", args: [HOLDER] }),
      callView(client, { address: TOKEN, abi: numiCoinAbi, functionName: "totalSupply" }),
    ]);
    await vi.advanceTimersByTimeAsync(MULTICALL_WAIT_MS);
    expect(await both).toEqual([7n, 9n]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe("eth_call");
    expect(calls[0]!.params[0].to).toBe(MULTICALL3);
    expect(calls[0]!.params[0].data.slice(0, 10)).toBe("0x82ad56cb");
    const [sent] = decodeAbiParameters(CALLS, `0x${calls[0]!.params[0].data.slice(10)}`);
    expect(sent).toEqual([
      [TOKEN, true, encodeFunctionData({ abi: numiCoinAbi, functionName: "balanceOf", args: [HOLDER] })],
      [TOKEN, true, encodeFunctionData({ abi: numiCoinAbi, functionName: "totalSupply" })],
    ]);
  });

  it("fails only the view that reverted, with revert data describeError decodes", async () => {
    vi.useFakeTimers();
    const revert = encodeErrorResult({
      abi: numiCoinAbi,
      errorName: "ERC20InsufficientBalance",
      args: [HOLDER, 1n, 2n],
    });
    const { client } = multicallClient([
      [false, revert],
      [true, encodeAbiParameters([{ type: "uint256" }], [9n])],
    ]);
    const settled = Promise.allSettled([
      callView(client, { address: TOKEN, abi: numiCoinAbi, functionName: "balanceOf", args: [HOLDER] }),
      callView(client, { address: TOKEN, abi: numiCoinAbi, functionName: "totalSupply" }),
    ]);
    await vi.advanceTimersByTimeAsync(MULTICALL_WAIT_MS);
    const [failed, ok] = await settled;
    expect(ok).toEqual({ status: "fulfilled", value: 9n });
    expect(failed.status).toBe("rejected");
    const reason = (failed as PromiseRejectedResult).reason;
    expect(reason.data).toBe(revert);
    expect(describeError(reason, [numiCoinAbi])).toMatchObject({
      kind: "revert",
      errorName: "ERC20InsufficientBalance",
    });
  });
});

describe("viewItem", () => {
  it("finds a view by name and argument count", () => {
    expect(viewItem(numiCoinAbi, "balanceOf", 1).inputs[0]?.type).toBe("address");
  });

  it("names a view the ABI does not have, or not with that many arguments", () => {
    expect(() => viewItem(numiCoinAbi, "balanceOf", 2)).toThrow(
      "balanceOf with 2 argument(s) is not in the contract's ABI",
    );
    expect(() => viewItem(numiCoinAbi, "noSuchView", 0)).toThrow("noSuchView with 0 argument(s) is not");
  });

  it("refuses to guess between two entries of the same name and arity", () => {
    const overloaded = [
      { type: "function", name: "f", stateMutability: "view", inputs: [{ type: "uint256" }], outputs: [] },
      { type: "function", name: "f", stateMutability: "view", inputs: [{ type: "address" }], outputs: [] },
    ] as const;
    expect(() => viewItem(overloaded, "f", 1)).toThrow("f with 1 argument(s) is ambiguous in the contract's ABI");
  });
});
