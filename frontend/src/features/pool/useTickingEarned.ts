"use client";
import { useEffect, useState } from "react";

/** Earned now, extrapolated between blocks from the account's reward rate (capped at the stream's end). */
export function useTickingEarned(earned?: bigint, rate?: bigint, periodFinish?: bigint): bigint | undefined {
  const [base, setBase] = useState({ at: Date.now() });
  const [now, setNow] = useState(Date.now());
  useEffect(() => setBase({ at: Date.now() }), [earned]);
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  if (earned === undefined || rate === undefined || periodFinish === undefined) return earned;
  const end = Number(periodFinish) * 1000;
  const elapsed = Math.max(0, Math.min(now, end) - base.at) / 1000;
  return earned + rate * BigInt(Math.floor(elapsed));
}
