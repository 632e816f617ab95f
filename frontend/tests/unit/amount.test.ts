import { describe, expect, test } from "vitest";
import { POOL_MIN_STAKE, amountToInput, checkAmount, checkPoolPosition, formatAmount, parseAmount } from "@/lib/amount";

const WEI = 10n ** 18n;

describe("parseAmount", () => {
  test.each([
    ["1", WEI],
    ["1.5", 15n * 10n ** 17n],
    [".5", 5n * 10n ** 17n],
    ["2.", 2n * WEI],
    ["0.000000000000000001", 1n],
    ["  42  ", 42n * WEI],
    ["123456789.123456789123456789", 123456789123456789123456789n],
  ])("parses %s exactly", (input, wei) => {
    expect(parseAmount(input)).toEqual({ ok: true, value: wei });
  });

  test("refuses a 19th decimal instead of rounding", () => {
    const r = parseAmount("0.0000000000000000001");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/18 decimals; this amount has 19/);
  });

  test.each(["", "   ", ".", "-1", "+1", "1e18", "1,000", "1.2.3", "0x10", "abc", "1 000"])("refuses %j", (input) => {
    expect(parseAmount(input).ok).toBe(false);
  });

  test("reads a decimal comma as a decimal point", () => {
    expect(parseAmount("1,5")).toEqual({ ok: true, value: 15n * 10n ** 17n });
    expect(parseAmount("0,25")).toEqual({ ok: true, value: 25n * 10n ** 16n });
    expect(parseAmount(",5")).toEqual({ ok: true, value: 5n * 10n ** 17n });
    expect(parseAmount("0,125")).toEqual({ ok: true, value: 125n * 10n ** 15n }); // 0,125 cannot be thousands
  });

  test("never guesses a comma that could be a thousands separator, and says how to write the amount", () => {
    expect(parseAmount("1,500")).toEqual({
      ok: false,
      reason: "Is 1,500 a decimal or a thousands separator? Write 1.500 or 1500: a point for decimals, no separators.",
    });
    expect(parseAmount("1,000,000")).toEqual({
      ok: false,
      reason: "Remove the thousands separators; use a point for decimals, like 1500.25.",
    });
    expect(parseAmount("1,5.2").ok).toBe(false);
  });

  test("respects a token with fewer decimals", () => {
    expect(parseAmount("1.25", 2)).toEqual({ ok: true, value: 125n });
    expect(parseAmount("1.255", 2).ok).toBe(false);
  });
});

describe("checkAmount", () => {
  test("refuses zero", () => {
    expect(checkAmount("0.0", 10n * WEI)).toEqual({ ok: false, reason: "The amount must be greater than zero." });
  });
  test("refuses more than the balance, by one wei", () => {
    const r = checkAmount("1.000000000000000001", WEI);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("more than the 1 NUMI available");
  });
  test("accepts exactly the balance", () => {
    expect(checkAmount("1", WEI)).toEqual({ ok: true, value: WEI });
  });
});

describe("checkPoolPosition (MiningPool.MIN_STAKE, 1 NUMI)", () => {
  test("refuses a first stake below 1 NUMI, naming the minimum", () => {
    const r = checkPoolPosition(checkAmount("0.999999999999999999", 10n * WEI), 0n, "stake");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe("A pool position is at least 1 NUMI: stake at least 1 NUMI.");
    expect(POOL_MIN_STAKE).toBe(WEI);
  });
  test("accepts a first stake of exactly 1 NUMI, and any top-up of a position", () => {
    expect(checkPoolPosition(checkAmount("1", 10n * WEI), undefined, "stake")).toEqual({ ok: true, value: WEI });
    expect(checkPoolPosition(checkAmount("0.000000000000000001", WEI), WEI, "stake")).toEqual({ ok: true, value: 1n });
  });
  test("refuses a withdrawal leaving less than 1 NUMI but not nothing", () => {
    const r = checkPoolPosition(checkAmount("1.5", 2n * WEI), 2n * WEI, "withdraw");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("this would leave 0.5 NUMI");
  });
  test("accepts withdrawing everything or leaving exactly 1 NUMI", () => {
    expect(checkPoolPosition(checkAmount("2", 2n * WEI), 2n * WEI, "withdraw")).toEqual({ ok: true, value: 2n * WEI });
    expect(checkPoolPosition(checkAmount("1", 2n * WEI), 2n * WEI, "withdraw")).toEqual({ ok: true, value: WEI });
  });
  test("passes an earlier refusal through unchanged", () => {
    const r = checkPoolPosition(checkAmount("0", WEI), WEI, "withdraw");
    expect(r).toEqual({ ok: false, reason: "The amount must be greater than zero." });
  });
});

describe("formatAmount and Max", () => {
  test("formats without rounding and with separators", () => {
    expect(formatAmount(1234567n * WEI + 1n)).toBe("1,234,567.000000000000000001");
    expect(formatAmount(0n)).toBe("0");
    expect(formatAmount(15n * 10n ** 17n)).toBe("1.5");
  });
  test("shortens for display only when asked", () => {
    expect(formatAmount(123456789n * 10n ** 10n, 18, 4)).toBe("1.2345");
  });
  test("Max round-trips the exact balance through the input", () => {
    const balance = 98765432109876543210123n;
    const r = parseAmount(amountToInput(balance));
    expect(r).toEqual({ ok: true, value: balance });
  });
});
