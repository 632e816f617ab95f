// One way to show an amount of NUMI everywhere: four decimals (trailing zeros dropped), and the exact value, all
// 18 decimals, on hover (and in data-exact), so nothing is hidden by the rounding.
import { formatAmount } from "@/lib/amount";

/** An amount in wei of NUMI, or "–" while unknown. */
export function Numi({ value }: { value: bigint | undefined }) {
  if (value === undefined) return <>–</>;
  const exact = `${formatAmount(value, 18)} NUMI`;
  const shown = `${formatAmount(value, 18, 4)} NUMI`;
  return (
    <span title={exact} data-exact={exact}>
      {shown}
    </span>
  );
}
