// Turns whatever a wallet, an RPC or a contract threw into one plain sentence. Custom errors are decoded
// against every ABI the app knows, because a revert often comes from a nested call (the token inside a
// pool stake, a target inside a governor execution) whose ABI the called contract does not carry.
import { BaseError, decodeErrorResult, type Abi, type Hex } from "viem";
import { formatAmount } from "./amount";
import { when as formatWhen } from "./format";

export type ErrorKind = "cancelled" | "revert" | "network" | "wrong-chain" | "funds" | "unknown";
export interface DescribedError {
  kind: ErrorKind;
  message: string;
  /** The custom error's name, when the failure was a decoded revert. */
  errorName?: string;
}

type Args = readonly unknown[];
const amt = (v: unknown) => `${formatAmount(BigInt(v as bigint), 18, 6)} NUMI`;
const pct = (bps: unknown) => `${Number(bps) / 100}%`;
const when = (seconds: unknown) => formatWhen(BigInt(seconds as bigint));

/** A sentence for every custom error users can meet; the name is the fallback for the rest. */
export const ERROR_SENTENCES: Record<string, (a: Args) => string> = {
  // NumiCoin: mining
  ChallengeDigestMismatch: () =>
    "The challenge changed before your solution arrived (someone else mined this block). Mining restarts on the new challenge.",
  SolutionAboveTarget: () =>
    "This solution is not good enough for the current difficulty: the work is stale. Mining restarts on the new challenge.",
  RewardAlreadyMintedThisBlock: (a) => `A reward was already minted in block ${a[0]}. Try again in the next block.`,
  MiningIsPaused: (a) =>
    `Governance has paused mining until ${when(a[0])}; it then resumes on its own. Transfers, staking and voting still work.`,
  MiningPauseCoolingDown: (a) => `Mining was paused recently; governance cannot pause it again before ${when(a[0])}.`,
  PoolIsFixed: () => "The staking pool is fixed since deployment: no proposal can change where the pool share goes.",
  MiningPauseUnchanged: (a) => `Mining is already ${a[0] ? "paused" : "running"}.`,
  MiningFinished: () => "Mining has finished: the emission schedule is complete.",
  InvalidBeneficiary: () => "The reward needs a non-zero beneficiary address.",
  PoolShareTooHigh: (a) => `A pool share of ${pct(a[0])} is above the ${pct(a[1])} maximum.`,
  InvalidPool: (a) => `${a[0]} is not a pool that stakes NUMI.`,
  // ERC-20 / permit / votes
  ERC20InsufficientBalance: (a) => `Not enough NUMI: the balance is ${amt(a[1])} and ${amt(a[2])} is needed.`,
  ERC20InsufficientAllowance: (a) =>
    `The approval is too small: ${amt(a[1])} approved, ${amt(a[2])} needed. Approve again.`,
  ERC20InvalidReceiver: () => "Tokens cannot be sent to the zero address.",
  ERC20InvalidSender: () => "The sender address is invalid.",
  ERC20InvalidSpender: () => "The spender address is invalid.",
  ERC2612ExpiredSignature: () => "The permit signature expired. Sign a new one.",
  ERC2612InvalidSigner: () => "The permit was signed by a different account than the one staking.",
  InvalidAccountNonce: () => "The signature's nonce is out of date. Sign again.",
  VotesExpiredSignature: () => "The delegation signature expired. Sign again.",
  ERC5805FutureLookup: () => "That voting snapshot is in the future; wait for it to pass.",
  // MiningPool
  ZeroAmount: () => "The amount must be greater than zero.",
  StakingIsPaused: (a) => `Governance has paused new stakes until ${when(a[0])}. Withdraw, claim and exit still work.`,
  StakingPauseCoolingDown: (a) =>
    `New stakes were paused recently; governance cannot pause them again before ${when(a[0])}.`,
  OwnershipIsFinal: () =>
    "Ownership belongs to the governance timelock for good: it can be neither transferred nor renounced.",
  InsufficientStake: (a) => `You have ${amt(a[1])} staked and asked to withdraw ${amt(a[2])}.`,
  StakeBelowMinimum: (a) =>
    `A pool position is 0 or at least ${amt(a[1])}; this one would be ${amt(a[0])}. Stake more, or withdraw all of it.`,
  NothingToClaim: () => "You have no reward to claim yet.",
  PermitFailed: (a) => `The permit failed and the allowance (${amt(a[0])}) does not cover ${amt(a[1])}.`,
  FeeTooHigh: (a) => `A fee of ${pct(a[0])} is above the ${pct(a[1])} maximum.`,
  InvalidTreasury: () => "The treasury must be a non-zero address other than the pool.",
  CannotSweepStakingToken: () => "NUMI held by the pool belongs to stakers and can never be swept.",
  InvalidRecipient: () => "Sweeping to the zero address is refused.",
  StakingPauseUnchanged: (a) => `Staking is already ${a[0] ? "paused" : "open"}.`,
  OwnableUnauthorizedAccount: () => "Only governance (the timelock) may do this: create a proposal instead.",
  ReentrancyGuardReentrantCall: () => "The pool refused a re-entrant call.",
  SafeERC20FailedOperation: () => "The token transfer failed.",
  // Governor / timelock
  GovernanceNotLive: (a) => `Proposals open once ${amt(a[1])} has been mined; ${amt(a[0])} so far.`,
  SettingOutOfBounds: (a) =>
    `${a[0]} is outside what governance may set: between ${a[1]} (the launch value) and ${a[2]}.`,
  TimelockIsFixed: () => "The governor's timelock is fixed: it owns the token and the pool for good.",
  DelayOutOfBounds: (a) => `A timelock delay of ${a[0]} s is outside the allowed ${a[1]}–${a[2]} s.`,
  RolesFrozen: () =>
    "The timelock's roles are frozen since deployment: no proposal can change who proposes or executes.",
  GovernorAlreadyCastVote: () => "This account has already voted on this proposal.",
  GovernorInsufficientProposerVotes: (a) =>
    `Proposing needs ${amt(a[2])} of votes; you have ${amt(a[1])}. Delegate to yourself first.`,
  GovernorNonexistentProposal: () => "There is no such proposal.",
  GovernorUnexpectedProposalState: () => "The proposal is not in a state that allows this yet (check its countdown).",
  GovernorInvalidVoteType: () => "Choose for, against or abstain.",
  GovernorInvalidProposalLength: () => "The proposal's targets, values and calldatas do not line up.",
  GovernorRestrictedProposer: () => "This proposer is not allowed to submit that description.",
  GovernorOnlyExecutor: () => "Only the timelock can do this.",
  TimelockUnexpectedOperationState: () => "The timelock operation is not ready: wait for the delay to pass.",
  TimelockUnexecutedPredecessor: () => "An earlier timelock operation must be executed first.",
  TimelockInsufficientDelay: () => "The timelock delay is too short.",
  FailedCall: () => "The governed call reverted when executed.",
};

export function sentenceFor(errorName: string, args: Args = []): string {
  const make = ERROR_SENTENCES[errorName];
  return make ? make(args) : `The contract refused the transaction (${errorName}).`;
}

/** Decodes raw revert data against all known ABIs; undefined when no ABI has that selector. */
export function decodeRevert(data: Hex, abis: readonly Abi[]): { errorName: string; args: Args } | undefined {
  if (!data || data === "0x") return undefined;
  for (const abi of abis) {
    try {
      const decoded = decodeErrorResult({ abi, data });
      return { errorName: decoded.errorName, args: (decoded.args ?? []) as Args };
    } catch {
      // not in this ABI: try the next
    }
  }
  return undefined;
}

function findRevertData(err: unknown): Hex | undefined {
  let cur: unknown = err;
  for (let depth = 0; cur && depth < 12; depth++) {
    const e = cur as { data?: unknown; raw?: unknown; cause?: unknown };
    if (typeof e.raw === "string" && e.raw.startsWith("0x")) return e.raw as Hex;
    if (typeof e.data === "string" && e.data.startsWith("0x")) return e.data as Hex;
    if (e.data && typeof e.data === "object" && typeof (e.data as { data?: unknown }).data === "string") {
      return (e.data as { data: Hex }).data;
    }
    cur = e.cause;
  }
  return undefined;
}

function chain(err: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  let cur: unknown = err;
  for (let depth = 0; cur && typeof cur === "object" && depth < 12; depth++) {
    out.push(cur as Record<string, unknown>);
    cur = (cur as { cause?: unknown }).cause;
  }
  return out;
}

/** One plain sentence for any failure of a read, a simulation, a signature or a transaction. */
export function describeError(err: unknown, abis: readonly Abi[] = []): DescribedError {
  const links = chain(err);
  if (
    links.some(
      (e) =>
        e.code === 4001 ||
        e.name === "UserRejectedRequestError" ||
        /user (rejected|denied)/i.test(String(e.message ?? "")),
    )
  ) {
    return { kind: "cancelled", message: "Cancelled in the wallet. Nothing was sent." };
  }
  if (links.some((e) => e.name === "ChainMismatchError" || e.name === "SwitchChainNotSupportedError")) {
    return { kind: "wrong-chain", message: "The wallet is on another network. Switch networks and try again." };
  }
  for (const e of links) {
    const data = e.data as { errorName?: string; args?: Args } | undefined;
    if (e.name === "ContractFunctionRevertedError" && data?.errorName && data.errorName !== "Error") {
      return { kind: "revert", errorName: data.errorName, message: sentenceFor(data.errorName, data.args ?? []) };
    }
  }
  const raw = findRevertData(err);
  if (raw) {
    const decoded = decodeRevert(raw, abis);
    if (decoded)
      return { kind: "revert", errorName: decoded.errorName, message: sentenceFor(decoded.errorName, decoded.args) };
  }
  const reason = links.map((e) => e.reason).find((r): r is string => typeof r === "string" && r.length > 0);
  if (reason) return { kind: "revert", message: `The contract refused the transaction: ${reason}.` };
  if (
    links.some(
      (e) =>
        ["HttpRequestError", "TimeoutError", "WebSocketRequestError", "RpcRequestError"].includes(String(e.name)) ||
        /fetch|network|ECONNREFUSED/i.test(String(e.message ?? "")),
    )
  ) {
    return {
      kind: "network",
      message: "The network (RPC) did not answer. Check your connection; the app retries by itself.",
    };
  }
  // Wallets often throw plain objects ({ code, message }), not Error instances.
  const plain =
    typeof (err as { message?: unknown })?.message === "string" ? (err as { message: string }).message : String(err);
  const short = err instanceof BaseError ? err.shortMessage : plain;
  return { kind: "unknown", message: short || "Something went wrong." };
}
