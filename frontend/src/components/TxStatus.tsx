"use client";
// The visible state of one write: every step, the explorer link, and failures in plain words.
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

export function TxStatus({ state }: { state: TxState }) {
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
    >
      <strong>{state.label}: </strong>
      {TEXT[state.step]}
      {state.step === "retrying" && state.attempt ? ` (attempt ${state.attempt + 1})` : null}
      {state.step === "confirm" && state.fee !== undefined && (
        <span data-testid="tx-fee"> Network fee: at most {ethAmount(state.fee)}.</span>
      )}
      {state.error && <span className="tx-error"> {state.error.message}</span>}
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
