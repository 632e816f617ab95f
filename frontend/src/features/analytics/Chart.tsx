"use client";
// Small hand-written SVG charts (docs/adr/0014-analytics-charts.md): each a <figure> whose <figcaption> names
// it, an SVG with role="img" named and described in text, and a <details> table of every plotted value. Drawn at
// the container's width in pixels, so text keeps its size from 390 px to 1280 px.
import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { makeScale } from "./scale";
import { summarize, type Point } from "./series";
import styles from "./analytics.module.css";

export interface ChartSeries {
  name: string;
  points: Point[];
  color: string;
  dashed?: boolean;
  /** A value that holds until the next point (total staked, APR): drawn as steps. */
  step?: boolean;
}

export interface Axis {
  label: string;
  /** Values in the table and the description. */
  format: (value: number) => string;
  /** Tick labels, when shorter than `format` (times). */
  tick?: (value: number) => string;
}

export interface LineChartProps {
  title: string;
  description: ReactNode;
  series: ChartSeries[];
  x: Axis & { time?: boolean; integer?: boolean };
  y: Axis & { log?: boolean };
  /** Horizontal reference lines (target epoch time, the cap). */
  refs?: { y: number; label: string; color: string }[];
}

/** Colours with at least 4.5:1 contrast on the white card (lines need 3:1). */
export const COLORS = { green: "#14532d", blue: "#1d4ed8", amber: "#b45309", purple: "#6b21a8", grey: "#4b5563" };

const DEFAULT_WIDTH = 640;

/** The width of the element in CSS pixels, following resizes. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(240, Math.round(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** The <figure> around a chart: caption, the SVG (role="img", named by `label`) at `width` × `height`, and below
 * it whatever follows (legend, axes line, table). */
function ChartFrame(props: {
  title: string;
  description: ReactNode;
  label: string;
  width: number;
  height: number;
  frameRef: RefObject<HTMLDivElement | null>;
  children: ReactNode;
  after: ReactNode;
}) {
  const { title, description, label, width, height, frameRef, children, after } = props;
  return (
    <figure className={styles.chart}>
      <figcaption>
        <span className={styles.title}>{title}</span>
        <span className="muted small">{description}</span>
      </figcaption>
      <div ref={frameRef} className={styles.frame}>
        <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
          {children}
        </svg>
      </div>
      {after}
    </figure>
  );
}

/** The points of a series as SVG path segments, broken where y is missing (or not positive on a log axis). */
function pathOf(
  points: Point[],
  sx: (v: number) => number,
  sy: (v: number) => number,
  log: boolean,
  step = false,
): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    if (p.y === null || (log && p.y <= 0)) {
      pen = false;
      continue;
    }
    const [px, py] = [sx(p.x).toFixed(1), sy(p.y).toFixed(1)];
    d += !pen ? `M${px} ${py}` : step ? `H${px}V${py}` : `L${px} ${py}`;
    pen = true;
  }
  return d;
}

function Legend({ items }: { items: { name: string; color: string; dashed?: boolean }[] }) {
  return (
    <ul className={styles.legend}>
      {items.map((s) => (
        <li key={s.name}>
          <span
            aria-hidden="true"
            className={`${styles.swatch} ${s.dashed ? styles.dashed : ""}`}
            style={{ borderTopColor: s.color }}
          />
          {s.name}
        </li>
      ))}
    </ul>
  );
}

/** A <details> with the table, rendered only once opened: a chart of 1000 epochs would otherwise add 1000 rows. */
export function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: () => string[][] }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={styles.summary}>Table of the values</summary>
      {open && (
        <div className={styles.table} role="region" aria-label={caption} tabIndex={0}>
          <table>
            <caption className="muted small">{caption}</caption>
            <thead>
              <tr>
                {head.map((h, i) => (
                  <th key={h} scope="col" className={i > 0 ? styles.numeric : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows().map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} className={i > 0 ? styles.numeric : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

export function LineChart({ title, description, series, x, y, refs = [] }: LineChartProps) {
  const [ref, width] = useWidth();
  const narrow = width < 480;
  const height = narrow ? 220 : 260;
  const margin = { left: 60, right: 14, top: 12, bottom: 30 };
  const log = y.log ?? false;
  const all = series.flatMap((s) => s.points);
  const ys = [...all.map((p) => p.y), ...refs.map((r) => r.y)].filter(
    (v): v is number => v !== null && (!log || v > 0),
  );
  const xs = all.map((p) => p.x);
  const sx = makeScale(Math.min(...xs), Math.max(...xs), margin.left, width - margin.right, {
    exact: x.time,
    integer: x.integer,
    count: x.time ? (narrow ? 2 : 4) : narrow ? 3 : 6,
  });
  const sy = makeScale(
    log ? Math.min(...ys) : Math.min(0, ...ys),
    Math.max(...ys),
    height - margin.bottom,
    margin.top,
    {
      log,
      count: narrow ? 4 : 5,
    },
  );
  const few = all.length <= 60;
  const summary = series
    .map((s) => summarize(s.name, s.points, x.format, y.format))
    .concat(refs.map((r) => `${r.label}: ${y.format(r.y)}.`))
    .join(" ");

  const xsSorted = [...new Set(xs)].sort((a, b) => a - b);
  const byX = series.map((s) => new Map(s.points.map((p) => [p.x, p.y])));
  const after = (
    <>
      <Legend items={[...series, ...refs.map((r) => ({ name: r.label, color: r.color, dashed: true }))]} />
      <p className="muted small">
        {x.label} across, {y.label} up{log ? " (log scale: each grid line is 10× the one below)" : ""}.
      </p>
      <DataTable
        caption={title}
        head={[x.label, ...series.map((s) => s.name)]}
        rows={() =>
          xsSorted.map((v) => [
            x.format(v),
            ...byX.map((m) => (m.has(v) && m.get(v) !== null ? y.format(m.get(v)!) : "–")),
          ])
        }
      />
    </>
  );
  return (
    <ChartFrame
      title={title}
      description={description}
      label={`${title}. ${summary}`}
      width={width}
      height={height}
      frameRef={ref}
      after={after}
    >
      {sy.ticks.map((t) => (
        <g key={`y${t}`}>
          <line className={styles.grid} x1={margin.left} x2={width - margin.right} y1={sy(t)} y2={sy(t)} />
          <text className={styles.tick} x={margin.left - 6} y={sy(t)} dy="0.32em" textAnchor="end">
            {(y.tick ?? y.format)(t)}
          </text>
        </g>
      ))}
      {sx.ticks.map((t, i) => (
        <text
          key={`x${t}`}
          className={styles.tick}
          x={sx(t)}
          y={height - margin.bottom + 18}
          textAnchor={i === 0 && x.time ? "start" : i === sx.ticks.length - 1 && x.time ? "end" : "middle"}
        >
          {(x.tick ?? x.format)(t)}
        </text>
      ))}
      <line
        className={styles.axis}
        x1={margin.left}
        x2={width - margin.right}
        y1={height - margin.bottom}
        y2={height - margin.bottom}
      />
      {refs.map((r) => (
        <line
          key={r.label}
          x1={margin.left}
          x2={width - margin.right}
          y1={sy(r.y)}
          y2={sy(r.y)}
          stroke={r.color}
          strokeWidth={2}
          strokeDasharray="6 4"
        />
      ))}
      {series.map((s) => (
        <g key={s.name}>
          <path
            d={pathOf(s.points, sx, sy, log, s.step)}
            fill="none"
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={s.dashed ? "6 4" : undefined}
          />
          {(few || s.points.length === 1) &&
            s.points
              .filter((p): p is { x: number; y: number } => p.y !== null && (!log || p.y > 0))
              .map((p) => <circle key={p.x} cx={sx(p.x)} cy={sy(p.y)} r={3} fill={s.color} />)}
        </g>
      ))}
    </ChartFrame>
  );
}

export interface Bar {
  label: string;
  title: string;
  value: number;
  text: string;
}

/** Horizontal bars, longest first, for a ranking (rewards per miner). */
export function BarChart({
  title,
  description,
  bars,
  table,
}: {
  title: string;
  description: ReactNode;
  bars: Bar[];
  table: { head: string[]; rows: () => string[][] };
}) {
  const [ref, width] = useWidth();
  const labelW = 100;
  const valueW = width < 480 ? 120 : 170;
  const row = 28;
  const height = bars.length * row + 4;
  const max = Math.max(...bars.map((b) => b.value), 0) || 1;
  const barSpace = Math.max(40, width - labelW - valueW);
  return (
    <ChartFrame
      title={title}
      description={description}
      label={`${title}. ${bars.map((b) => `${b.title}: ${b.text}`).join("; ")}.`}
      width={width}
      height={height}
      frameRef={ref}
      after={<DataTable caption={title} head={table.head} rows={table.rows} />}
    >
      {bars.map((b, i) => {
        const w = Math.max(2, (b.value / max) * barSpace);
        const top = i * row + 4;
        return (
          <g key={b.title}>
            <text className={styles.tick} x={labelW - 8} y={top + 10} dy="0.32em" textAnchor="end">
              {b.label}
            </text>
            <rect x={labelW} y={top} width={w} height={row - 10} fill={COLORS.green} rx={2} />
            <text className={styles.tick} x={labelW + w + 6} y={top + 10} dy="0.32em">
              {b.text}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
