// The connected account's history straight from the RPC's logs, for a dApp without an indexer. Two eth_getLogs
// per block range: every log of our contracts whose first indexed topic is the account (Transfer and Approval
// from it, Mint, Staked, Withdrawn, RewardPaid, DelegateChanged, VoteCast), and Transfers to it. Proposals the
// account made, queued or executed carry no indexed account: only the indexer lists those.
import {
  decodeEventLog,
  pad,
  toHex,
  zeroAddress,
  type Abi,
  type Address,
  type Client,
  type Hex,
  type RpcLog,
} from "viem";
import { blockTimes } from "@/lib/blockTimes";
import type { ActivityEntry } from "./activityEntry";

/**
 * viem's transport retries -32005 ("limit exceeded") three times; for a range refusal that only repeats it. The
 * history reader halves the range instead, and the query layer retries real failures.
 */
export const NO_RETRY = { retryCount: 0 } as const;

const TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

interface Addresses {
  token: Address;
  pool: Address;
  governor: Address;
}

const same = (a: string | undefined, b: string) => !!a && a.toLowerCase() === b.toLowerCase();

/** Turns raw logs into history entries of `account`; logs of other events and duplicates are dropped. */
export function decodeAccountLogs(logs: readonly RpcLog[], account: Address, at: Addresses, abi: Abi): ActivityEntry[] {
  const out = new Map<string, ActivityEntry>();
  for (const log of logs) {
    let decoded: { eventName?: string; args?: unknown };
    try {
      decoded = decodeEventLog({ abi, data: log.data, topics: log.topics as [Hex, ...Hex[]] });
    } catch {
      continue; // an event no ABI here describes
    }
    const a = (decoded.args ?? {}) as Record<string, unknown>;
    const base = {
      blockNumber: BigInt(log.blockNumber!),
      txHash: log.transactionHash!,
      logIndex: Number(log.logIndex!),
    };
    const add = (e: Omit<ActivityEntry, "id" | keyof typeof base>) => {
      const id = `${base.txHash}-${base.logIndex}-${e.kind}`;
      out.set(id, { id, ...base, ...e });
    };
    const fromOurs = (addr: Address) => same(log.address, addr);
    switch (decoded.eventName) {
      case "Transfer": {
        if (!fromOurs(at.token)) break;
        const { from, to, value } = a as { from: Address; to: Address; value: bigint };
        // Rewards show as "mined" (Mint), pool transfers as their Staked, Withdrawn or RewardPaid.
        const viaPool = same(from, at.pool) || same(to, at.pool);
        if (viaPool || same(from, zeroAddress)) break;
        if (same(from, account)) add({ kind: "sent", amount: value, counterparty: to });
        if (same(to, account)) add({ kind: "received", amount: value, counterparty: from });
        break;
      }
      case "Approval":
        if (fromOurs(at.token) && same(a.owner as string, account))
          add({ kind: "approved", amount: a.value as bigint, counterparty: a.spender as Address });
        break;
      case "Mint":
        if (fromOurs(at.token) && same(a.from as string, account))
          add({ kind: "mined", amount: a.rewardAmount as bigint });
        break;
      case "DelegateChanged":
        if (fromOurs(at.token) && same(a.delegator as string, account))
          add({ kind: "delegated", counterparty: a.toDelegate as Address });
        break;
      case "Staked":
      case "Withdrawn":
      case "RewardPaid": {
        if (!fromOurs(at.pool) || !same(a.account as string, account)) break;
        const kind =
          decoded.eventName === "Staked" ? "staked" : decoded.eventName === "Withdrawn" ? "withdrew" : "claimed";
        add({ kind, amount: a.amount as bigint });
        break;
      }
      case "VoteCast":
      case "VoteCastWithParams":
        if (fromOurs(at.governor) && same(a.voter as string, account))
          add({
            kind: "voted",
            amount: a.weight as bigint,
            proposalId: a.proposalId as bigint,
            support: Number(a.support),
          });
        break;
    }
  }
  return [...out.values()].sort((x, y) =>
    x.blockNumber === y.blockNumber ? x.logIndex - y.logIndex : x.blockNumber < y.blockNumber ? -1 : 1,
  );
}

/** The account's entries in blocks [fromBlock, toBlock], oldest first: two eth_getLogs. */
export async function readAccountLogs(
  client: Client,
  account: Address,
  at: Addresses,
  abi: Abi,
  fromBlock: number,
  toBlock: number,
): Promise<ActivityEntry[]> {
  const topic = pad(account.toLowerCase() as Hex, { size: 32 });
  const range = { fromBlock: toHex(fromBlock), toBlock: toHex(toBlock) };
  const [byAccount, received] = await Promise.all([
    client.request(
      {
        method: "eth_getLogs",
        params: [{ address: [at.token, at.pool, at.governor], topics: [null, topic], ...range }],
      },
      NO_RETRY,
    ),
    client.request(
      { method: "eth_getLogs", params: [{ address: at.token, topics: [TRANSFER_TOPIC, null, topic], ...range }] },
      NO_RETRY,
    ),
  ]);
  return decodeAccountLogs([...byAccount, ...received], account, at, abi);
}

/** The entries with their block times (lib/blockTimes.ts). */
export async function withTimes(client: Client, entries: ActivityEntry[]): Promise<ActivityEntry[]> {
  const times = await blockTimes(
    client,
    entries.map((e) => e.blockNumber),
  );
  return entries.map((e) => ({ ...e, timestamp: times.get(e.blockNumber) }));
}
