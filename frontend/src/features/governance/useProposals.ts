"use client";
// Proposals come from ProposalCreated events since the deployment block, their state and votes from the governor.
import type { Address, Hex } from "viem";
import { getContractEvents } from "viem/actions";
import { contracts } from "@/config/contracts";
import { governanceContracts } from "@/config/governanceContracts";
import { callView } from "@/lib/contractRead";
import { useReads } from "@/hooks/useReads";

export interface Proposal {
  id: bigint;
  proposer: Address;
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  description: string;
  state: number;
  snapshot: bigint;
  deadline: bigint;
  eta: bigint;
  votes: readonly [bigint, bigint, bigint];
  hasVoted: boolean;
}

/** Every proposal, newest first, with whether `account` has voted on it. */
export function useProposals(account?: Address) {
  const { fromBlock } = contracts();
  const { governor } = governanceContracts();
  return useReads(["proposals", account], async (client) => {
    const logs = await getContractEvents(client, {
      ...governor,
      eventName: "ProposalCreated",
      fromBlock,
      strict: true,
    });
    const list: Proposal[] = [];
    for (const { args: a } of logs) {
      const id = a.proposalId;
      const [state, snapshot, deadline, eta, votes, hasVoted] = await Promise.all([
        callView(client, { ...governor, functionName: "state", args: [id] }),
        callView(client, { ...governor, functionName: "proposalSnapshot", args: [id] }),
        callView(client, { ...governor, functionName: "proposalDeadline", args: [id] }),
        callView(client, { ...governor, functionName: "proposalEta", args: [id] }),
        callView(client, { ...governor, functionName: "proposalVotes", args: [id] }),
        account
          ? callView(client, { ...governor, functionName: "hasVoted", args: [id, account] })
          : Promise.resolve(false),
      ]);
      list.push({
        id,
        proposer: a.proposer,
        targets: a.targets,
        values: a.values,
        calldatas: a.calldatas,
        description: a.description,
        state,
        snapshot,
        deadline,
        eta,
        votes,
        hasVoted,
      });
    }
    return list.reverse(); // newest first
  });
}
