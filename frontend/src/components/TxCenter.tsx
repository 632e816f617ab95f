"use client";
// The transaction centre: how many writes are under way, on every page, and the outcome of each write shown on
// the pages other than the one that sent it (that page has its inline status), with the hash to copy and the
// explorer link. Confirmed entries leave after a while; failures stay until dismissed.
import { useEffect } from "react";
import { usePathname } from "next/navigation";
import { dismissTx, useTxEntries, type TxEntry } from "@/lib/txCenter";
import { CopyButton } from "./CopyButton";

const UNDER_WAY = new Set(["checking", "retrying", "confirm", "pending"]);
const WORDS: Record<string, string> = {
  checking: "checking…",
  retrying: "retrying…",
  confirm: "confirm in your wallet…",
  pending: "pending…",
  confirmed: "confirmed.",
  reverted: "reverted.",
  failed: "failed.",
  cancelled: "cancelled.",
};
const CONFIRMED_FOR_MS = 15_000;

function Toast({ e }: { e: TxEntry }) {
  useEffect(() => {
    if (e.step !== "confirmed") return;
    const t = window.setTimeout(() => dismissTx(e.id), CONFIRMED_FOR_MS);
    return () => window.clearTimeout(t);
  }, [e.id, e.step]);
  return (
    <li className={`toast ${e.step}`} data-testid="tx-toast" data-step={e.step}>
      <p>
        <strong>{e.label}</strong>: {e.error ? e.error.message : WORDS[e.step]}
      </p>
      <div className="row" style={{ marginTop: 0 }}>
        {e.hash && <CopyButton value={e.hash} label="Copy hash" what="transaction hash" />}
        {e.explorer && (
          <a href={e.explorer} target="_blank" rel="noreferrer noopener">
            View on explorer
          </a>
        )}
        <button type="button" className="secondary" onClick={() => dismissTx(e.id)} aria-label={`Dismiss: ${e.label}`}>
          Dismiss
        </button>
      </div>
    </li>
  );
}

export function TxCenter() {
  const entries = useTxEntries();
  const path = usePathname();
  const underWay = entries.filter((e) => UNDER_WAY.has(e.step)).length;
  const elsewhere = entries.filter((e) => e.path !== path).slice(0, 3);
  if (!underWay && !elsewhere.length) return null;
  return (
    <section className="tx-center" aria-label="Transactions">
      {underWay > 0 && (
        <p className="tx-pending" role="status" data-testid="tx-pending">
          {underWay === 1 ? "1 transaction in progress" : `${underWay} transactions in progress`}
        </p>
      )}
      <ul className="toasts" role="status" aria-live="polite">
        {elsewhere.map((e) => (
          <Toast key={e.id} e={e} />
        ))}
      </ul>
    </section>
  );
}
