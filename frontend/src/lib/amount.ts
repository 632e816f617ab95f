// Exact decimal parsing for token amounts typed by a person: never rounds, never uses floating point.
import { MiningPool } from "@numi/contracts/constants";

export const NUMI_DECIMALS = 18;

export type ParsedAmount = { ok: true; value: bigint } | { ok: false; reason: string };

const DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/**
 * Parses "1.5", "1,5", "0.000000000000000001", ".5" or "2." into wei. Rejects (rather than rounds) more decimals
 * than the token has, signs, exponents, thousands separators, an ambiguous comma ("1,500") and empty input.
 */
export function parseAmount(input: string, decimals = NUMI_DECIMALS): ParsedAmount {
  let text = input.trim();
  if (text === "") return { ok: false, reason: "Enter an amount." };
  // A decimal comma ("1,5", "0,25") is read as a decimal point. A comma before exactly three digits could be a
  // thousands separator as well ("1,500"), so it is never guessed: the reason says how to write it.
  const comma = /^(\d*),(\d*)$/.exec(text);
  if (comma) {
    if (comma[2]!.length === 3 && comma[1] !== "" && comma[1] !== "0")
      return {
        ok: false,
        reason: `Is ${text} a decimal or a thousands separator? Write ${comma[1]}.${comma[2]} or ${comma[1]}${comma[2]}: a point for decimals, no separators.`,
      };
    text = `${comma[1]}.${comma[2]}`;
  } else if (text.includes(",")) {
    return { ok: false, reason: "Remove the thousands separators; use a point for decimals, like 1500.25." };
  }
  const match = DECIMAL.exec(text);
  if (!match || (match[1] === "" && (match[2] ?? "") === "")) {
    return { ok: false, reason: "Use digits and at most one decimal point, like 12.5." };
  }
  const whole = match[1] || "0";
  const fraction = match[2] ?? "";
  if (fraction.length > decimals) {
    return {
      ok: false,
      reason: `NUMI has ${decimals} decimals; this amount has ${fraction.length}. Remove the extra digits.`,
    };
  }
  const value = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
  return { ok: true, value };
}

/** Checks a parsed amount against what the account can spend. */
export function checkAmount(input: string, available: bigint | undefined, decimals = NUMI_DECIMALS): ParsedAmount {
  const parsed = parseAmount(input, decimals);
  if (!parsed.ok) return parsed;
  if (parsed.value === 0n) return { ok: false, reason: "The amount must be greater than zero." };
  if (available !== undefined && parsed.value > available) {
    return { ok: false, reason: `That is more than the ${formatAmount(available, decimals)} NUMI available.` };
  }
  return parsed;
}

/** MiningPool.MIN_STAKE: a pool position is 0 or at least 1 NUMI (the contract reverts with StakeBelowMinimum). */
export const POOL_MIN_STAKE: bigint = MiningPool.MIN_STAKE;

/**
 * Checks that staking (`change` > 0) or withdrawing (`change` < 0) the checked amount leaves the pool position at
 * 0 or at least POOL_MIN_STAKE, so the form explains the minimum before the wallet is asked to sign.
 */
export function checkPoolPosition(
  check: ParsedAmount,
  staked: bigint | undefined,
  action: "stake" | "withdraw",
  decimals = NUMI_DECIMALS,
): ParsedAmount {
  if (!check.ok) return check;
  const current = staked ?? 0n;
  const after = action === "stake" ? current + check.value : current - check.value;
  if (after === 0n || after >= POOL_MIN_STAKE) return check;
  const min = formatAmount(POOL_MIN_STAKE, decimals);
  return {
    ok: false,
    reason:
      action === "stake"
        ? `A pool position is at least ${min} NUMI: stake at least ${formatAmount(POOL_MIN_STAKE - current, decimals)} NUMI.`
        : `A pool position is 0 or at least ${min} NUMI: this would leave ${formatAmount(after, decimals)} NUMI. Withdraw all of it or leave at least ${min} NUMI.`,
  };
}

/** Formats wei exactly (no rounding), trimming trailing zeros; `maxFraction` shortens for display only. */
export function formatAmount(value: bigint, decimals = NUMI_DECIMALS, maxFraction?: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const base = 10n ** BigInt(decimals);
  const whole = (abs / base).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  let fraction = (abs % base).toString().padStart(decimals, "0").replace(/0+$/, "");
  if (maxFraction !== undefined && fraction.length > maxFraction)
    fraction = fraction.slice(0, maxFraction).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** The exact amount as plain text an input accepts back (no separators): used by "Max". */
export function amountToInput(value: bigint, decimals = NUMI_DECIMALS): string {
  return formatAmount(value, decimals).replace(/,/g, "");
}
