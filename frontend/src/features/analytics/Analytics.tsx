"use client";
// The /analytics page: network and pool history from the indexer (docs/wallet.md, "/analytics"). Everything here
// is loaded with this route only; the charts are hand-written SVG (docs/adr/0014-analytics-charts.md).
import { Numi } from "@/components/Numi";
import { Stat } from "@/components/Stat";
import { formatAmount } from "@/lib/amount";
import { hasIndexer } from "@/lib/indexer";
import { shortAddress } from "@/lib/shortAddress";
import { BarChart, COLORS, LineChart } from "./Chart";
import { HALVING_INTERVAL, MAX_SUPPLY, schedulePoints, supplyAfter } from "./emission";
import { compact, seconds, shortTime, timeTick, wantsLog } from "./scale";
import {
  difficultyPoints,
  epochTimePoints,
  hashRatePoints,
  meanEpochTime,
  minerShares,
  poolPoints,
  targetPoints,
  toNumi,
  type EpochStat,
  type MinersAnswer,
  type Point,
  type PoolAnswer,
} from "./series";
import { EPOCHS_SHOWN, useEpochStats, usePoolHistory, useTargetEpochTime, useTopMiners } from "./useAnalytics";

/** Epochs the hash-rate average spans. */
const HASH_WINDOW = 10;

const epochLabel = (v: number) => Math.round(v).toLocaleString("en-US");
const numiLabel = (v: number) => `${compact(v)} NUMI`;
const hashLabel = (v: number) => `${compact(v)} H/s`;
const percent = (v: number) => `${compact(v)}%`;

/** Whether the positive values of the points span enough orders of magnitude for a log axis. */
function logFor(points: Point[]): boolean {
  const ys = points.map((p) => p.y).filter((y): y is number => y !== null && y > 0);
  return ys.length > 0 && wantsLog(Math.min(...ys), Math.max(...ys));
}

export function Analytics() {
  return (
    <>
      <h1>Analytics</h1>
      {hasIndexer() ? (
        <AnalyticsData />
      ) : (
        <p>
          Analytics need the NumiCoin indexer; this build has none — see <code>docs/indexer.md</code>.
        </p>
      )}
    </>
  );
}

function AnalyticsData() {
  const epochs = useEpochStats();
  const miners = useTopMiners();
  const pool = usePoolHistory();
  const queries = [epochs, miners, pool];
  const failed = queries.find((q) => q.isError);
  if (failed) {
    return (
      <div role="alert">
        <p className="error">{failed.error?.message ?? "The indexer did not answer."}</p>
        <button type="button" onClick={() => queries.forEach((q) => void q.refetch())}>
          Retry
        </button>
      </div>
    );
  }
  if (!epochs.data || !miners.data || !pool.data) {
    return <p role="status">Loading analytics from the indexer…</p>;
  }
  if (epochs.data.length === 0) return <p role="status">No rewards mined yet.</p>;
  return (
    <>
      <p className="muted small">
        From the NumiCoin indexer, refreshed every 30 seconds; the latest {EPOCHS_SHOWN.toLocaleString("en-US")} epochs
        at most. Each chart has a table of its values below it.
      </p>
      <Mining stats={epochs.data} />
      <Supply stats={epochs.data} />
      <Miners answer={miners.data} />
      <Pool answer={pool.data} at={Math.floor(pool.dataUpdatedAt / 1000)} />
    </>
  );
}

function Mining({ stats }: { stats: EpochStat[] }) {
  const target = useTargetEpochTime().data;
  const difficulty = difficultyPoints(stats);
  const targets = targetPoints(stats);
  const times = epochTimePoints(stats);
  const perEpoch = hashRatePoints(stats, 1);
  const averaged = hashRatePoints(stats, HASH_WINDOW);
  const latest = stats[stats.length - 1]!;
  const mean = meanEpochTime(stats);
  const rate = averaged[averaged.length - 1]?.y;
  const withTarget = target !== undefined ? [...times, { x: latest.epoch, y: Number(target) }] : times;
  return (
    <section className="card" aria-labelledby="mining">
      <h2 id="mining">Mining</h2>
      <dl className="grid">
        <Stat label="Epochs indexed" value={stats.length.toLocaleString("en-US")} />
        <Stat label="Difficulty now" value={compact(Number(latest.difficulty))} />
        <Stat label={`Hash rate (last ${HASH_WINDOW} epochs)`} value={rate ? hashLabel(rate) : "–"} />
        <Stat
          label="Mean epoch time / target"
          value={`${mean !== undefined ? seconds(mean) : "–"} / ${target !== undefined ? seconds(Number(target)) : "…"}`}
        />
      </dl>
      <LineChart
        title="Difficulty per epoch"
        description="How much harder than the easiest target each epoch's solution was (MAX_TARGET / target)."
        series={[{ name: "Difficulty", points: difficulty, color: COLORS.green }]}
        x={{ label: "Epoch", format: epochLabel, integer: true }}
        y={{ label: "difficulty", format: compact, log: logFor(difficulty) }}
      />
      <LineChart
        title="Mining target per epoch"
        description="A hash meets the target when it is at most this number; a lower target is harder."
        series={[{ name: "Target", points: targets, color: COLORS.blue }]}
        x={{ label: "Epoch", format: epochLabel, integer: true }}
        y={{ label: "target", format: compact, log: true }}
      />
      {times.length > 0 && (
        <LineChart
          title="Epoch time against the target"
          description="Seconds between one reward and the next; the difficulty adjusts to bring it to the target."
          series={[{ name: "Epoch time", points: times, color: COLORS.green }]}
          refs={target !== undefined ? [{ y: Number(target), label: "Target epoch time", color: COLORS.amber }] : []}
          x={{ label: "Epoch", format: epochLabel, integer: true }}
          y={{ label: "seconds", format: seconds, log: logFor(withTarget) }}
        />
      )}
      {times.length > 0 && (
        <LineChart
          title="Estimated network hash rate"
          description={`Hashes a solution takes on average (2^256 / (target + 1)) over the epoch's time; the
            ${HASH_WINDOW}-epoch average smooths the one-second resolution of block times.`}
          series={[
            { name: "Per epoch", points: perEpoch, color: COLORS.grey, dashed: true },
            { name: `${HASH_WINDOW}-epoch average`, points: averaged, color: COLORS.green },
          ]}
          x={{ label: "Epoch", format: epochLabel, integer: true }}
          y={{ label: "hashes per second", format: hashLabel, log: logFor(perEpoch) }}
        />
      )}
    </section>
  );
}

function Supply({ stats }: { stats: EpochStat[] }) {
  const latest = stats[stats.length - 1]!;
  const scheduled = supplyAfter(BigInt(latest.epoch) + 1n);
  const indexed = stats.map((s) => ({ x: s.epoch + 1, y: toNumi(s.supply) }));
  const schedule = schedulePoints().map((p) => ({ x: Number(p.epoch), y: toNumi(p.supply) }));
  const share = Number((latest.supply * 1_000_000n) / MAX_SUPPLY) / 10_000;
  return (
    <section className="card" aria-labelledby="supply">
      <h2 id="supply">Supply</h2>
      <dl className="grid">
        <Stat label="Supply" value={<Numi value={latest.supply} />} />
        <Stat label="Share of the cap" value={`${share}%`} />
        <Stat
          label={`Schedule after ${epochLabel(latest.epoch + 1)} epoch${latest.epoch === 0 ? "" : "s"}`}
          value={
            scheduled === latest.supply ? (
              "matches"
            ) : (
              <>
                differs: <Numi value={scheduled} />
              </>
            )
          }
        />
      </dl>
      <LineChart
        title="Supply against the emission schedule"
        description="Total supply after each indexed epoch, and what the schedule (50 NUMI per epoch, halving) says."
        series={[
          { name: "Supply", points: indexed, color: COLORS.green },
          {
            name: "Schedule",
            points: indexed.map((p) => ({ x: p.x, y: toNumi(supplyAfter(BigInt(p.x))) })),
            color: COLORS.amber,
            dashed: true,
          },
        ]}
        x={{ label: "Epochs mined", format: epochLabel, integer: true }}
        y={{ label: "NUMI", format: numiLabel }}
      />
      <LineChart
        title="The emission schedule to the cap"
        description={`Supply the schedule reaches by each halving (every ${compact(Number(HALVING_INTERVAL))}
          epochs), the cap of ${numiLabel(toNumi(MAX_SUPPLY))}, and the supply now.`}
        series={[
          { name: "Schedule", points: schedule, color: COLORS.amber },
          { name: "Supply now", points: [indexed[indexed.length - 1]!], color: COLORS.green },
        ]}
        refs={[{ y: toNumi(MAX_SUPPLY), label: "Cap", color: COLORS.purple }]}
        x={{ label: "Epochs mined", format: compact }}
        y={{ label: "NUMI", format: numiLabel }}
      />
    </section>
  );
}

function Miners({ answer }: { answer: MinersAnswer }) {
  const shares = minerShares(answer);
  return (
    <section className="card" aria-labelledby="miners">
      <h2 id="miners">Miners</h2>
      <p>
        {answer.miners.toLocaleString("en-US")} address{answer.miners === 1 ? "" : "es"} received{" "}
        {answer.rewards.toLocaleString("en-US")} reward{answer.rewards === 1 ? "" : "s"},{" "}
        <Numi value={BigInt(answer.reward)} /> in all; the pool got <Numi value={BigInt(answer.poolReward)} /> more.
      </p>
      <BarChart
        title={`Rewards per miner, top ${shares.length}`}
        description="NUMI received by each beneficiary (the address a solution was mined for), with its share of all rewards."
        bars={shares.map((m) => ({
          label: shortAddress(m.address),
          title: m.address,
          value: m.numi,
          text: `${numiLabel(m.numi)} (${percent(m.share)})`,
        }))}
        table={{
          head: ["Beneficiary", "Rewards", "NUMI", "Share"],
          rows: () => shares.map((m) => [m.address, String(m.rewards), formatAmount(m.wei, 18, 4), percent(m.share)]),
        }}
      />
    </section>
  );
}

function Pool({ answer, at }: { answer: PoolAnswer; at: number }) {
  const { staked, apr } = poolPoints(answer, at);
  const xs = staked.map((p) => p.x);
  const time = {
    label: "Time (UTC)",
    format: shortTime,
    tick: timeTick(Math.max(...xs) - Math.min(...xs)),
    time: true,
  };
  return (
    <section className="card" aria-labelledby="pool-history">
      <h2 id="pool-history">Pool</h2>
      {answer.points.length === 0 ? (
        <p>Nobody has staked in the pool yet.</p>
      ) : (
        <>
          <LineChart
            title="Pool APR"
            description="The reward stream's yearly payout over the total staked, after each stake, withdrawal and reward; 0 once a stream has ended."
            series={[{ name: "APR", points: apr, color: COLORS.green, step: true }]}
            x={time}
            y={{ label: "percent per year", format: percent }}
          />
          <LineChart
            title="Total staked"
            description="NUMI staked in the pool after each stake and withdrawal."
            series={[{ name: "Total staked", points: staked, color: COLORS.blue, step: true }]}
            x={time}
            y={{ label: "NUMI", format: numiLabel }}
          />
        </>
      )}
    </section>
  );
}
