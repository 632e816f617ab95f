// The HTTP API beside Ponder's built-in /health, /ready, /status and /metrics: SQL over HTTP for
// @ponder/client at /sql/*, GraphQL at / and /graphql, and the aggregates GraphQL cannot express for the
// dApp's /analytics page at /analytics/* (docs/indexer.md, "Analytics").
import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { and, asc, client, count, countDistinct, desc, eq, graphql, inArray, max, replaceBigInts, sum } from "ponder";
import { poolSeries } from "../poolSeries";

const app = new Hono();

app.use("/sql/*", client({ db, schema }));
app.use("/", graphql({ db, schema }));
app.use("/graphql", graphql({ db, schema }));

/** Most points /analytics/pool returns: the latest ones. */
const MAX_POOL_POINTS = 1000;

/** The `chainId` query parameter (default 31337); undefined when it is not a positive integer. */
function chainParam(raw: string | undefined): number | undefined {
  const id = Number(raw ?? 31337);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** Integers as decimal strings, the way GraphQL returns them. */
const json = <T>(value: T) => replaceBigInts(value, (v) => String(v));

// Rewards per beneficiary (the address the proof of work was bound to), most NUMI first.
app.get("/analytics/miners", async (c) => {
  const chainId = chainParam(c.req.query("chainId"));
  const limit = Math.min(Math.max(Number(c.req.query("limit") ?? 10) || 10, 1), 100);
  if (chainId === undefined) return c.json({ error: "chainId must be a positive integer" }, 400);
  const onChain = eq(schema.mint.chainId, chainId);
  const total = sum(schema.mint.reward);
  const [totals] = await db
    .select({
      rewards: count(),
      reward: sum(schema.mint.reward),
      poolReward: sum(schema.mint.poolReward),
      miners: countDistinct(schema.mint.beneficiary),
    })
    .from(schema.mint)
    .where(onChain);
  const top = await db
    .select({
      beneficiary: schema.mint.beneficiary,
      rewards: count(),
      reward: total,
      lastEpoch: max(schema.mint.epoch),
    })
    .from(schema.mint)
    .where(onChain)
    .groupBy(schema.mint.beneficiary)
    .orderBy(desc(total), asc(schema.mint.beneficiary))
    .limit(limit);
  return c.json(
    json({
      chainId,
      rewards: totals?.rewards ?? 0,
      reward: totals?.reward ?? "0",
      poolReward: totals?.poolReward ?? "0",
      miners: totals?.miners ?? 0,
      top: top.map((m) => ({ ...m, reward: m.reward ?? "0" })),
    }),
  );
});

// Total staked and the reward stream after every Staked, Withdrawn and RewardsStreamed, oldest first.
app.get("/analytics/pool", async (c) => {
  const chainId = chainParam(c.req.query("chainId"));
  if (chainId === undefined) return c.json({ error: "chainId must be a positive integer" }, 400);
  const rows = await db
    .select({
      name: schema.poolEvent.name,
      amount: schema.poolEvent.amount,
      args: schema.poolEvent.args,
      blockNumber: schema.poolEvent.blockNumber,
      timestamp: schema.poolEvent.timestamp,
    })
    .from(schema.poolEvent)
    .where(
      and(
        eq(schema.poolEvent.chainId, chainId),
        inArray(schema.poolEvent.name, ["Staked", "Withdrawn", "RewardsStreamed"]),
      ),
    )
    .orderBy(asc(schema.poolEvent.blockNumber), asc(schema.poolEvent.logIndex));
  const points = poolSeries(rows);
  return c.json(json({ chainId, events: points.length, points: points.slice(-MAX_POOL_POINTS) }));
});

export default app;
