"use client";
// The proposals the Governance page lists: from the indexer, newest first, paged on the server; without one (or
// while it cannot be reached), from the governor's ProposalCreated logs read incrementally in bounded ranges.
// Live facts come from the chain for the proposals shown: state, tallies, ETA, quorum, and the voter's weight.
import { useState } from "react";
import type { Abi, Address, Client } from "viem";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useClient } from "wagmi";
import { TARGET_CHAIN_ID } from "@/config/chains";
import { contracts } from "@/config/contracts";
import { governanceContracts } from "@/config/governanceContracts";
import { callView } from "@/lib/contractRead";
import { blockTimes } from "@/lib/blockTimes";
import { readIncrementally } from "@/lib/incrementalHistory";
import { readKey } from "@/lib/readKey";
import { describeError } from "@/lib/errors";
import { useReads } from "@/hooks/useReads";
import { useIndexerQuery } from "@/hooks/useIndexerQuery";
import { indexedProposals } from "./fromIndexer";
import { readProposalLogs } from "./fromLogs";
import type { ProposalRecord } from "./proposalRecord";

/** What the governor says about a proposal now. */
export interface LiveFacts {
  state: number;
  eta: bigint;
  /** Against, for, abstain. */
  votes: readonly [bigint, bigint, bigint];
  /** Votes needed (for + abstain), known once the snapshot has passed. */
  quorum?: bigint;
  hasVoted: boolean;
  /** The account's voting power at the snapshot, known once the snapshot has passed. */
  weight?: bigint;
}

export type Proposal = ProposalRecord & LiveFacts;

export type ProposalSource =
  { kind: "indexer" } | { kind: "rpc"; reason: string; from: number; to: number; complete: boolean };

/** Reads the live facts of `records` from the governor, for `account` if given, at chain time `now`. */
export async function readLive(
  client: Client,
  records: readonly ProposalRecord[],
  account: Address | undefined,
  now: bigint,
): Promise<Map<bigint, LiveFacts>> {
  const { governor } = governanceContracts();
  const facts = await Promise.all(
    records.map(async (r) => {
      const past = r.voteStart < now; // quorum and past votes are defined only for a past snapshot
      const [state, votes, eta, quorum, hasVoted, weight] = await Promise.all([
        callView(client, { ...governor, functionName: "state", args: [r.id] }),
        callView(client, { ...governor, functionName: "proposalVotes", args: [r.id] }),
        callView(client, { ...governor, functionName: "proposalEta", args: [r.id] }),
        past ? callView(client, { ...governor, functionName: "quorum", args: [r.voteStart] }) : undefined,
        account ? callView(client, { ...governor, functionName: "hasVoted", args: [r.id, account] }) : false,
        account && past
          ? callView(client, { ...governor, functionName: "getVotes", args: [account, r.voteStart] })
          : undefined,
      ]);
      return [r.id, { state, votes, eta, quorum, hasVoted, weight }] as const;
    }),
  );
  return new Map(facts);
}

const GOVERNOR_ABI = governanceContracts().governor.abi as Abi;

export function useProposals(account: Address | undefined, now: bigint | undefined) {
  const client = useClient({ chainId: TARGET_CHAIN_ID });
  const queryClient = useQueryClient();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];

  const {
    query: indexed,
    problem: indexerProblem,
    otherError,
    retryIndexer,
  } = useIndexerQuery(["proposals", cursor], (signal) => indexedProposals(TARGET_CHAIN_ID, cursor, signal));

  const { governorAddress, fromBlock } = contracts();
  const read = (older: boolean) =>
    readIncrementally(
      `proposals-${TARGET_CHAIN_ID}`,
      client!,
      Number(fromBlock),
      (from, to) => readProposalLogs(client!, governorAddress, GOVERNOR_ABI, from, to),
      { older },
    );
  const fromRpc = useQuery({
    queryKey: readKey(TARGET_CHAIN_ID, "proposals", "rpc"),
    queryFn: async () => {
      const h = await read(false);
      const times = await blockTimes(
        client!,
        h.items.map((r) => r.createdBlock),
      );
      return { ...h, items: h.items.map((r) => ({ ...r, createdAt: times.get(r.createdBlock) })).reverse() };
    },
    enabled: !!client && !!indexerProblem,
  });

  const records = indexerProblem ? (fromRpc.data?.items ?? []) : (indexed.data?.records ?? []);
  const live = useReads(
    ["proposals", "live", account, records.map((r) => r.id.toString()).join()],
    (c) => readLive(c, records, account, now!),
    { enabled: records.length > 0 && now !== undefined },
  );

  const h = fromRpc.data;
  const source: ProposalSource | undefined = !indexerProblem
    ? { kind: "indexer" }
    : h && { kind: "rpc", reason: indexerProblem, from: h.from, to: h.to, complete: h.complete };
  const listError = indexerProblem ? fromRpc.error : otherError;
  // The records as the source has them now (the indexer may have added a date since), with the live facts.
  const proposals: Proposal[] = live.data
    ? records.flatMap((r) => {
        const facts = live.data.get(r.id);
        return facts ? [{ ...r, ...facts }] : [];
      })
    : [];
  return {
    proposals,
    records,
    total: indexerProblem ? records.length : (indexed.data?.total ?? 0),
    source,
    loading: (indexerProblem ? fromRpc.isLoading : indexed.isLoading) || (records.length > 0 && live.isLoading),
    loaded: indexerProblem ? fromRpc.isSuccess : indexed.isSuccess,
    error: listError ? describeError(listError).message : live.isError ? describeError(live.error).message : undefined,
    olderPage: !indexerProblem && indexed.data?.older ? () => setCursors([...cursors, indexed.data!.older]) : undefined,
    newerPage: !indexerProblem && cursors.length > 1 ? () => setCursors(cursors.slice(0, -1)) : undefined,
    loadOlder:
      indexerProblem && h && !h.complete
        ? async () => {
            await read(true);
            await queryClient.invalidateQueries({ queryKey: readKey(TARGET_CHAIN_ID, "proposals", "rpc") });
          }
        : undefined,
    retry: () => {
      retryIndexer();
      void indexed.refetch();
      void fromRpc.refetch();
    },
  };
}
