// One way to show an amount of NUMI everywhere: lib/format's `numi` (four decimals, trailing zeros dropped), and
// the exact value, all 18 decimals, on hover (and in data-exact), so nothing is hidden by the rounding.
import { numi, numiExact } from "@/lib/format";

/** An amount in wei of NUMI, or "–" while unknown. */
export function Numi({ value }: { value: bigint | undefined }) {
  if (value === undefined) return <>–</>;
  const exact = numiExact(value);
  return (
    <span title={exact} data-exact={exact}>
      {numi(value)}
    </span>
  );
}
