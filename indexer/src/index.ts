// Ponder's event handlers: each event becomes its own row, updates the per-account and per-chain state it
// changes, and adds one activity row per account it touches. Ponder runs them in chain order and undoes their
// writes on a reorg, so nothing here reasons about reorgs.
import { ponder, type Context } from "ponder:registry";
import {
  account,
  activity,
  approval,
  delegateChange,
  delegateVotesChange,
  epochStat,
  mint,
  network,
  poolEvent,
  proposal,
  proposalAction,
  transfer,
  vote,
} from "ponder:schema";
import { replaceBigInts } from "ponder";
import { zeroAddress, type Hex } from "viem";
import { NumiCoin, NumiCoinAbi } from "@numi/contracts";
import { decodeCall } from "./decode";
import { expectedHashes, hashRate } from "./stats";

type Kind = (typeof activity.$inferInsert)["kind"];

interface EventMeta {
  id: string;
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: Hex; from: Hex };
  log: { logIndex: number };
}

/** The columns every event row shares. */
function meta(context: Context, event: EventMeta) {
  return {
    chainId: context.chain.id,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  };
}

async function addActivity(
  context: Context,
  event: EventMeta,
  who: Hex,
  kind: Kind,
  fields: { amount?: bigint; counterparty?: Hex; proposalId?: bigint; support?: number } = {},
) {
  await context.db
    .insert(activity)
    .values({ id: `${event.id}-${who.toLowerCase()}-${kind}`, account: who, kind, ...fields, ...meta(context, event) });
}

/** Adds to (or subtracts from, with a negative delta) an account's running totals, creating its row if needed. */
async function adjust(
  context: Context,
  address: Hex,
  delta: Partial<Record<"balance" | "staked" | "claimed" | "mined", bigint>>,
) {
  const zero = { balance: 0n, staked: 0n, claimed: 0n, mined: 0n, ...delta };
  await context.db
    .insert(account)
    .values({ chainId: context.chain.id, address, ...zero })
    .onConflictDoUpdate((row) => ({
      balance: row.balance + (delta.balance ?? 0n),
      staked: row.staked + (delta.staked ?? 0n),
      claimed: row.claimed + (delta.claimed ?? 0n),
      mined: row.mined + (delta.mined ?? 0n),
    }));
}

async function networkRow(context: Context) {
  return (
    (await context.db.find(network, { chainId: context.chain.id })) ??
    (await context.db.insert(network).values({ chainId: context.chain.id }))
  );
}

// ─────────────────────────────── NumiCoin ───────────────────────────────

/** True for this chain's mining pool: its Staked, Withdrawn and RewardPaid rows stand for the transfers. */
function isPool(context: Context, address: Hex): boolean {
  const pool = context.contracts.MiningPool.address;
  return typeof pool === "string" && pool.toLowerCase() === address.toLowerCase();
}

ponder.on("NumiCoin:Transfer", async ({ event, context }) => {
  const { from, to, value } = event.args;
  await context.db.insert(transfer).values({ id: event.id, from, to, amount: value, ...meta(context, event) });
  // A transfer to or from the pool is a stake, a withdrawal or a claim: the pool's event makes the activity row.
  const viaPool = isPool(context, from) || isPool(context, to);
  if (from !== zeroAddress) {
    await adjust(context, from, { balance: -value });
    if (!viaPool) await addActivity(context, event, from, "sent", { amount: value, counterparty: to });
  }
  if (to !== zeroAddress) {
    await adjust(context, to, { balance: value });
    // A credit from the zero address is a reward: the Mint event records it as "mined".
    if (from !== zeroAddress && !viaPool)
      await addActivity(context, event, to, "received", { amount: value, counterparty: from });
  }
  const supplyDelta = (from === zeroAddress ? value : 0n) - (to === zeroAddress ? value : 0n);
  if (supplyDelta !== 0n) {
    await networkRow(context);
    await context.db
      .update(network, { chainId: context.chain.id })
      .set((row) => ({ supply: row.supply + supplyDelta }));
  }
});

ponder.on("NumiCoin:Approval", async ({ event, context }) => {
  const { owner, spender, value } = event.args;
  await context.db.insert(approval).values({ id: event.id, owner, spender, amount: value, ...meta(context, event) });
  await addActivity(context, event, owner, "approved", { amount: value, counterparty: spender });
});

// Mint comes first in the rewarding transaction, EpochRewarded right after it (NumiCoin._reward).
ponder.on("NumiCoin:Mint", async ({ event, context }) => {
  const { from: beneficiary, rewardAmount, epochCount, newChallengeNumber } = event.args;
  const state = await networkRow(context);
  // The target this solution met: the previous reward's new target, or (first reward indexed) the chain's
  // target in the block before this one.
  const target =
    state.target ??
    (await context.client.readContract({
      abi: NumiCoinAbi,
      address: event.log.address,
      functionName: "getMiningTarget",
      blockNumber: event.block.number - 1n,
    }));
  await context.db.insert(mint).values({
    chainId: context.chain.id,
    epoch: epochCount - 1n,
    miner: event.transaction.from,
    beneficiary,
    reward: rewardAmount,
    poolReward: 0n, // EpochRewarded sets it
    target,
    difficulty: NumiCoin.MAX_TARGET / target,
    nextTarget: target, // EpochRewarded sets it
    challenge: newChallengeNumber,
    timestamp: event.block.timestamp,
    blockNumber: event.block.number,
    txHash: event.transaction.hash,
  });
  await adjust(context, beneficiary, { mined: rewardAmount });
  const miner = event.transaction.from;
  await addActivity(context, event, beneficiary, "mined", {
    amount: rewardAmount,
    ...(miner.toLowerCase() !== beneficiary.toLowerCase() ? { counterparty: miner } : {}),
  });
});

ponder.on("NumiCoin:EpochRewarded", async ({ event, context }) => {
  const { epoch, newTarget, poolReward } = event.args;
  const chainId = context.chain.id;
  const row = await context.db.update(mint, { chainId, epoch }).set({ poolReward, nextTarget: newTarget });
  const state = await networkRow(context);
  const duration = state.lastRewardAt === null ? null : event.block.timestamp - state.lastRewardAt;
  await context.db.insert(epochStat).values({
    chainId,
    epoch,
    timestamp: event.block.timestamp,
    duration,
    target: row.target,
    difficulty: row.difficulty,
    expectedHashes: expectedHashes(row.target),
    hashRate: hashRate(row.target, duration),
    supply: state.supply,
  });
  await context.db
    .update(network, { chainId })
    .set((n) => ({ target: newTarget, lastRewardAt: event.block.timestamp, epochs: n.epochs + 1n }));
});

ponder.on("NumiCoin:DelegateChanged", async ({ event, context }) => {
  const { delegator, fromDelegate, toDelegate } = event.args;
  await context.db
    .insert(delegateChange)
    .values({ id: event.id, delegator, fromDelegate, toDelegate, ...meta(context, event) });
  await adjust(context, delegator, {});
  await context.db.update(account, { chainId: context.chain.id, address: delegator }).set({ delegate: toDelegate });
  await addActivity(context, event, delegator, "delegated", { counterparty: toDelegate });
});

ponder.on("NumiCoin:DelegateVotesChanged", async ({ event, context }) => {
  const { delegate, previousVotes, newVotes } = event.args;
  await context.db
    .insert(delegateVotesChange)
    .values({ id: event.id, delegate, previousVotes, newVotes, ...meta(context, event) });
  await adjust(context, delegate, {});
  await context.db.update(account, { chainId: context.chain.id, address: delegate }).set({ votes: newVotes });
});

// ─────────────────────────────── MiningPool ───────────────────────────────

async function addPoolEvent(
  context: Context,
  name: string,
  event: EventMeta & { args: object },
  who?: Hex,
  amount?: bigint,
) {
  await context.db.insert(poolEvent).values({
    id: event.id,
    name,
    account: who ?? null,
    amount: amount ?? null,
    args: replaceBigInts(event.args, (v) => String(v)),
    ...meta(context, event),
  });
}

ponder.on("MiningPool:Staked", async ({ event, context }) => {
  const { account: who, amount } = event.args;
  await addPoolEvent(context, "Staked", event, who, amount);
  await adjust(context, who, { staked: amount });
  await addActivity(context, event, who, "staked", { amount, counterparty: event.log.address });
});

ponder.on("MiningPool:Withdrawn", async ({ event, context }) => {
  const { account: who, amount } = event.args;
  await addPoolEvent(context, "Withdrawn", event, who, amount);
  await adjust(context, who, { staked: -amount });
  await addActivity(context, event, who, "withdrew", { amount, counterparty: event.log.address });
});

ponder.on("MiningPool:RewardPaid", async ({ event, context }) => {
  const { account: who, amount } = event.args;
  await addPoolEvent(context, "RewardPaid", event, who, amount);
  await adjust(context, who, { claimed: amount });
  await addActivity(context, event, who, "claimed", { amount, counterparty: event.log.address });
});

ponder.on("MiningPool:RewardsStreamed", async ({ event, context }) => {
  await addPoolEvent(context, "RewardsStreamed", event, undefined, event.args.amount);
});
ponder.on("MiningPool:FeeUpdated", async ({ event, context }) => addPoolEvent(context, "FeeUpdated", event));
ponder.on("MiningPool:TreasuryUpdated", async ({ event, context }) => addPoolEvent(context, "TreasuryUpdated", event));
ponder.on("MiningPool:StakingPausedSet", async ({ event, context }) =>
  addPoolEvent(context, "StakingPausedSet", event),
);
ponder.on("MiningPool:Swept", async ({ event, context }) =>
  addPoolEvent(context, "Swept", event, event.args.to, event.args.amount),
);

// ─────────────────────────────── NumiGovernor ───────────────────────────────

ponder.on("NumiGovernor:ProposalCreated", async ({ event, context }) => {
  const { proposalId, proposer, targets, values, calldatas, voteStart, voteEnd, description } = event.args;
  const chainId = context.chain.id;
  await context.db.insert(proposal).values({
    chainId,
    id: proposalId,
    proposer,
    description,
    voteStart,
    voteEnd,
    status: "created",
    createdAt: event.block.timestamp,
    createdBlock: event.block.number,
    createdTx: event.transaction.hash,
  });
  for (const [i, target] of targets.entries()) {
    const calldata = calldatas[i] ?? "0x";
    await context.db.insert(proposalAction).values({
      chainId,
      proposalId,
      index: i,
      target,
      value: values[i] ?? 0n,
      calldata,
      ...decodeCall(chainId, target, calldata),
    });
  }
  await addActivity(context, event, proposer, "proposed", { proposalId });
});

async function recordVote(
  context: Context,
  event: EventMeta & {
    args: { voter: Hex; proposalId: bigint; support: number; weight: bigint; reason: string; params?: Hex };
  },
) {
  const { voter, proposalId, support, weight, reason, params } = event.args;
  await context.db.insert(vote).values({
    id: event.id,
    proposalId,
    voter,
    support,
    weight,
    reason,
    params: params ?? null,
    ...meta(context, event),
  });
  await context.db.update(proposal, { chainId: context.chain.id, id: proposalId }).set((p) => ({
    againstVotes: p.againstVotes + (support === 0 ? weight : 0n),
    forVotes: p.forVotes + (support === 1 ? weight : 0n),
    abstainVotes: p.abstainVotes + (support === 2 ? weight : 0n),
  }));
  await addActivity(context, event, voter, "voted", { amount: weight, proposalId, support });
}

ponder.on("NumiGovernor:VoteCast", async ({ event, context }) => recordVote(context, event));
ponder.on("NumiGovernor:VoteCastWithParams", async ({ event, context }) => recordVote(context, event));

ponder.on("NumiGovernor:ProposalExtended", async ({ event, context }) => {
  const { proposalId, extendedDeadline } = event.args;
  await context.db.update(proposal, { chainId: context.chain.id, id: proposalId }).set({ voteEnd: extendedDeadline });
});

ponder.on("NumiGovernor:ProposalQueued", async ({ event, context }) => {
  const { proposalId, etaSeconds } = event.args;
  await context.db
    .update(proposal, { chainId: context.chain.id, id: proposalId })
    .set({ status: "queued", eta: etaSeconds, queuedTx: event.transaction.hash, queuedAt: event.block.timestamp });
  await addActivity(context, event, event.transaction.from, "queued", { proposalId });
});

ponder.on("NumiGovernor:ProposalExecuted", async ({ event, context }) => {
  const { proposalId } = event.args;
  await context.db
    .update(proposal, { chainId: context.chain.id, id: proposalId })
    .set({ status: "executed", executedTx: event.transaction.hash, executedAt: event.block.timestamp });
  await addActivity(context, event, event.transaction.from, "executed", { proposalId });
});

ponder.on("NumiGovernor:ProposalCanceled", async ({ event, context }) => {
  await context.db
    .update(proposal, { chainId: context.chain.id, id: event.args.proposalId })
    .set({ status: "canceled", canceledTx: event.transaction.hash, canceledAt: event.block.timestamp });
});
