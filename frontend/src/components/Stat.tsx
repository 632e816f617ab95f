import type { ReactNode } from "react";

/** One labelled figure; the reserved height keeps the layout still while data arrives. */
export function Stat({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value ?? "–"}</dd>
    </div>
  );
}
