// The indexer's tables. Every row carries its chain id; ids of event rows are Ponder's event ids, which sort in chain order
// (plus `-<account>` for activity). Amounts are raw wei-like integers (NUMI has 18 decimals), times are Unix
// seconds of the block. docs/indexer.md describes every column.
import { index, onchainTable, primaryKey } from "ponder";

export const transfer = onchainTable(
  "transfer",
  (t) => ({
    id: t.text().primaryKey(),
    from: t.hex().notNull(),
    to: t.hex().notNull(),
    amount: t.bigint().notNull(),
    chainId: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (t) => ({ fromIdx: index().on(t.from), toIdx: index().on(t.to) }),
);

export const approval = onchainTable("approval", (t) => ({
  id: t.text().primaryKey(),
  owner: t.hex().notNull(),
  spender: t.hex().notNull(),
  amount: t.bigint().notNull(),
  chainId: t.integer().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  txHash: t.hex().notNull(),
  logIndex: t.integer().notNull(),
}));

/** One row per account and chain: balance from transfers, stake from pool events, delegate and votes. */
export const account = onchainTable(
  "account",
  (t) => ({
    chainId: t.integer().notNull(),
    address: t.hex().notNull(),
    balance: t.bigint().notNull().default(0n),
    staked: t.bigint().notNull().default(0n),
    claimed: t.bigint().notNull().default(0n),
    mined: t.bigint().notNull().default(0n),
    delegate: t.hex(),
    votes: t.bigint().notNull().default(0n),
  }),
  (t) => ({ pk: primaryKey({ columns: [t.chainId, t.address] }) }),
);

/** One row per reward (Mint and EpochRewarded of the same transaction). */
export const mint = onchainTable(
  "mint",
  (t) => ({
    chainId: t.integer().notNull(),
    epoch: t.bigint().notNull(), // the epoch this solution closed (Mint's epochCount - 1)
    miner: t.hex().notNull(), // the transaction's sender
    beneficiary: t.hex().notNull(), // Mint's `from`: msg.sender for mint(), the beneficiary for mintTo()
    reward: t.bigint().notNull(), // Mint's rewardAmount: the beneficiary's part
    poolReward: t.bigint().notNull(), // EpochRewarded's poolReward: the pool's share
    target: t.bigint().notNull(), // the target the solution met
    difficulty: t.bigint().notNull(), // MAX_TARGET / target, as getMiningDifficulty() computes it
    nextTarget: t.bigint().notNull(), // EpochRewarded's newTarget: the next epoch's target
    challenge: t.hex().notNull(), // Mint's newChallengeNumber
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (t) => ({ pk: primaryKey({ columns: [t.chainId, t.epoch] }), beneficiaryIdx: index().on(t.beneficiary) }),
);

/** Network statistics per epoch: see docs/indexer.md for the hash-rate formula. */
export const epochStat = onchainTable(
  "epoch_stat",
  (t) => ({
    chainId: t.integer().notNull(),
    epoch: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    duration: t.bigint(), // seconds since the previous reward; null for the first epoch indexed
    target: t.bigint().notNull(),
    difficulty: t.bigint().notNull(),
    expectedHashes: t.bigint().notNull(), // 2^256 / (target + 1)
    hashRate: t.bigint(), // expectedHashes / duration (hashes per second); null when duration is null or 0
    supply: t.bigint().notNull(), // total supply after this epoch's reward
  }),
  (t) => ({ pk: primaryKey({ columns: [t.chainId, t.epoch] }) }),
);

/** Per-chain running state the handlers need: the current target, the last reward time, the supply. */
export const network = onchainTable("network", (t) => ({
  chainId: t.integer().primaryKey(),
  target: t.bigint(),
  lastRewardAt: t.bigint(),
  supply: t.bigint().notNull().default(0n),
  epochs: t.bigint().notNull().default(0n),
}));

/** Every event of the mining pool, by name, with its decoded arguments. */
export const poolEvent = onchainTable(
  "pool_event",
  (t) => ({
    id: t.text().primaryKey(),
    name: t.text().notNull(), // Staked, Withdrawn, RewardPaid, RewardsStreamed, FeeUpdated, ...
    account: t.hex(), // Staked / Withdrawn / RewardPaid: the account; Swept: the recipient
    amount: t.bigint(),
    args: t.json().notNull(), // every argument; integers above 48 bits as decimal strings
    chainId: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (t) => ({ nameIdx: index().on(t.name), accountIdx: index().on(t.account) }),
);

export const proposal = onchainTable(
  "proposal",
  (t) => ({
    chainId: t.integer().notNull(),
    id: t.bigint().notNull(), // the governor's proposalId
    proposer: t.hex().notNull(),
    description: t.text().notNull(),
    voteStart: t.bigint().notNull(), // timestamps: the token's clock is mode=timestamp
    voteEnd: t.bigint().notNull(),
    status: t.text().notNull(), // created | queued | executed | canceled (Active/Defeated/... depend on time)
    eta: t.bigint(), // ProposalQueued's etaSeconds
    forVotes: t.bigint().notNull().default(0n),
    againstVotes: t.bigint().notNull().default(0n),
    abstainVotes: t.bigint().notNull().default(0n),
    createdAt: t.bigint().notNull(),
    createdBlock: t.bigint().notNull(),
    createdTx: t.hex().notNull(),
    queuedTx: t.hex(),
    queuedAt: t.bigint(),
    executedTx: t.hex(),
    executedAt: t.bigint(),
    canceledTx: t.hex(),
    canceledAt: t.bigint(),
  }),
  (t) => ({ pk: primaryKey({ columns: [t.chainId, t.id] }) }),
);

/** The actions of a proposal, decoded with the ABI of the known contract at the target when possible. */
export const proposalAction = onchainTable(
  "proposal_action",
  (t) => ({
    chainId: t.integer().notNull(),
    proposalId: t.bigint().notNull(),
    index: t.integer().notNull(),
    target: t.hex().notNull(),
    contract: t.text(), // NumiCoin, MiningPool, NumiGovernor or NumiTimelock; null for any other target
    value: t.bigint().notNull(),
    signature: t.text(), // e.g. setFee(uint16); null when the calldata could not be decoded
    functionName: t.text(),
    args: t.json(), // decoded arguments (integers above 48 bits as strings); null when not decoded
    calldata: t.hex().notNull(),
  }),
  (t) => ({ pk: primaryKey({ columns: [t.chainId, t.proposalId, t.index] }) }),
);

export const vote = onchainTable(
  "vote",
  (t) => ({
    id: t.text().primaryKey(),
    proposalId: t.bigint().notNull(),
    voter: t.hex().notNull(),
    support: t.integer().notNull(), // 0 against, 1 for, 2 abstain
    weight: t.bigint().notNull(),
    reason: t.text().notNull(),
    params: t.hex(), // VoteCastWithParams only
    chainId: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (t) => ({ proposalIdx: index().on(t.proposalId), voterIdx: index().on(t.voter) }),
);

export const delegateChange = onchainTable("delegate_change", (t) => ({
  id: t.text().primaryKey(),
  delegator: t.hex().notNull(),
  fromDelegate: t.hex().notNull(),
  toDelegate: t.hex().notNull(),
  chainId: t.integer().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  txHash: t.hex().notNull(),
  logIndex: t.integer().notNull(),
}));

export const delegateVotesChange = onchainTable("delegate_votes_change", (t) => ({
  id: t.text().primaryKey(),
  delegate: t.hex().notNull(),
  previousVotes: t.bigint().notNull(),
  newVotes: t.bigint().notNull(),
  chainId: t.integer().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  txHash: t.hex().notNull(),
  logIndex: t.integer().notNull(),
}));

/** One row per event touching an account, for its history. */
export const activity = onchainTable(
  "activity",
  (t) => ({
    id: t.text().primaryKey(),
    account: t.hex().notNull(),
    kind: t
      .text({
        enum: [
          "sent",
          "received",
          "mined",
          "staked",
          "withdrew",
          "claimed",
          "approved",
          "delegated",
          "proposed",
          "voted",
          "queued",
          "executed",
        ],
      })
      .notNull(),
    amount: t.bigint(),
    counterparty: t.hex(),
    proposalId: t.bigint(),
    support: t.integer(), // voted: 0 against, 1 for, 2 abstain
    chainId: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (t) => ({ accountIdx: index().on(t.chainId, t.account, t.blockNumber) }),
);
