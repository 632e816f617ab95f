// A page of an account's history from the indexer's `activity` table (docs/indexer.md), newest first. Paging
// happens on the server: Ponder's cursors, PAGE rows at a time, with the total count.
import type { Address, Hex } from "viem";
import { indexedBlockIn, indexerQuery, META_FIELD, type Meta } from "@/lib/indexer";
import type { ActivityEntry, ActivityKind } from "./activityEntry";

export const PAGE = 20;

interface Row {
  id: string;
  kind: ActivityKind;
  amount: string | null;
  counterparty: Address | null;
  proposalId: string | null;
  support: number | null;
  blockNumber: string;
  timestamp: string;
  txHash: Hex;
  logIndex: number;
}

export interface ActivityPage {
  entries: ActivityEntry[];
  total: number;
  /** Cursor of the next (older) page, if any. */
  older?: string;
  /** Cursor of the previous (newer) page, if any. */
  newer?: string;
  /** The last block the indexer had processed when it answered. */
  indexedBlock?: number;
}

const QUERY = `query Activity($account: String!, $chainId: Int!, $limit: Int!, $after: String, $before: String) {
  activitys(
    where: { account: $account, chainId: $chainId }
    orderBy: "id"
    orderDirection: "desc"
    limit: $limit
    after: $after
    before: $before
  ) {
    items { id kind amount counterparty proposalId support blockNumber timestamp txHash logIndex }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
  ${META_FIELD}
}`;

export function toEntry(r: Row): ActivityEntry {
  return {
    id: r.id,
    kind: r.kind,
    amount: r.amount === null ? undefined : BigInt(r.amount),
    counterparty: r.counterparty ?? undefined,
    proposalId: r.proposalId === null ? undefined : BigInt(r.proposalId),
    support: r.support ?? undefined,
    blockNumber: BigInt(r.blockNumber),
    timestamp: Number(r.timestamp),
    txHash: r.txHash,
    logIndex: r.logIndex,
  };
}

/** The page after `cursor.after` (older) or before `cursor.before` (newer); the newest page without one. */
export async function indexedActivity(
  chainId: number,
  account: Address,
  cursor: { after?: string; before?: string } = {},
  signal?: AbortSignal,
): Promise<ActivityPage> {
  const data = await indexerQuery<{
    _meta: Meta;
    activitys: {
      items: Row[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string; endCursor?: string };
      totalCount: number;
    };
  }>(QUERY, { account: account.toLowerCase(), chainId, limit: PAGE, ...cursor }, signal);
  const { items, pageInfo, totalCount } = data.activitys;
  return {
    // Event ids begin with the event's checkpoint, so `id` descending is newest first (docs/indexer.md).
    entries: items.map(toEntry),
    total: totalCount,
    older: pageInfo.hasNextPage ? pageInfo.endCursor : undefined,
    newer: pageInfo.hasPreviousPage ? pageInfo.startCursor : undefined,
    indexedBlock: indexedBlockIn(data._meta, chainId),
  };
}
