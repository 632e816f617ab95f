"use client";
// Copies a value (an address, a transaction hash) and says so in a live region; if the browser refuses the
// clipboard, it says how to copy by hand instead of failing silently.
import { useState } from "react";

export function CopyButton({
  value,
  label,
  what,
  className = "secondary",
  quiet = false,
}: {
  value: string;
  /** The button's visible text. */
  label: string;
  /** What is copied, for the accessible name and the confirmation ("transaction hash"). */
  what: string;
  className?: string;
  /** Announce "copied" to screen readers only (where there is no room for the sentence, as in the header). */
  quiet?: boolean;
}) {
  const [note, setNote] = useState("");
  return (
    <>
      <button
        type="button"
        className={className}
        aria-label={`${label}: ${what}`}
        title={value}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setNote(`${what[0]!.toUpperCase()}${what.slice(1)} copied.`);
          } catch {
            setNote(`Copy failed: select the ${what} and copy it by hand.`);
          }
        }}
      >
        {label}
      </button>
      <span role="status" className={quiet ? "sr-only" : "small"} data-testid="copy-status">
        {note}
      </span>
    </>
  );
}
