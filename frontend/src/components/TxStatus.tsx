"use client";
// The visible state of one write: every step, the explorer link, and failures in plain words.
import { useEffect, useRef } from "react";
import type { TxState } from "@/lib/writeFlow";
import { ethAmount } from "@/lib/format";

const TEXT: Record<TxState["step"], string> = {
  idle: "",
  checking: "Checking the transaction…",
  retrying: "The network did not answer; retrying…",
  confirm: "Confirm in your wallet…",
  pending: "Pending: waiting for the block…",
  confirmed: "Confirmed.",
  reverted: "Reverted.",
  failed: "Failed.",
  cancelled: "Cancelled.",
};

const DONE = new Set<TxState["step"]>(["confirmed", "reverted", "failed", "cancelled"]);

export function TxStatus({ state }: { state: TxState }) {
  const box = useRef<HTMLDivElement>(null);
  // The button that started the write is disabled or gone by now: without this, focus falls to the page body.
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (DONE.has(state.step) && lost) box.current?.focus();
  }, [state.step, state.seq]);
  if (state.step === "idle") return null;
  const tone =
    state.step === "confirmed" ? "ok" : state.step === "reverted" || state.step === "failed" ? "error" : "neutral";
  return (
    <div
      className={`tx ${tone}`}
      role={tone === "error" ? "alert" : "status"}
      aria-live="polite"
      data-testid="tx-status"
      data-step={state.step}
      data-seq={state.seq ?? 0}
      ref={box}
      tabIndex={-1}
    >
      <strong>{state.label}: </strong>
      {/* A failure's own sentence says it all ("Cancelled in the wallet. …"): no "Cancelled." before it. */}
      {state.error ? null : TEXT[state.step]}
      {state.step === "retrying" && state.attempt ? ` (attempt ${state.attempt + 1})` : null}
      {state.step === "confirm" && state.fee !== undefined && (
        <span data-testid="tx-fee"> Network fee: at most {ethAmount(state.fee)}.</span>
      )}
      {state.error && <span className="tx-error">{state.error.message}</span>}
      {state.hash && (
        <span className="tx-hash">
          {" "}
          {state.explorer ? (
            <a href={state.explorer} target="_blank" rel="noreferrer noopener">
              View on explorer
            </a>
          ) : (
            <code title={state.hash}>{state.hash.slice(0, 10)}…</code>
          )}
        </span>
      )}
    </div>
  );
}
