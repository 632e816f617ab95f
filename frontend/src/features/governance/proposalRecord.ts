// A proposal as it was made, and the dates of what happened to it, whichever source it came from (the indexer or
// the governor's ProposalCreated logs). Live facts (state, tallies, quorum, your votes) are read from the chain.
import type { Address, Hex } from "viem";

export interface ProposalRecord {
  id: bigint;
  proposer: Address;
  /** The full text the proposer wrote: its first line is the title. */
  description: string;
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  /** The snapshot and the end of voting, in seconds (the token's clock is timestamps). */
  voteStart: bigint;
  voteEnd: bigint;
  createdBlock: bigint;
  createdTx: Hex;
  /** Block times (seconds) of the proposal's events, when the source knows them. */
  createdAt?: number;
  queuedAt?: number;
  executedAt?: number;
  canceledAt?: number;
}

/** The title (first line, without a Markdown heading mark) and the rest of a description. */
export function splitDescription(description: string): { title: string; body: string } {
  const text = description.replace(/\r\n?/g, "\n").trim();
  const newline = text.indexOf("\n");
  const first = newline < 0 ? text : text.slice(0, newline);
  return {
    title: first.replace(/^#+\s*/, "").trim() || "(untitled)",
    body: newline < 0 ? "" : text.slice(newline + 1).trim(),
  };
}
