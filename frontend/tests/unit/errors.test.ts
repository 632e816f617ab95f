import { describe, expect, test } from "vitest";
import {
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  HttpRequestError,
  UserRejectedRequestError,
  encodeErrorResult,
  parseEther,
  type Abi,
  type EncodeErrorResultParameters,
} from "viem";
import { numiAbi, poolAbi } from "@/config/contracts";
import { governorAbi } from "@/config/governanceContracts";
import { allAbis } from "@/config/allAbis";
import { ERROR_SENTENCES, decodeRevert, describeError } from "@/lib/errors";

const abis: readonly Abi[] = allAbis;
const ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

function reverted(abi: Abi, data: `0x${string}`, functionName: string) {
  const cause = new ContractFunctionRevertedError({ abi, data, functionName });
  return new ContractFunctionExecutionError(cause, { abi, functionName, args: [], contractAddress: ALICE });
}

describe("describeError", () => {
  test("a user rejection is a neutral 'cancelled', not a failure", () => {
    const err = new UserRejectedRequestError(new Error("User rejected the request."));
    expect(describeError(err, abis)).toEqual({
      kind: "cancelled",
      message: "Cancelled in the wallet. Nothing was sent.",
    });
  });

  test("an EIP-1193 4001 object from any wallet is also 'cancelled'", () => {
    expect(describeError({ code: 4001, message: "denied" }, abis).kind).toBe("cancelled");
  });

  test("decodes the called contract's own custom error with its numbers", () => {
    const data = encodeErrorResult({
      abi: poolAbi,
      errorName: "InsufficientStake",
      args: [ALICE, parseEther("1"), parseEther("2.5")],
    });
    const d = describeError(reverted(poolAbi as Abi, data, "withdraw"), abis);
    expect(d).toEqual({
      kind: "revert",
      errorName: "InsufficientStake",
      message: "You have 1 NUMI staked and asked to withdraw 2.5 NUMI.",
    });
  });

  test("names the pool's minimum position when a stake or withdraw would leave less (StakeBelowMinimum)", () => {
    const data = encodeErrorResult({
      abi: poolAbi,
      errorName: "StakeBelowMinimum",
      args: [parseEther("0.25"), parseEther("1")],
    });
    expect(describeError(reverted(poolAbi as Abi, data, "withdraw"), abis)).toEqual({
      kind: "revert",
      errorName: "StakeBelowMinimum",
      message:
        "A pool position is 0 or at least 1 NUMI; this one would be 0.25 NUMI. Stake more, or withdraw all of it.",
    });
  });

  test("decodes a nested call's error (the token's, raised inside a pool call) against all ABIs", () => {
    const data = encodeErrorResult({
      abi: numiAbi,
      errorName: "ERC20InsufficientBalance",
      args: [ALICE, parseEther("3"), parseEther("4")],
    });
    const d = describeError(reverted(poolAbi as Abi, data, "stake"), abis);
    expect(d.errorName).toBe("ERC20InsufficientBalance");
    expect(d.message).toBe("Not enough NUMI: the balance is 3 NUMI and 4 NUMI is needed.");
  });

  test("decodes raw revert data found deep in an RPC error's cause chain", () => {
    const data = encodeErrorResult({ abi: governorAbi, errorName: "GovernorAlreadyCastVote", args: [ALICE] });
    const rpcError = { message: "execution reverted", cause: { code: 3, data: { data } } };
    expect(describeError(rpcError, abis)).toMatchObject({
      kind: "revert",
      errorName: "GovernorAlreadyCastVote",
      message: "This account has already voted on this proposal.",
    });
  });

  test("mining errors read as plain sentences", () => {
    const data = encodeErrorResult({ abi: numiAbi, errorName: "RewardAlreadyMintedThisBlock", args: [42n] });
    expect(describeError(reverted(numiAbi as Abi, data, "mint"), abis).message).toBe(
      "A reward was already minted in block 42. Try again in the next block.",
    );
  });

  test("an RPC outage is a network error the app retries", () => {
    const err = new HttpRequestError({ url: "http://127.0.0.1:8545", status: 502, body: { method: "eth_call" } });
    expect(describeError(err, abis).kind).toBe("network");
  });

  test("an unknown selector falls back to a generic sentence, never to success", () => {
    const d = describeError({ message: "boom", cause: { data: "0xdeadbeef" } }, abis);
    expect(d.kind).toBe("unknown");
    expect(d.message).toBe("boom");
  });
});

describe("decodeRevert", () => {
  test("returns undefined for empty data", () => {
    expect(decodeRevert("0x", abis)).toBeUndefined();
  });

  test("every custom error in every deployed ABI decodes and has a sentence or a named fallback", () => {
    const errors = abis.flatMap((abi) => abi.filter((x) => x.type === "error").map((e) => ({ abi, e })));
    expect(errors.length).toBeGreaterThan(40);
    for (const { abi, e } of errors) {
      if (e.type !== "error") continue;
      const args = e.inputs.map((i) =>
        i.type === "address"
          ? ALICE
          : i.type === "bool"
            ? true
            : i.type === "string"
              ? "x"
              : i.type.startsWith("bytes")
                ? `0x${"11".repeat(Number(i.type.slice(5)) || 32)}`
                : 1n,
      );
      const error: EncodeErrorResultParameters = { abi, errorName: e.name, args };
      const data = encodeErrorResult(error);
      expect(decodeRevert(data, abis)?.errorName).toBe(e.name);
    }
  });

  test("every error a user can meet in the pool and the token's mining has its own sentence", () => {
    for (const name of [
      "ChallengeDigestMismatch",
      "SolutionAboveTarget",
      "MiningIsPaused",
      "ZeroAmount",
      "StakingIsPaused",
      "NothingToClaim",
      "PermitFailed",
      "ERC2612ExpiredSignature",
      "GovernorInsufficientProposerVotes",
    ]) {
      expect(ERROR_SENTENCES[name], name).toBeTypeOf("function");
    }
  });

  test("the bounds of governance explain themselves: pauses say when they end, fixed powers say they are fixed", () => {
    const until = 1_800_000_000n; // 2027-01-15 08:00 UTC
    const date = new Date(Number(until) * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
    expect(ERROR_SENTENCES.MiningIsPaused([until])).toContain(`until ${date}`);
    expect(ERROR_SENTENCES.StakingIsPaused([until])).toContain(`until ${date}`);
    expect(ERROR_SENTENCES.MiningPauseCoolingDown([until])).toContain(`before ${date}`);
    expect(ERROR_SENTENCES.StakingPauseCoolingDown([until])).toContain(`before ${date}`);
    for (const name of ["PoolIsFixed", "OwnershipIsFinal", "RolesFrozen", "TimelockIsFixed"]) {
      expect(ERROR_SENTENCES[name]([]), name).toMatch(/fixed|for good|frozen/);
    }
    expect(ERROR_SENTENCES.GovernanceNotLive([50n * 10n ** 18n, 210_000n * 10n ** 18n])).toBe(
      "Proposals open once 210,000 NUMI has been mined; 50 NUMI so far.",
    );
    expect(ERROR_SENTENCES.DelayOutOfBounds([0n, 172_800n, 2_592_000n])).toBe(
      "A timelock delay of 0 s is outside the allowed 172800–2592000 s.",
    );
  });
});
