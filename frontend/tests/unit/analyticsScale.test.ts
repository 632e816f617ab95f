// Scales, ticks and labels of the /analytics charts (src/features/analytics/scale.ts).
import { describe, expect, it } from "vitest";
import {
  compact,
  evenTicks,
  linearTicks,
  logTicks,
  makeScale,
  seconds,
  shortTime,
  timeTick,
  wantsLog,
} from "@/features/analytics/scale";

describe("ticks", () => {
  it("linear ticks are 1-2-5 steps covering the range", () => {
    expect(linearTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(linearTicks(3, 47, 4)).toEqual([0, 20, 40, 60]);
    expect(linearTicks(0, 1.3, 5)).toEqual([0, 0.5, 1, 1.5]);
  });

  it("integer ticks never step below 1, and a flat range still has two ticks", () => {
    expect(linearTicks(0, 3, 6, true)).toEqual([0, 1, 2, 3]);
    expect(linearTicks(5, 5)).toEqual([0, 5]);
    expect(linearTicks(0, 0)).toEqual([0, 1]);
  });

  it("log ticks are powers of ten covering the range, thinned to about `count`", () => {
    expect(logTicks(3, 4000, 5)).toEqual([1, 10, 100, 1000, 10000]);
    expect(logTicks(1e3, 1e15, 4)).toEqual([1e3, 1e6, 1e9, 1e12, 1e15]);
    expect(logTicks(50, 60)).toEqual([10, 100]);
    expect(logTicks(0, 10)).toEqual([]);
  });

  it("even ticks span exactly [min, max]", () => {
    expect(evenTicks(100, 200, 4)).toEqual([100, 125, 150, 175, 200]);
    expect(evenTicks(7, 7)).toEqual([7]);
  });

  it("a log axis is wanted for positive values over two orders of magnitude", () => {
    expect(wantsLog(1, 99)).toBe(false);
    expect(wantsLog(1, 100)).toBe(true);
    expect(wantsLog(0, 1e9)).toBe(false);
  });
});

describe("makeScale", () => {
  it("maps the ticks' span onto the pixel range, up being smaller on a y axis", () => {
    const y = makeScale(0, 100, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(50)).toBe(100);
    expect(y(100)).toBe(0);
  });

  it("on a log axis, each power of ten is the same distance", () => {
    const y = makeScale(1, 1000, 300, 0, { log: true });
    expect(y.ticks).toEqual([1, 10, 100, 1000]);
    expect(y(1)).toBeCloseTo(300);
    expect(y(10)).toBeCloseTo(200);
    expect(y(1000)).toBeCloseTo(0);
  });

  it("an exact (time) axis keeps the data's ends at the range's ends", () => {
    const x = makeScale(1000, 2000, 50, 650, { exact: true, count: 4 });
    expect(x(1000)).toBe(50);
    expect(x(2000)).toBe(650);
    expect(x.ticks).toHaveLength(5);
  });
});

describe("labels", () => {
  it("compact numbers use SI prefixes up to yotta, then an exponent", () => {
    expect(compact(0)).toBe("0");
    expect(compact(0.05)).toBe("0.05");
    expect(compact(999)).toBe("999");
    expect(compact(1234)).toBe("1.23k");
    expect(compact(4_100_000)).toBe("4.1M");
    expect(compact(21e6)).toBe("21M");
    expect(compact(7.24e75)).toBe("7.2e75");
    expect(compact(1e74)).toBe("1e74");
  });

  it("seconds read as s, min, h or d", () => {
    expect(seconds(45)).toBe("45 s");
    expect(seconds(600)).toBe("10 min");
    expect(seconds(5400)).toBe("1.5 h");
    expect(seconds(2 * 86_400)).toBe("2 d");
  });

  it("times are short UTC dates; a time axis labels them as finely as its span needs", () => {
    const t = Date.UTC(2026, 10, 29, 17, 5, 9) / 1000;
    expect(shortTime(t)).toBe("29 Nov 17:05:09");
    expect(timeTick(600)(t)).toBe("17:05:09");
    expect(timeTick(86_400)(t)).toBe("29 Nov 17:05");
    expect(timeTick(30 * 86_400)(t)).toBe("29 Nov");
  });
});
