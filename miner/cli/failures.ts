// Turns any failure of a read or a submission into a named, explained decision, so the miner never crashes on
// a revert or a network hiccup and never throws away a solution that can still be submitted.
import type { Interface } from "ethers";
import type { Failure } from "./failure";
import { classifyRpcFailure } from "./rpcFailures";

export type { Failure, FailureAction } from "./failure";

interface ErrorLike {
  code?: string;
  message?: string;
  shortMessage?: string;
  data?: unknown;
  error?: unknown;
  info?: { error?: unknown };
  cause?: unknown;
  receipt?: { status?: number | null; gasUsed?: bigint } | null;
}

/** Revert data found anywhere in an ethers / provider error chain. */
function revertData(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== "object" || depth > 5) return undefined;
  const e = error as ErrorLike;
  if (typeof e.data === "string" && e.data.startsWith("0x") && e.data.length >= 10) return e.data;
  if (e.data && typeof e.data === "object") {
    const nested = revertData(e.data, depth + 1) ?? (e.data as { data?: unknown }).data;
    if (typeof nested === "string" && nested.startsWith("0x") && nested.length >= 10) return nested;
  }
  return revertData(e.error, depth + 1) ?? revertData(e.info?.error, depth + 1) ?? revertData(e.cause, depth + 1);
}

/** The first line of the error's message (Hardhat's HH108 adds a paragraph of advice), at most 160 characters. */
function text(error: unknown): string {
  const e = (error ?? {}) as ErrorLike;
  const line = String(e.shortMessage ?? e.message ?? error).split("\n")[0];
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/** Classifies `error`, decoding custom errors by name with `iface` (the NumiCoin ABI). */
export function classifyFailure(error: unknown, iface: Interface): Failure {
  const data = revertData(error);
  if (data) {
    let parsed: ReturnType<Interface["parseError"]> = null;
    try {
      parsed = iface.parseError(data);
    } catch {
      parsed = null;
    }
    if (parsed) return fromCustomError(parsed.name, parsed.args.map(String));
  }
  const e = (error ?? {}) as ErrorLike;
  const msg = text(error);
  const lower = `${msg} ${String(e.message ?? "")}`.toLowerCase();
  if (e.code === "INSUFFICIENT_FUNDS" || lower.includes("insufficient funds")) {
    return {
      name: "InsufficientFunds",
      action: "retry",
      message: "the mining account cannot pay for gas: fund it; retrying the same solution",
    };
  }
  if (lower.includes("out of gas") || (e.receipt && e.receipt.status === 0)) {
    return {
      name: "OutOfGas",
      action: "retry",
      message: "the transaction ran out of gas or reverted on chain; retrying with a fresh gas estimate",
    };
  }
  if (e.code === "NONCE_EXPIRED" || e.code === "REPLACEMENT_UNDERPRICED" || lower.includes("nonce too low")) {
    return {
      name: "NonceConflict",
      action: "retry",
      message: "another transaction from this account took the nonce; retrying",
    };
  }
  const transport = classifyRpcFailure(error);
  if (transport) return transport;
  return { name: e.code ?? "Unknown", action: "retry", message: `unexpected failure: ${msg}; retrying` };
}

function fromCustomError(name: string, args: string[]): Failure {
  switch (name) {
    case "ChallengeDigestMismatch":
    case "SolutionAboveTarget":
      return { name, action: "stale", message: `stale solution (${name}): the challenge moved on; mining the new one` };
    case "RewardAlreadyMintedThisBlock":
      // The solution may still be good for the next block (the challenge changes with a reward, and the state
      // re-read before retrying drops the solution if it did): keep it.
      return {
        name,
        action: "retry",
        message: `a reward was already minted in block ${args[0]}; retrying in the next block`,
      };
    case "MiningIsPaused":
      return {
        name,
        action: "wait",
        message: `mining is paused by governance until ${new Date(Number(args[0]) * 1000).toISOString()}; waiting (it resumes with a new challenge)`,
      };
    case "MiningFinished":
      return { name, action: "stop", message: `mining has finished: ${args[0]} of the ${args[1]} cap minted` };
    case "InvalidBeneficiary":
      return { name, action: "stop", message: `invalid beneficiary ${args[0]}` };
    default:
      return { name, action: "retry", message: `reverted with ${name}(${args.join(", ")}); retrying` };
  }
}
