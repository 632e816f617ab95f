// The indexer's pure parts, without a chain: which chains it follows, how it decodes proposal calldata, and the
// hash-rate arithmetic.
import { describe, expect, it } from "vitest";
import { encodeFunctionData } from "viem";
import { deployments, MiningPoolAbi, NumiCoin } from "@numi/contracts";
import { chainsToIndex, DEFAULT_LOCAL_RPC } from "../src/chains";
import { decodeCall } from "../src/decode";
import { poolSeries } from "../src/poolSeries";
import { expectedHashes, hashRate } from "../src/stats";

const local = deployments["31337"];
const contracts = local.contracts;
const sepolia = { ...local, chainId: 11155111, name: "sepolia" };

describe("chainsToIndex", () => {
  it("follows the local chain at the default node, or at NUMI_RPC_URL", () => {
    expect(chainsToIndex({ "31337": local }, {}).map((c) => [c.name, c.rpcUrl])).toEqual([
      ["localhost_31337", DEFAULT_LOCAL_RPC],
    ]);
    expect(chainsToIndex({ "31337": local }, { NUMI_RPC_URL: "http://node:8545" })[0]!.rpcUrl).toBe("http://node:8545");
  });

  it("follows another chain only when PONDER_RPC_URL_<chainId> is set", () => {
    const warnings: string[] = [];
    const skipped = chainsToIndex({ "31337": local, "11155111": sepolia }, {}, (m) => warnings.push(m));
    expect(skipped.map((c) => c.chainId)).toEqual([31337]);
    expect(warnings).toEqual([expect.stringContaining("PONDER_RPC_URL_11155111")]);
    const both = chainsToIndex({ "31337": local, "11155111": sepolia }, { PONDER_RPC_URL_11155111: "https://rpc" });
    expect(both.map((c) => [c.chainId, c.rpcUrl])).toEqual([
      [31337, DEFAULT_LOCAL_RPC],
      [11155111, "https://rpc"],
    ]);
  });

  it("refuses to run with nothing to index", () => {
    expect(() => chainsToIndex({ "11155111": sepolia }, {}, () => {})).toThrow(/no chain to index/);
  });
});

describe("decodeCall", () => {
  const setFee = encodeFunctionData({ abi: MiningPoolAbi, functionName: "setFee", args: [250] });

  it("decodes a call to a known contract with its ABI", () => {
    expect(decodeCall(31337, contracts.MiningPool.address.toLowerCase(), setFee)).toEqual({
      contract: "MiningPool",
      signature: "setFee(uint16)",
      functionName: "setFee",
      args: [250],
    });
  });

  it("keeps raw calldata for an unknown target, selector or chain", () => {
    const none = { signature: null, functionName: null, args: null };
    expect(decodeCall(31337, "0x000000000000000000000000000000000000dEaD", setFee)).toEqual({
      contract: null,
      ...none,
    });
    expect(decodeCall(31337, contracts.NumiCoin.address, setFee)).toEqual({ contract: "NumiCoin", ...none });
    expect(decodeCall(1, contracts.MiningPool.address, setFee)).toEqual({ contract: null, ...none });
    expect(decodeCall(31337, contracts.MiningPool.address, "0x")).toEqual({ contract: "MiningPool", ...none });
  });
});

describe("hash rate", () => {
  it("expects 2^256 / (target + 1) hashes per solution", () => {
    expect(expectedHashes(NumiCoin.MAX_TARGET)).toBe(15n); // MAX_TARGET = 2^252: just under 16 hashes
    expect(expectedHashes((1n << 255n) - 1n)).toBe(2n);
  });

  it("divides by the epoch's duration, and has no value without one", () => {
    expect(hashRate((1n << 255n) - 1n, 2n)).toBe(1n);
    expect(hashRate(NumiCoin.MIN_TARGET, 0n)).toBeNull();
    expect(hashRate(NumiCoin.MIN_TARGET, null)).toBeNull();
  });
});

describe("poolSeries", () => {
  const row = (name: string, amount: bigint | null, args: unknown, timestamp: bigint) => ({
    name,
    amount,
    args,
    blockNumber: timestamp,
    timestamp,
  });

  it("keeps total staked from Staked and Withdrawn and the stream from RewardsStreamed", () => {
    const points = poolSeries([
      row("Staked", 5n, { account: "0x1", amount: 5 }, 1n),
      // args keep integers up to 48 bits as numbers, bigger ones as decimal strings
      row("RewardsStreamed", 9n, { amount: 9, fee: 0, rewardRate: "300000000000000000", periodFinish: 400 }, 2n),
      row("RewardPaid", 1n, { account: "0x1", amount: 1 }, 3n), // neither stake nor stream: no point
      row("Withdrawn", 2n, { account: "0x1", amount: 2 }, 4n),
    ]);
    expect(points.map((p) => [p.event, p.timestamp, p.totalStaked, p.rewardRate, p.periodFinish])).toEqual([
      ["Staked", 1n, 5n, 0n, 0n],
      ["RewardsStreamed", 2n, 5n, 300000000000000000n, 400n],
      ["Withdrawn", 4n, 3n, 300000000000000000n, 400n],
    ]);
  });
});
