// The Activity page's rows: the words for each kind, and the RPC fallback's decoding of raw logs (what it keeps,
// what it leaves to other rows, what it drops).
import { describe, expect, it } from "vitest";
import {
  encodeAbiParameters,
  encodeEventTopics,
  maxUint256,
  parseEther,
  type Abi,
  type Address,
  type Hex,
  type RpcLog,
} from "viem";
import { NumiCoinAbi } from "@numi/contracts/abi/NumiCoin";
import { MiningPoolAbi } from "@numi/contracts/abi/MiningPool";
import { NumiGovernorAbi } from "@numi/contracts/abi/NumiGovernor";
import { describeEntry, type ActivityEntry } from "@/features/activity/activityEntry";
import { decodeAccountLogs } from "@/features/activity/fromLogs";

const me = "0x1111111111111111111111111111111111111111" as Address;
const other = "0x2222222222222222222222222222222222222222" as Address;
const at = {
  token: "0x00000000000000000000000000000000000000a1" as Address,
  pool: "0x00000000000000000000000000000000000000b2" as Address,
  governor: "0x00000000000000000000000000000000000000c3" as Address,
};
const abi = [...NumiCoinAbi, ...MiningPoolAbi, ...NumiGovernorAbi] as Abi;

let logIndex = 0;
/** A raw log of `eventName` from `address` with `args`, as eth_getLogs returns it. */
function log(address: Address, eventName: string, args: Record<string, unknown>, block = 7): RpcLog {
  const event = abi.find((x) => x.type === "event" && x.name === eventName) as Extract<Abi[number], { type: "event" }>;
  const topics = encodeEventTopics({ abi: [event], eventName, args } as never) as Hex[];
  const data = event.inputs.filter((i) => !i.indexed);
  return {
    address,
    topics: topics as [Hex, ...Hex[]],
    data: encodeAbiParameters(
      data,
      data.map((i) => args[i.name!]),
    ),
    blockNumber: `0x${block.toString(16)}`,
    transactionHash: `0x${"ab".repeat(32)}`,
    logIndex: `0x${(logIndex++).toString(16)}`,
    blockHash: `0x${"cd".repeat(32)}`,
    transactionIndex: "0x0",
    removed: false,
  } as RpcLog;
}

const entry = (e: Partial<ActivityEntry>): ActivityEntry => ({
  id: "x",
  kind: "sent",
  blockNumber: 1n,
  txHash: "0x00",
  logIndex: 0,
  ...e,
});

describe("describeEntry", () => {
  it("says what happened, how much and with whom", () => {
    expect(describeEntry(entry({ kind: "sent", amount: parseEther("1.5"), counterparty: other }))).toEqual({
      label: "Sent",
      amount: "1.5 NUMI",
      detail: "to 0x2222…2222",
    });
    expect(
      describeEntry(entry({ kind: "received", amount: 1n, counterparty: at.pool }), { [at.pool]: "the staking pool" })
        .detail,
    ).toBe("from the staking pool");
    expect(describeEntry(entry({ kind: "approved", amount: maxUint256, counterparty: other })).amount).toBe(
      "unlimited",
    );
    expect(
      describeEntry(entry({ kind: "voted", amount: 2n * 10n ** 18n, proposalId: 123456789012345678n, support: 1 })),
    ).toEqual({
      label: "Voted",
      amount: "2 NUMI",
      detail: "for on proposal 1234…5678",
    });
    expect(describeEntry(entry({ kind: "executed", proposalId: 42n })).detail).toBe("proposal 42");
  });
});

describe("decodeAccountLogs", () => {
  it("keeps the account's own events and leaves pool transfers and rewards to their own rows", () => {
    const logs = [
      log(at.token, "Transfer", { from: me, to: other, value: 5n }),
      log(at.token, "Transfer", { from: other, to: me, value: 6n }),
      log(at.token, "Transfer", { from: "0x0000000000000000000000000000000000000000", to: me, value: 7n }), // reward
      log(at.token, "Mint", { from: me, rewardAmount: 7n, epochCount: 1n, newChallengeNumber: `0x${"00".repeat(32)}` }),
      log(at.token, "Transfer", { from: me, to: at.pool, value: 8n }), // the stake's transfer
      log(at.pool, "Staked", { account: me, amount: 8n }),
      log(at.pool, "RewardPaid", { account: me, amount: 1n }),
      log(at.token, "Approval", { owner: me, spender: at.pool, value: 8n }),
      log(at.token, "DelegateChanged", { delegator: me, fromDelegate: me, toDelegate: other }),
      log(at.governor, "VoteCast", { voter: me, proposalId: 9n, support: 0, weight: 3n, reason: "" }),
      log(at.pool, "Staked", { account: other, amount: 1n }), // someone else's
      log(other, "Transfer", { from: me, to: other, value: 1n }), // another token's
    ];
    const rows = decodeAccountLogs(logs, me, at, abi);
    expect(rows.map((r) => [r.kind, r.amount, r.counterparty])).toEqual([
      ["sent", 5n, other],
      ["received", 6n, other],
      ["mined", 7n, undefined],
      ["staked", 8n, undefined],
      ["claimed", 1n, undefined],
      ["approved", 8n, at.pool],
      ["delegated", undefined, other],
      ["voted", 3n, undefined],
    ]);
    expect(rows.find((r) => r.kind === "voted")).toMatchObject({ proposalId: 9n, support: 0 });
  });

  it("reads a transfer to oneself once from each side, and a log both queries returned only once", () => {
    const self = log(at.token, "Transfer", { from: me, to: me, value: 2n });
    const rows = decodeAccountLogs([self, self], me, at, abi);
    expect(rows.map((r) => r.kind)).toEqual(["sent", "received"]);
  });

  it("orders rows by block, then log index", () => {
    const late = log(at.pool, "Staked", { account: me, amount: 1n }, 9);
    const early = log(at.pool, "Withdrawn", { account: me, amount: 1n }, 3);
    expect(decodeAccountLogs([late, early], me, at, abi).map((r) => r.kind)).toEqual(["withdrew", "staked"]);
  });
});
