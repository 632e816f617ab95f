import { describe, expect, test } from "vitest";
import { aprPercent, duration, ethAmount } from "@/lib/format";

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
