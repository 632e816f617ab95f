"use client";
// The connected account's history, newest first, as a wallet shows it: what happened, the amount, the other
// side, the date, and the transaction (copyable, linked to the explorer where the chain has one). The rows come
// from the indexer or, without one, from the RPC in bounded ranges (useActivity.ts).
import type { Address } from "viem";
import { TARGET_CHAIN_ID, explorerUrl } from "@/config/chains";
import { contracts } from "@/config/contracts";
import { CopyButton } from "@/components/CopyButton";
import { useWallet } from "@/hooks/useWallet";
import { numi, numiExact, when } from "@/lib/format";
import { describeEntry, type ActivityEntry } from "./activityEntry";
import { useActivity, type ActivitySource } from "./useActivity";
import { useTxEntries } from "@/lib/txCenter";

/** This session's own transactions not yet in a block, above the history (which holds only mined ones). */
function PendingRows() {
  const pending = useTxEntries().filter((e) => e.step === "pending" && e.hash);
  const explorer = explorerUrl(TARGET_CHAIN_ID);
  if (!pending.length) return null;
  return (
    <ol className="activity" data-testid="activity-pending" aria-label="Pending transactions">
      {pending.map((e) => (
        <li key={e.id} className="activity-row" data-testid="activity-row" data-kind="pending">
          <div className="activity-what">
            <strong>Pending</strong>
            <span>{e.label}</span>
          </div>
          <div className="activity-detail">waiting for a block</div>
          <div className="activity-meta small muted">
            <span className="mono" title={e.hash}>
              {e.hash!.slice(0, 10)}…{e.hash!.slice(-6)}
            </span>
          </div>
          <div className="activity-actions">
            <CopyButton value={e.hash!} label="Copy hash" what="transaction hash" />
            {explorer && (
              <a href={`${explorer}/tx/${e.hash}`} target="_blank" rel="noreferrer noopener">
                View on explorer
              </a>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

function names(account: Address): Record<string, string> {
  const c = contracts();
  return {
    [account.toLowerCase()]: "yourself",
    [c.pool.address.toLowerCase()]: "the staking pool",
    [c.governorAddress.toLowerCase()]: "the governor",
    [c.timelockAddress.toLowerCase()]: "the timelock",
  };
}

function Row({ e, account }: { e: ActivityEntry; account: Address }) {
  const { label, detail, amount } = describeEntry(e, names(account));
  const exact = e.amount !== undefined && amount === numi(e.amount) ? numiExact(e.amount) : undefined;
  const explorer = explorerUrl(TARGET_CHAIN_ID);
  return (
    <li className="activity-row" data-testid="activity-row" data-kind={e.kind}>
      <div className="activity-what">
        <strong>{label}</strong>
        {amount && (
          // The exact amount on hover, as everywhere a rounded amount is shown (components/Numi.tsx).
          <span className="activity-amount" title={exact}>
            {amount}
          </span>
        )}
      </div>
      <div className="activity-detail">{detail}</div>
      <div className="activity-meta small muted">
        {e.timestamp !== undefined && (
          <time dateTime={new Date(e.timestamp * 1000).toISOString()}>{when(e.timestamp)}</time>
        )}
        <span>block {e.blockNumber.toString()}</span>
        <span className="mono" title={e.txHash}>
          {e.txHash.slice(0, 10)}…{e.txHash.slice(-6)}
        </span>
      </div>
      <div className="activity-actions">
        <CopyButton value={e.txHash} label="Copy hash" what="transaction hash" />
        {explorer && (
          <a href={`${explorer}/tx/${e.txHash}`} target="_blank" rel="noreferrer noopener">
            View on explorer
          </a>
        )}
      </div>
    </li>
  );
}

function SourceNote({ source, loadOlder }: { source?: ActivitySource; loadOlder?: () => Promise<void> }) {
  if (!source || source.kind === "indexer") return null;
  return (
    <div className="card warning" role="status" data-testid="activity-source" data-complete={source.complete}>
      <p>
        <strong>{source.complete ? "Read directly from the network." : "Partial history."}</strong> {source.reason}{" "}
        Showing blocks {source.from.toLocaleString()} to {source.to.toLocaleString()}, read from the network in small
        ranges
        {source.complete ? ", back to the deployment" : "; older blocks are not read yet"}. Proposals you made, queued
        or executed are listed only with the indexer.
      </p>
      {loadOlder && (
        <button type="button" className="secondary" onClick={() => void loadOlder()}>
          Load older history
        </button>
      )}
    </div>
  );
}

export function Activity() {
  const { address, isConnected } = useWallet();
  const view = useActivity(address);
  if (!isConnected || !address) {
    return (
      <>
        <h1>Activity</h1>
        <p className="card">Connect a wallet to see its history.</p>
      </>
    );
  }
  return (
    <>
      <h1>Activity</h1>
      <SourceNote source={view.source} loadOlder={view.loadOlder} />
      <PendingRows />
      {view.error && (
        <p role="alert" className="error">
          Could not read the history: {view.error}{" "}
          <button type="button" className="secondary" onClick={view.retry}>
            Retry now
          </button>
        </p>
      )}
      {view.loading && <p role="status">Loading history…</p>}
      {!view.loading && !view.error && view.total === 0 && (
        <p>
          {view.source?.kind === "rpc" && !view.source.complete
            ? "No activity in the blocks read so far."
            : "No activity yet."}
        </p>
      )}
      {view.entries.length > 0 && (
        <section aria-label={`History of ${address}`}>
          <p className="muted small">
            {view.total.toLocaleString()} {view.total === 1 ? "entry" : "entries"}, newest first.
          </p>
          <ol className="activity" data-testid="activity">
            {view.entries.map((e) => (
              <Row key={e.id} e={e} account={address} />
            ))}
          </ol>
        </section>
      )}
      {view.pages > 1 && (
        <nav className="row" aria-label="Pages">
          <button type="button" className="secondary" disabled={!view.newer} onClick={view.newer}>
            Newer
          </button>
          <span>
            Page {view.page + 1} of {view.pages}
          </span>
          <button type="button" className="secondary" disabled={!view.older} onClick={view.older}>
            Older
          </button>
        </nav>
      )}
    </>
  );
}
