// Proposals from the indexer, newest first, with their actions and the times of their events (docs/indexer.md).
import type { Address, Hex } from "viem";
import { indexedBlockIn, indexerQuery, META_FIELD, type Meta } from "@/lib/indexer";
import type { ProposalRecord } from "./proposalRecord";

export const PROPOSALS_PAGE = 10;

interface Row {
  id: string;
  proposer: Address;
  description: string;
  voteStart: string;
  voteEnd: string;
  createdAt: string;
  createdBlock: string;
  createdTx: Hex;
  queuedAt: string | null;
  executedAt: string | null;
  canceledAt: string | null;
}
interface ActionRow {
  proposalId: string;
  index: number;
  target: Address;
  value: string;
  calldata: Hex;
}

const PROPOSALS = `query Proposals($chainId: Int!, $limit: Int!, $after: String) {
  proposals(where: { chainId: $chainId }, orderBy: "createdBlock", orderDirection: "desc", limit: $limit, after: $after) {
    items { id proposer description voteStart voteEnd createdAt createdBlock createdTx queuedAt executedAt canceledAt }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
  ${META_FIELD}
}`;
const ACTIONS = `query Actions($chainId: Int!, $ids: [BigInt!]) {
  proposalActions(where: { chainId: $chainId, proposalId_in: $ids }, orderBy: "index", orderDirection: "asc", limit: 1000) {
    items { proposalId index target value calldata }
  }
}`;

const time = (v: string | null) => (v === null ? undefined : Number(v));

/** A page of proposals (after `cursor`, the next older page) with every action of each. */
export async function indexedProposals(
  chainId: number,
  cursor?: string,
  signal?: AbortSignal,
): Promise<{ records: ProposalRecord[]; total: number; older?: string; indexedBlock?: number }> {
  const { proposals, _meta } = await indexerQuery<{
    _meta: Meta;
    proposals: { items: Row[]; pageInfo: { hasNextPage: boolean; endCursor?: string }; totalCount: number };
  }>(PROPOSALS, { chainId, limit: PROPOSALS_PAGE, after: cursor }, signal);
  const ids = proposals.items.map((p) => p.id);
  const actions = ids.length
    ? (await indexerQuery<{ proposalActions: { items: ActionRow[] } }>(ACTIONS, { chainId, ids }, signal))
        .proposalActions.items
    : [];
  const records = proposals.items.map((p): ProposalRecord => {
    const own = actions.filter((a) => a.proposalId === p.id).sort((a, b) => a.index - b.index);
    return {
      id: BigInt(p.id),
      proposer: p.proposer,
      description: p.description,
      targets: own.map((a) => a.target),
      values: own.map((a) => BigInt(a.value)),
      calldatas: own.map((a) => a.calldata),
      voteStart: BigInt(p.voteStart),
      voteEnd: BigInt(p.voteEnd),
      createdBlock: BigInt(p.createdBlock),
      createdTx: p.createdTx,
      createdAt: Number(p.createdAt),
      queuedAt: time(p.queuedAt),
      executedAt: time(p.executedAt),
      canceledAt: time(p.canceledAt),
    };
  });
  return {
    records,
    total: proposals.totalCount,
    older: proposals.pageInfo.hasNextPage ? proposals.pageInfo.endCursor : undefined,
    indexedBlock: indexedBlockIn(_meta, chainId),
  };
}
