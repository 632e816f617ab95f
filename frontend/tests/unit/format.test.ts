import { describe, expect, test } from "vitest";
import { aprPercent, aprText, duration, ethAmount, MEANINGFUL_STAKE } from "@/lib/format";

describe("format", () => {
  test("duration reads as hours, minutes and seconds", () => {
    expect(duration(3723)).toBe("1h 2m 3s");
    expect(duration(59)).toBe("59s");
    expect(duration(0)).toBe("now");
    expect(duration(-5)).toBe("now");
  });
  test("APR from a stream rate and the total staked", () => {
    // 1 NUMI per second streamed over 31,536,000 NUMI staked is 100% a year.
    expect(aprPercent(10n ** 18n, 31_536_000n * 10n ** 18n)).toBe(100);
    expect(aprPercent(1n, 0n)).toBeUndefined();
  });
});

import { splitSignature } from "@/lib/signature";
import { parseSignature } from "viem";

describe("splitSignature", () => {
  const sig = `0x${"11".repeat(32)}${"22".repeat(32)}1b` as const;
  test("matches viem's parseSignature for v = 27 and 28", () => {
    for (const v of ["1b", "1c"]) {
      const full = `${sig.slice(0, 130)}${v}` as `0x${string}`;
      const ours = splitSignature(full);
      const theirs = parseSignature(full);
      expect(ours.r).toBe(theirs.r);
      expect(ours.s).toBe(theirs.s);
      expect(BigInt(ours.v)).toBe(theirs.v);
    }
  });
  test("normalises a 0/1 recovery byte to 27/28", () => {
    expect(splitSignature(`${sig.slice(0, 130)}01` as `0x${string}`).v).toBe(28);
  });
  test("refuses a malformed signature", () => {
    expect(() => splitSignature("0x1234")).toThrow(/malformed/);
  });
});

describe("ethAmount", () => {
  test("ETH with two significant digits, never shown as zero when it is not", () => {
    expect(ethAmount(0n)).toBe("0 ETH");
    expect(ethAmount(420_000_000_000_000n)).toBe("0.00042 ETH");
    expect(ethAmount(423_456_000_000_000n)).toBe("0.00042 ETH");
    expect(ethAmount(1_500_000_000_000_000_000n)).toBe("1.5 ETH");
    expect(ethAmount(123_456_789n)).toBe("less than 0.000001 ETH");
  });
});

describe("aprText", () => {
  const NUMI = 10n ** 18n;
  const now = 1_000;
  const open = { periodFinish: 2_000n };
  test("says why there is no figure: nothing staked, no stream, too little staked", () => {
    expect(aprText({ rewardRate: 1n, totalStaked: 0n, ...open }, now)).toBe("no stakers yet");
    expect(aprText({ rewardRate: 1n, totalStaked: 500n * NUMI, periodFinish: 1_000n }, now)).toBe(
      "0%: no reward streaming now",
    );
    expect(aprText({ rewardRate: NUMI, totalStaked: 40n * NUMI, ...open }, now)).toBe(
      "not meaningful yet: only 40 NUMI staked in all",
    );
  });
  test("annualises the current stream and says so", () => {
    // 1 NUMI/s over 31,536,000 NUMI staked is 100% a year.
    expect(aprText({ rewardRate: NUMI, totalStaked: 31_536_000n * NUMI, ...open }, now)).toBe(
      "100.00% a year at the current stream's rate",
    );
    expect(aprText({ rewardRate: NUMI, totalStaked: MEANINGFUL_STAKE, ...open }, now)).toBe(
      "31,536,000% a year at the current stream's rate",
    );
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { numi, numiExact } from "@/lib/format";

describe("one NUMI format", () => {
  test("four decimals at most, cut rather than rounded up, exact on request", () => {
    expect(numi(1_234_567_899_999_999_999_999n)).toBe("1,234.5678 NUMI");
    expect(numiExact(1_234_567_899_999_999_999_999n)).toBe("1,234.567899999999999999 NUMI");
    expect(numi(10n ** 18n)).toBe("1 NUMI");
    expect(numi(1n)).toBe("0 NUMI");
    expect(numiExact(1n)).toBe("0.000000000000000001 NUMI");
    expect(numi(undefined)).toBeUndefined();
  });

  test("no screen rounds NUMI its own way: shortened amounts go through numi / <Numi>", () => {
    // formatAmount's third argument shortens for display; only lib/format.ts may pass it (and analytics'
    // table of exact-to-4-decimals values, which states its unit in the column header).
    const src = path.resolve(__dirname, "../../src");
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((f) => {
        const p = path.join(dir, f);
        return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(f) ? [p] : [];
      });
    })(src);
    const own = files.filter((f) => /formatAmount\([^()]*,\s*18,\s*\d/.test(readFileSync(f, "utf8")));
    expect(own.map((f) => path.relative(src, f)).sort()).toEqual(["features/analytics/Analytics.tsx"]);
  });
});
