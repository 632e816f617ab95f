// The network fee as the review shows it and the write checks it: lib/fee.ts against a fake node (a viem `custom`
// transport), and lib/feeText.ts's sentence for each case.
import { describe, expect, test } from "vitest";
import {
  ContractFunctionRevertedError,
  createClient,
  custom,
  encodeErrorResult,
  HttpRequestError,
  parseEther,
  parseGwei,
  toHex,
} from "viem";
import { numiAbi } from "@/config/contracts";
import { knownChain } from "@/config/chains";
import { quoteCall, quoteGas, type FeeQuote } from "@/lib/fee";
import { feeView } from "@/lib/feeText";
import { describeError } from "@/lib/errors";
import { allAbis } from "@/config/allAbis";

const ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

interface Node {
  baseFee?: bigint; // absent: a chain without EIP-1559
  priorityFee: bigint;
  gasPrice?: bigint;
  gas: bigint;
  balance: bigint;
  /** eth_estimateGas reverts with this data. */
  revert?: `0x${string}`;
}

/** A client whose node answers the fee, gas and balance requests from `node`, recording each method. */
function fakeClient(node: Node) {
  const methods: string[] = [];
  const request = async ({ method }: { method: string }) => {
    methods.push(method);
    switch (method) {
      case "eth_chainId":
        return toHex(31337);
      case "eth_getBlockByNumber":
        return {
          number: "0x10",
          hash: `0x${"11".repeat(32)}`,
          timestamp: "0x1",
          transactions: [],
          ...(node.baseFee === undefined ? {} : { baseFeePerGas: toHex(node.baseFee) }),
        };
      case "eth_maxPriorityFeePerGas":
        return toHex(node.priorityFee);
      case "eth_gasPrice":
        return toHex(node.gasPrice ?? 0n);
      case "eth_getBalance":
        return toHex(node.balance);
      case "eth_estimateGas":
        if (node.revert) throw Object.assign(new Error("execution reverted"), { code: 3, data: node.revert });
        return toHex(node.gas);
      default:
        throw new Error(`unexpected ${method}`);
    }
  };
  return {
    client: createClient({ chain: knownChain(31337), transport: custom({ request }, { retryCount: 0 }) }),
    methods,
  };
}

const transfer = { address: TOKEN, abi: numiAbi, functionName: "transfer", args: [ALICE, parseEther("5")] } as const;

describe("quoteCall / quoteGas", () => {
  test("at most: gas x (base fee x 1.2 + priority fee); about: gas x (base fee + priority fee); the account's ETH", async () => {
    const { client } = fakeClient({
      baseFee: parseGwei("10"),
      priorityFee: parseGwei("1"),
      gas: 50_000n,
      balance: parseEther("0.3"),
    });
    expect(await quoteCall(client, transfer, ALICE)).toEqual({
      gas: 50_000n,
      fee: 50_000n * parseGwei("13"),
      typical: 50_000n * parseGwei("11"),
      balance: parseEther("0.3"),
    });
  });

  test("a gas figure known ahead is priced without simulating anything", async () => {
    const { client, methods } = fakeClient({
      baseFee: parseGwei("5"),
      priorityFee: parseGwei("2"),
      gas: 0n,
      balance: 1n,
    });
    const quote = await quoteGas(client, 193_076n, ALICE);
    expect(quote).toEqual({
      gas: 193_076n,
      fee: 193_076n * parseGwei("8"),
      typical: 193_076n * parseGwei("7"),
      balance: 1n,
    });
    expect(methods).not.toContain("eth_estimateGas");
  });

  test("a chain without EIP-1559 prices both figures at its gas price", async () => {
    const { client } = fakeClient({ priorityFee: 0n, gasPrice: parseGwei("20"), gas: 21_000n, balance: 0n });
    const quote = await quoteGas(client, 21_000n, ALICE);
    expect(quote.fee).toBe(21_000n * parseGwei("20"));
    expect(quote.typical).toBe(quote.fee);
  });

  test("a call that would revert throws, decoded into the contract's own sentence", async () => {
    const revert = encodeErrorResult({
      abi: numiAbi,
      errorName: "ERC20InsufficientBalance",
      args: [ALICE, parseEther("1"), parseEther("5")],
    });
    const { client } = fakeClient({ baseFee: 1n, priorityFee: 1n, gas: 0n, balance: 0n, revert });
    const err = await quoteCall(client, transfer, ALICE).catch((e: unknown) => e);
    expect(describeError(err, allAbis)).toMatchObject({
      kind: "revert",
      message: "Not enough NUMI: the balance is 1 NUMI and 5 NUMI is needed.",
    });
  });
});

describe("feeView: the review's fee line", () => {
  const quote: FeeQuote = {
    gas: 50_000n,
    fee: parseEther("0.00042"),
    typical: parseEther("0.00031"),
    balance: parseEther("0.5"),
  };

  test("an account that can pay sees about, at most and its ETH, and nothing blocks the confirm button", () => {
    expect(feeView(quote, undefined)).toEqual({
      line: "Network fee: about 0.00031 ETH (at most 0.00042 ETH). Your ETH: 0.5 ETH.",
    });
  });

  test("an account short of ETH is told what it needs and what it has, and the review is blocked", () => {
    const view = feeView({ ...quote, balance: 0n }, undefined);
    expect(view.short).toBe(
      "You need about 0.00042 ETH for the network fee; you have 0 ETH. Add ETH to this account to continue.",
    );
    expect(view.line).toMatch(/Your ETH: 0 ETH\.$/);
  });

  test("the permit review says what its estimate is based on", () => {
    const view = feeView(quote, undefined, "Based on 193,076 gas.");
    expect(view.line).toBe(
      "Network fee: about 0.00031 ETH (at most 0.00042 ETH). Based on 193,076 gas. Your ETH: 0.5 ETH.",
    );
  });

  test("while the estimate is on its way", () => {
    expect(feeView(undefined, undefined)).toEqual({ line: "Network fee: estimating…" });
  });

  test("an RPC that does not answer: said, and the confirm button stays usable (the write checks again)", () => {
    const error = describeError(new HttpRequestError({ url: "http://127.0.0.1:8545", details: "fetch failed" }));
    expect(feeView(undefined, error)).toEqual({
      line: "Network fee: not estimated yet: the network (RPC) did not answer. It is checked again before your wallet opens.",
    });
  });

  test("a simulation that reverts: the fee line says the transaction would fail, and why", () => {
    const data = encodeErrorResult({ abi: numiAbi, errorName: "ERC20InsufficientBalance", args: [ALICE, 0n, 1n] });
    const error = describeError(new ContractFunctionRevertedError({ abi: numiAbi, data, functionName: "transfer" }));
    expect(feeView(undefined, error).line).toMatch(
      /^Network fee: not estimated, because the transaction would fail now: Not enough NUMI: the balance is 0 NUMI/,
    );
    expect(feeView(undefined, error).short).toBeUndefined();
  });

  test("any other failure keeps its own words", () => {
    expect(feeView(undefined, { kind: "unknown", message: "Method not found" }).line).toBe(
      "Network fee: not estimated yet: the estimate failed (Method not found). It is checked again before your wallet opens.",
    );
  });
});
