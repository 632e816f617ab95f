import { formatEther } from "viem";
import { formatAmount } from "./amount";

/**
 * The one way the app shows an amount of NUMI: four decimals at most (trailing zeros dropped), never rounded up.
 * components/Numi.tsx puts the exact value, all 18 decimals, on hover; review steps and labels of what is
 * signed use the exact value (formatAmount without a limit).
 */
export const NUMI_SHOWN_DECIMALS = 4;

export const numi = (v: bigint | undefined) =>
  v === undefined ? undefined : `${formatAmount(v, 18, NUMI_SHOWN_DECIMALS)} NUMI`;

/** The exact amount, all 18 decimals (trailing zeros dropped). */
export const numiExact = (v: bigint) => `${formatAmount(v, 18)} NUMI`;

/** Seconds as "1h 2m 3s" for countdowns. */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "–";
  if (seconds <= 0) return "now";
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return [h ? `${h}h` : "", m ? `${m}m` : "", `${r}s`].filter(Boolean).join(" ");
}

/** A contract timestamp (seconds) as the reader's local date and time. */
export function when(seconds: bigint | number): string {
  return new Date(Number(seconds) * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/**
 * Below this much staked in all, an APR says more about the tiny stake than about the pool (one reward over
 * 1 NUMI reads as millions of percent), so the app shows why instead of a figure: 100 NUMI, two rewards' worth.
 */
export const MEANINGFUL_STAKE = 100n * 10n ** 18n;

/**
 * The pool's APR as the app shows it: annualised from the stream paying now, and stated as such, or the reason
 * there is no meaningful figure (nothing staked, no stream running, too little staked).
 */
export function aprText(p: { rewardRate: bigint; totalStaked: bigint; periodFinish: bigint }, now: number): string {
  if (p.totalStaked === 0n) return "no stakers yet";
  if (p.totalStaked < MEANINGFUL_STAKE) return `not meaningful yet: only ${numi(p.totalStaked)} staked in all`;
  if (p.periodFinish <= BigInt(now) || p.rewardRate === 0n) return "0%: no reward streaming now";
  const apr = aprPercent(p.rewardRate, p.totalStaked)!;
  const shown = apr >= 1000 ? Math.round(apr).toLocaleString("en-US") : apr.toFixed(2);
  return `${shown}% a year at the current stream's rate`;
}

/** APR in percent from a reward rate (wei/s) and the total staked (wei); undefined with nothing staked. */
export function aprPercent(rewardRate: bigint, totalStaked: bigint): number | undefined {
  if (totalStaked === 0n) return undefined;
  const yearly = rewardRate * 31_536_000n * 10_000n;
  return Number(yearly / totalStaked) / 100;
}

/** Wei as ETH with two significant digits ("0.00042 ETH"), never rounded down to zero when it is not. */
export function ethAmount(wei: bigint): string {
  if (wei === 0n) return "0 ETH";
  const eth = Number(formatEther(wei));
  if (eth < 0.000001) return "less than 0.000001 ETH";
  return `${eth >= 1 ? eth.toLocaleString("en-US", { maximumFractionDigits: 4 }) : eth.toPrecision(2).replace(/0+$/, "").replace(/\.$/, "")} ETH`;
}
