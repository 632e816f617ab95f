// Scales and ticks for the hand-drawn SVG charts (docs/adr/0014-analytics-charts.md): pure functions, tested in
// tests/unit/analyticsScale.test.ts.

/** Maps a data value to a pixel position; `ticks` are the values worth a grid line and a label. */
export interface Scale {
  (value: number): number;
  ticks: number[];
  log: boolean;
}

/** A 1-2-5 step near (max - min) / count. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/** Round ticks covering [min, max] (the domain is widened to them), about `count` of them; whole numbers only
 * when `integer`. */
export function linearTicks(min: number, max: number, count = 5, integer = false): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return min === 0 ? [0, 1] : [Math.min(0, min), Math.max(0, max)];
  const step = integer ? Math.max(1, niceStep(max - min, count)) : niceStep(max - min, count);
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; ; v += step) {
    ticks.push(Number(v.toPrecision(12)));
    if (v >= max - step * 1e-9 && ticks.length >= 2) return ticks;
  }
}

/** Powers of ten covering [min, max] (both > 0), thinned to at most `count` + 1 by taking every k-th. */
export function logTicks(min: number, max: number, count = 5): number[] {
  if (!(min > 0) || !(max > 0)) return [];
  const lo = Math.floor(Math.log10(min));
  let hi = Math.ceil(Math.log10(max));
  if (hi === lo) hi = lo + 1;
  const every = Math.max(1, Math.ceil((hi - lo) / count));
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += every) ticks.push(10 ** e);
  if (ticks[ticks.length - 1]! < max) ticks.push(10 ** (lo + Math.ceil((hi - lo) / every) * every));
  return ticks;
}

/** Whether values spanning [min, max] read better on a log axis: all positive and over 2 orders of magnitude. */
export function wantsLog(min: number, max: number): boolean {
  return min > 0 && max / min >= 100;
}

/** `count` evenly spaced ticks from min to max, both included (time axes: no rounding to widen the domain). */
export function evenTicks(min: number, max: number, count = 4): number[] {
  if (min === max || count < 1) return [min];
  return Array.from({ length: count + 1 }, (_, i) => min + ((max - min) * i) / count);
}

export interface ScaleOptions {
  log?: boolean; // powers of ten (values must be > 0)
  count?: number; // about how many ticks
  exact?: boolean; // ticks evenly spaced over exactly [min, max] (time)
  integer?: boolean; // whole-number ticks (epochs)
}

/** A scale from the domain its ticks cover onto [from, to] (to < from for a y axis: up is smaller). */
export function makeScale(min: number, max: number, from: number, to: number, options: ScaleOptions = {}): Scale {
  const { log = false, count = 5, exact = false, integer = false } = options;
  const ticks = log
    ? logTicks(min, max, count)
    : exact
      ? evenTicks(min, max, count)
      : linearTicks(min, max, count, integer);
  const t = log ? (v: number) => Math.log10(v) : (v: number) => v;
  const lo = t(ticks[0] ?? min);
  const hi = t(ticks[ticks.length - 1] ?? max);
  const span = hi - lo || 1;
  const scale = ((value: number) => from + ((t(value) - lo) / span) * (to - from)) as Scale;
  scale.ticks = ticks;
  scale.log = log;
  return scale;
}

const SI = ["", "k", "M", "G", "T", "P", "E", "Z", "Y"];

/** 1234 → "1.23k", 4.1e6 → "4.1M", 0.05 → "0.05"; beyond 1e27, "1.2e30". */
export function compact(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs < 1000) return Number(value.toPrecision(3)).toString();
  const group = Math.floor(Math.log10(abs) / 3);
  if (group >= SI.length) return value.toExponential(1).replace(".0e", "e").replace("e+", "e");
  return `${Number((value / 1000 ** group).toPrecision(3))}${SI[group]}`;
}

/** Seconds as "45 s", "12 min", "3.5 h", "2.1 d". */
export function seconds(value: number): string {
  if (value < 60) return `${Number(value.toPrecision(3))} s`;
  if (value < 3600) return `${Number((value / 60).toPrecision(3))} min`;
  if (value < 86_400) return `${Number((value / 3600).toPrecision(3))} h`;
  return `${Number((value / 86_400).toPrecision(3))} d`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A Unix time (seconds) as a short UTC date and time to the second, e.g. "29 Nov 17:42:05". */
export function shortTime(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  const month = d.toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
  return `${d.getUTCDate()} ${month} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Tick labels for a time axis spanning `span` seconds: "17:42:05" within an hour, "29 Nov 17:42" within three
 * days, "29 Nov" beyond (UTC). */
export function timeTick(span: number): (unixSeconds: number) => string {
  return (unixSeconds) => {
    const full = shortTime(Math.round(unixSeconds));
    if (span < 3600) return full.slice(full.lastIndexOf(" ") + 1);
    if (span < 3 * 86_400) return full.slice(0, -3);
    return full.slice(0, full.lastIndexOf(" "));
  };
}
