"use client";
// The fee line of a review (no live region: it changes with every block), and, as an alert, why its confirm
// button is disabled when the account cannot pay the fee.
import type { FeeView } from "@/lib/feeText";

export function FeeEstimate({ view }: { view: FeeView }) {
  return (
    <>
      <p className="hint" data-testid="fee-estimate">
        {view.line}
      </p>
      {view.short && (
        <p className="error" role="alert" data-testid="fee-short">
          {view.short}
        </p>
      )}
    </>
  );
}
