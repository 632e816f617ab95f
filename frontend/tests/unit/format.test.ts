import { describe, expect, test } from "vitest";
import { aprPercent, duration } from "@/lib/format";
import { expectedHashes } from "@/features/mine/protocol";

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
  test("expected hashes at a target: difficulty 1 (2^252) is 16 hashes", () => {
    expect(expectedHashes(2n ** 252n - 1n)).toBe(16);
    expect(expectedHashes((2n ** 252n) >> 12n)).toBeCloseTo(65536, -1);
  });
});
