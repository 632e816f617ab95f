// One line of an account's history, whichever source it came from (the indexer or the RPC's logs), and the
// words it is shown with.
import type { Address, Hex } from "viem";
import { numi } from "@/lib/format";
import { shortAddress } from "@/lib/shortAddress";

export const ACTIVITY_KINDS = [
  "sent",
  "received",
  "mined",
  "staked",
  "withdrew",
  "claimed",
  "approved",
  "delegated",
  "proposed",
  "voted",
  "queued",
  "executed",
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityEntry {
  /** Unique per row: transaction hash, log index and kind. */
  id: string;
  kind: ActivityKind;
  amount?: bigint;
  counterparty?: Address;
  proposalId?: bigint;
  /** VoteCast's support: 0 against, 1 for, 2 abstain. */
  support?: number;
  blockNumber: bigint;
  /** Block time in Unix seconds, when known. */
  timestamp?: number;
  txHash: Hex;
  logIndex: number;
}

const LABELS: Record<ActivityKind, string> = {
  sent: "Sent",
  received: "Received",
  mined: "Mined",
  staked: "Staked",
  withdrew: "Withdrew",
  claimed: "Claimed",
  approved: "Approved",
  delegated: "Delegated",
  proposed: "Proposed",
  voted: "Voted",
  queued: "Queued",
  executed: "Executed",
};

const SUPPORT = ["against", "for", "abstain"];
const UNLIMITED = 2n ** 255n;

/** "Proposal 1234…5678": proposal ids are 256-bit hashes, shown by their ends. */
export function shortProposalId(id: bigint): string {
  const s = id.toString();
  return s.length > 12 ? `${s.slice(0, 4)}…${s.slice(-4)}` : s;
}

/** The label and one line of details of an entry; `names` gives known addresses their names (the pool, …). */
export function describeEntry(
  e: ActivityEntry,
  names: Record<string, string> = {},
): { label: string; detail: string; amount?: string } {
  const who = (a?: Address) => (a ? (names[a.toLowerCase()] ?? shortAddress(a)) : "");
  const amount = e.amount === undefined ? undefined : numi(e.amount);
  const proposal = e.proposalId === undefined ? "" : `proposal ${shortProposalId(e.proposalId)}`;
  const label = LABELS[e.kind];
  switch (e.kind) {
    case "sent":
      return { label, amount, detail: `to ${who(e.counterparty)}` };
    case "received":
      return { label, amount, detail: `from ${who(e.counterparty)}` };
    case "mined":
      return { label, amount, detail: e.counterparty ? `reward, mined by ${who(e.counterparty)}` : "reward" };
    case "staked":
    case "withdrew":
      return { label, amount, detail: e.kind === "staked" ? "into the pool" : "from the pool" };
    case "claimed":
      return { label, amount, detail: "pool rewards" };
    case "approved":
      return {
        label,
        amount: e.amount !== undefined && e.amount >= UNLIMITED ? "unlimited" : amount,
        detail: `for ${who(e.counterparty)} to spend`,
      };
    case "delegated":
      return { label, detail: `votes to ${who(e.counterparty)}` };
    case "voted": {
      const side = e.support === undefined ? "" : `${SUPPORT[e.support] ?? e.support} `;
      return { label, amount, detail: `${side}on ${proposal}`.trim() };
    }
    case "proposed":
    case "queued":
    case "executed":
      return { label, detail: proposal };
  }
}
