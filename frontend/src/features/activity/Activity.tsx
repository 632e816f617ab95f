"use client";
// The connected account's history from contract events since the deployment block, newest first, paged.
// Logs are read in block ranges so a public RPC's getLogs limit is respected.
import { useState } from "react";
import type { Address, Client } from "viem";
import { getBlockNumber, getContractEvents } from "viem/actions";
import { contracts } from "@/config/contracts";
import { governanceContracts } from "@/config/governanceContracts";
import { useWallet } from "@/hooks/useWallet";
import { useReads } from "@/hooks/useReads";
import { formatAmount } from "@/lib/amount";
import { shortAddress } from "@/lib/shortAddress";

const PAGE = 20;
const CHUNK = 50_000n;

interface Entry {
  block: bigint;
  index: number;
  tx: string;
  what: string;
  detail: string;
}

async function history(client: Client, account: Address): Promise<Entry[]> {
  const { numi, pool, fromBlock } = contracts();
  const { governor } = governanceContracts();
  const latest = await getBlockNumber(client);
  const entries: Entry[] = [];
  const zero = "0x0000000000000000000000000000000000000000";
  const fmt = (v: unknown) => `${formatAmount(v as bigint, 18, 6)} NUMI`;
  for (let start = fromBlock; start <= latest; start += CHUNK) {
    const range = { fromBlock: start, toBlock: start + CHUNK - 1n > latest ? latest : start + CHUNK - 1n };
    const [sent, received, staked, withdrawn, paid, votes, delegations] = await Promise.all([
      getContractEvents(client, { ...numi, eventName: "Transfer", args: { from: account }, ...range }),
      getContractEvents(client, { ...numi, eventName: "Transfer", args: { to: account }, ...range }),
      getContractEvents(client, { ...pool, eventName: "Staked", args: { account }, ...range }),
      getContractEvents(client, { ...pool, eventName: "Withdrawn", args: { account }, ...range }),
      getContractEvents(client, { ...pool, eventName: "RewardPaid", args: { account }, ...range }),
      getContractEvents(client, { ...governor, eventName: "VoteCast", args: { voter: account }, ...range }),
      getContractEvents(client, { ...numi, eventName: "DelegateChanged", args: { delegator: account }, ...range }),
    ]);
    const push = (
      log: { blockNumber: bigint; logIndex: number; transactionHash: string },
      what: string,
      detail: string,
    ) => entries.push({ block: log.blockNumber, index: log.logIndex, tx: log.transactionHash, what, detail });
    const isPool = (a: string) => a.toLowerCase() === pool.address.toLowerCase();
    for (const l of sent) {
      const a = l.args as { to: Address; value: bigint };
      if (!isPool(a.to)) push(l, "Sent", `${fmt(a.value)} to ${shortAddress(a.to)}`);
    }
    for (const l of received) {
      const a = l.args as { from: Address; value: bigint };
      if (a.from === zero) push(l, "Mined", `${fmt(a.value)} reward`);
      else if (!isPool(a.from)) push(l, "Received", `${fmt(a.value)} from ${shortAddress(a.from)}`);
    }
    for (const l of staked) push(l, "Staked", fmt((l.args as { amount: bigint }).amount));
    for (const l of withdrawn) push(l, "Withdrew", fmt((l.args as { amount: bigint }).amount));
    for (const l of paid) push(l, "Claimed", fmt((l.args as { amount: bigint }).amount));
    for (const l of votes) {
      const a = l.args as { support: number; weight: bigint; reason: string };
      push(
        l,
        "Voted",
        `${["against", "for", "abstain"][a.support] ?? a.support} with ${fmt(a.weight)}${a.reason ? `: “${a.reason}”` : ""}`,
      );
    }
    for (const l of delegations)
      push(l, "Delegated", `to ${shortAddress((l.args as { toDelegate: Address }).toDelegate)}`);
  }
  return entries.sort((a, b) => (a.block === b.block ? b.index - a.index : a.block > b.block ? -1 : 1));
}

export function Activity() {
  const { address, isConnected } = useWallet();
  const [page, setPage] = useState(0);
  const q = useReads(["activity", address], (client) => history(client, address!), { enabled: !!address });
  if (!isConnected) {
    return (
      <>
        <h1>Activity</h1>
        <p className="card">Connect a wallet to see its history.</p>
      </>
    );
  }
  const rows = q.data ?? [];
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const shown = rows.slice(page * PAGE, page * PAGE + PAGE);
  return (
    <>
      <h1>Activity</h1>
      {q.isError && (
        <p role="alert" className="error">
          Could not read the history from the network; retrying.{" "}
          <button type="button" className="secondary" onClick={() => q.refetch()}>
            Retry now
          </button>
        </p>
      )}
      {q.isLoading && <p role="status">Loading history…</p>}
      {q.isSuccess && rows.length === 0 && <p>No activity yet.</p>}
      {shown.length > 0 && (
        <table data-testid="activity">
          <caption className="muted">History of {address}</caption>
          <thead>
            <tr>
              <th scope="col">Block</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={`${e.tx}-${e.index}`}>
                <td>{e.block.toString()}</td>
                <td>{e.what}</td>
                <td>{e.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > PAGE && (
        <nav className="row" aria-label="Pages">
          <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Newer
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button type="button" className="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            Older
          </button>
        </nav>
      )}
    </>
  );
}
