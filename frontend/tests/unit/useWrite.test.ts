// useWrite's state machine (lib/writeFlow.ts), one transition at a time, with the wallet, the RPC and the
// chain replaced by fakes that fail the way viem and wagmi do.
import { afterEach, describe, expect, test, vi, type Mock } from "vitest";
import {
  ChainMismatchError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  HttpRequestError,
  InsufficientFundsError,
  TransactionExecutionError,
  UserRejectedRequestError,
  encodeErrorResult,
  parseEther,
  type Hash,
  type TransactionReceipt,
} from "viem";
import { mainnet } from "viem/chains";
import { numiAbi } from "@/config/contracts";
import {
  createWriteFlow,
  isInFlight,
  RETRIES,
  type TxState,
  type TxStep,
  type WalletStatus,
  type WriteEnv,
  type WriteRequest,
} from "@/lib/writeFlow";

const ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const HASH: Hash = `0x${"ab".repeat(32)}`;
const EXPLORER = "https://explorer.example";

const send5: WriteRequest = {
  address: TOKEN,
  abi: numiAbi,
  functionName: "transfer",
  args: [ALICE, parseEther("5")],
  label: "Send 5 NUMI",
};

function receipt(status: "success" | "reverted"): TransactionReceipt {
  return {
    blockHash: `0x${"01".repeat(32)}`,
    blockNumber: 12n,
    contractAddress: null,
    cumulativeGasUsed: 51_000n,
    effectiveGasPrice: 1_000_000_000n,
    from: ALICE,
    gasUsed: 51_000n,
    logs: [],
    logsBloom: `0x${"00".repeat(256)}`,
    status,
    to: TOKEN,
    transactionHash: HASH,
    transactionIndex: 0,
    type: "eip1559",
  };
}

const networkDown = () => new HttpRequestError({ url: "http://127.0.0.1:8545", details: "fetch failed" });
const userRejected = () => new UserRejectedRequestError(new Error("User rejected the request."));

/** What viem's simulateContract throws when a transfer reverts with the token's ERC20InsufficientBalance. */
function insufficientBalance(balance: bigint, needed: bigint) {
  const data = encodeErrorResult({
    abi: numiAbi,
    errorName: "ERC20InsufficientBalance",
    args: [ALICE, balance, needed],
  });
  const cause = new ContractFunctionRevertedError({ abi: numiAbi, data, functionName: "transfer" });
  return new ContractFunctionExecutionError(cause, {
    abi: numiAbi,
    functionName: "transfer",
    args: [ALICE, needed],
    contractAddress: TOKEN,
  });
}

const READY: WalletStatus = { online: true, isConnected: true, address: ALICE, onTargetChain: true };

type Env = WriteEnv<string>;
interface Fakes {
  simulate: Mock<Env["simulate"]>;
  send: Mock<Env["send"]>;
  waitForReceipt: Mock<Env["waitForReceipt"]>;
  refresh: Mock<Env["refresh"]>;
}
interface Options extends Partial<Fakes> {
  fee?: Mock<NonNullable<Env["fee"]>>;
  status?: Env["status"];
  chain?: Env["chain"];
}

/** A flow whose wallet is READY (overridden by `status`) and whose every step succeeds unless `options` says otherwise. */
function setup(status: Partial<WalletStatus> = {}, options: Options = {}) {
  const {
    status: statusNow = () => ({ ...READY, ...status }),
    chain = { name: "NumiCoin Local", explorer: EXPLORER },
    ...mocks
  } = options;
  const fakes: Fakes = {
    simulate: vi.fn<Env["simulate"]>().mockResolvedValue("prepared request"),
    send: vi.fn<Env["send"]>().mockResolvedValue(HASH),
    waitForReceipt: vi.fn<Env["waitForReceipt"]>().mockResolvedValue(receipt("success")),
    refresh: vi.fn<Env["refresh"]>().mockResolvedValue(undefined),
    ...mocks,
  };
  const states: TxState[] = [];
  const flow = createWriteFlow<string>({ status: statusNow, chain, ...fakes }, (s) => states.push(s));
  const steps = () => states.map((s) => s.step);
  const last = () => states[states.length - 1];
  return { flow, states, steps, last, ...fakes };
}

const rejecting = <F extends keyof Fakes>(_step: F, error: unknown): Mock<Env[F]> =>
  vi.fn<Env[F]>().mockRejectedValue(error);

afterEach(() => {
  vi.useRealTimers();
});

describe("useWrite: the way to a confirmed transaction", () => {
  test("idle -> checking -> confirm in wallet -> pending -> confirmed, and the receipt is returned", async () => {
    const t = setup();
    const result = await t.flow.write(send5);
    expect(t.steps()).toEqual(["checking", "confirm", "pending", "confirmed"]);
    expect(result?.status).toBe("success");
    expect(t.last()).toMatchObject({
      step: "confirmed",
      label: "Send 5 NUMI",
      hash: HASH,
      explorer: `${EXPLORER}/tx/${HASH}`,
      receipt: { status: "success" },
    });
    expect(t.last().error).toBeUndefined();
  });

  test("the call is simulated from the connected account, and the simulation's request is what the wallet signs", async () => {
    const t = setup();
    await t.flow.write(send5);
    expect(t.simulate).toHaveBeenCalledWith(send5, ALICE);
    expect(t.send).toHaveBeenCalledWith("prepared request");
    expect(t.waitForReceipt).toHaveBeenCalledWith(HASH);
  });

  test("the wallet is asked only after the simulation passed, and the hash shows only once it is known", async () => {
    const t = setup();
    await t.flow.write(send5);
    const [checking, confirm, pending] = t.states;
    expect(checking.hash).toBeUndefined();
    expect(confirm.hash).toBeUndefined();
    expect(pending).toMatchObject({ step: "pending", hash: HASH, explorer: `${EXPLORER}/tx/${HASH}` });
    expect(t.simulate.mock.invocationCallOrder[0]).toBeLessThan(t.send.mock.invocationCallOrder[0]);
  });

  test("every read is refetched once the transaction is in a block, before it is reported confirmed", async () => {
    const t = setup();
    let stepAtRefresh: TxStep | undefined;
    t.refresh.mockImplementation(async () => {
      stepAtRefresh = t.last().step;
    });
    await t.flow.write(send5);
    expect(t.refresh).toHaveBeenCalledTimes(1);
    expect(stepAtRefresh).toBe("pending");
  });

  test("a chain without an explorer shows the hash and no link", async () => {
    const t = setup({}, { chain: { name: "NumiCoin Local" } });
    await t.flow.write(send5);
    expect(t.last()).toMatchObject({ step: "confirmed", hash: HASH });
    expect(t.last().explorer).toBeUndefined();
  });
});

describe("useWrite: refused before anything is sent", () => {
  test("offline: failed with a network error; nothing simulated, nothing sent", async () => {
    const t = setup({ online: false });
    expect(await t.flow.write(send5)).toBeUndefined();
    expect(t.steps()).toEqual(["failed"]);
    expect(t.last().error).toEqual({
      kind: "network",
      message: "You are offline. Nothing is sent or queued while offline.",
    });
    expect(t.simulate).not.toHaveBeenCalled();
  });

  test("no wallet connected: failed, asking to connect", async () => {
    const t = setup({ isConnected: false, address: undefined });
    expect(await t.flow.write(send5)).toBeUndefined();
    expect(t.last()).toMatchObject({
      step: "failed",
      label: "Send 5 NUMI",
      error: { kind: "unknown", message: "Connect a wallet first." },
    });
    expect(t.simulate).not.toHaveBeenCalled();
  });

  test("wallet on the wrong chain: failed with a wrong-chain error naming the chain to switch to", async () => {
    const t = setup({ onTargetChain: false });
    expect(await t.flow.write(send5)).toBeUndefined();
    expect(t.steps()).toEqual(["failed"]);
    expect(t.last().error).toEqual({
      kind: "wrong-chain",
      message: "Your wallet is on another network. Switch to NumiCoin Local first.",
    });
    expect(t.simulate).not.toHaveBeenCalled();
    expect(t.send).not.toHaveBeenCalled();
  });

  test("the status is read when the write starts, not when the flow was created", async () => {
    let online = false;
    const t = setup({}, { status: () => ({ ...READY, online }) });
    await t.flow.write(send5);
    expect(t.last().step).toBe("failed");
    online = true;
    await t.flow.write(send5);
    expect(t.last().step).toBe("confirmed");
  });
});

describe("useWrite: the network fee", () => {
  const feeOf = (fee: bigint, balance: bigint) => vi.fn<NonNullable<Env["fee"]>>().mockResolvedValue({ fee, balance });

  test("is checked after the simulation and shown while the wallet asks", async () => {
    const fee = feeOf(420_000_000_000_000n, parseEther("1"));
    const t = setup({}, { fee });
    await t.flow.write(send5);
    expect(fee).toHaveBeenCalledWith("prepared request", ALICE);
    expect(t.states.find((s) => s.step === "confirm")?.fee).toBe(420_000_000_000_000n);
    expect(t.last().step).toBe("confirmed");
  });

  test("an account short of ETH is refused before the wallet, naming the fee and the balance", async () => {
    const t = setup({}, { fee: feeOf(420_000_000_000_000n, 0n) });
    expect(await t.flow.write(send5)).toBeUndefined();
    expect(t.steps()).toEqual(["checking", "failed"]);
    expect(t.last().error).toEqual({
      kind: "funds",
      message:
        "You need about 0.00042 ETH for the network fee; you have 0 ETH. Add ETH to this account, then try again. Nothing was sent.",
    });
    expect(t.send).not.toHaveBeenCalled();
  });

  test("exactly enough ETH passes", async () => {
    const t = setup({}, { fee: feeOf(5n, 5n) });
    await t.flow.write(send5);
    expect(t.last().step).toBe("confirmed");
  });
});

describe("useWrite: failures on the way", () => {
  test("the simulation reverts with a custom error: failed with its decoded sentence, and the wallet is never asked", async () => {
    const t = setup({}, { simulate: rejecting("simulate", insufficientBalance(parseEther("1"), parseEther("5"))) });
    expect(await t.flow.write(send5)).toBeUndefined();
    expect(t.steps()).toEqual(["checking", "failed"]);
    expect(t.last().error).toEqual({
      kind: "revert",
      errorName: "ERC20InsufficientBalance",
      message: "Not enough NUMI: the balance is 1 NUMI and 5 NUMI is needed.",
    });
    expect(t.send).not.toHaveBeenCalled();
    // The caller can tell why (the miner waits for the next block on RewardAlreadyMintedThisBlock).
    expect(t.flow.lastError()?.errorName).toBe("ERC20InsufficientBalance");
    await t.flow.write({ ...send5 });
    expect(t.flow.lastError()?.errorName).toBe("ERC20InsufficientBalance"); // still failing
  });

  test("lastError is cleared by a write that succeeds", async () => {
    let fail = true;
    const t = setup(
      {},
      {
        simulate: vi.fn<Env["simulate"]>(async () => {
          if (fail) throw insufficientBalance(1n, 5n);
          return "prepared request";
        }),
      },
    );
    await t.flow.write(send5);
    expect(t.flow.lastError()).toBeDefined();
    fail = false;
    expect(await t.flow.write(send5)).toBeDefined();
    expect(t.flow.lastError()).toBeUndefined();
  });

  test("rejected by the user in the wallet: cancelled, not failed; nothing awaited, nothing refetched", async () => {
    const t = setup({}, { send: rejecting("send", userRejected()) });
    expect(await t.flow.write(send5)).toBeUndefined();
    expect(t.steps()).toEqual(["checking", "confirm", "cancelled"]);
    expect(t.last().error).toEqual({ kind: "cancelled", message: "Cancelled in the wallet. Nothing was sent." });
    expect(t.waitForReceipt).not.toHaveBeenCalled();
    expect(t.refresh).not.toHaveBeenCalled();
  });

  test("a wallet's plain { code: 4001 } rejection is cancelled too", async () => {
    const t = setup({}, { send: rejecting("send", { code: 4001, message: "User denied transaction signature." }) });
    await t.flow.write(send5);
    expect(t.last().step).toBe("cancelled");
  });

  test("no ETH for gas: failed with viem's explanation of the shortfall, nothing pending", async () => {
    const noGas = new TransactionExecutionError(new InsufficientFundsError(), {
      account: { address: ALICE, type: "json-rpc" },
      chain: mainnet,
    });
    const t = setup({}, { send: rejecting("send", noGas) });
    expect(await t.flow.write(send5)).toBeUndefined();
    expect(t.steps()).toEqual(["checking", "confirm", "failed"]);
    expect(t.last().error).toEqual({
      kind: "unknown",
      message:
        "The total cost (gas * gas fee + value) of executing this transaction exceeds the balance of the account.",
    });
    expect(t.waitForReceipt).not.toHaveBeenCalled();
  });

  test("the wallet switched chain after the check (wagmi's ChainMismatchError): failed as wrong-chain", async () => {
    const t = setup({}, { send: rejecting("send", new ChainMismatchError({ chain: mainnet, currentChainId: 31337 })) });
    await t.flow.write(send5);
    expect(t.steps()).toEqual(["checking", "confirm", "failed"]);
    expect(t.last().error).toEqual({
      kind: "wrong-chain",
      message: "The wallet is on another network. Switch networks and try again.",
    });
  });

  test("included but reverted: reverted, never success; the receipt is kept, reads are refetched, nothing is returned", async () => {
    const t = setup({}, { waitForReceipt: vi.fn<Env["waitForReceipt"]>().mockResolvedValue(receipt("reverted")) });
    expect(await t.flow.write(send5)).toBeUndefined();
    expect(t.steps()).toEqual(["checking", "confirm", "pending", "reverted"]);
    expect(t.last()).toMatchObject({
      step: "reverted",
      hash: HASH,
      explorer: `${EXPLORER}/tx/${HASH}`,
      receipt: { status: "reverted" },
      error: {
        kind: "revert",
        message: "The transaction was included but reverted: nothing changed except the gas paid.",
      },
    });
    expect(t.refresh).toHaveBeenCalledTimes(1);
  });
});

describe("useWrite: retries when the RPC does not answer", () => {
  test("the simulation is retried (retrying, attempt 1 and 2) 600 ms then 1200 ms later, and the write goes on", async () => {
    vi.useFakeTimers();
    const simulate = vi
      .fn<Env["simulate"]>()
      .mockRejectedValueOnce(networkDown())
      .mockRejectedValueOnce(networkDown())
      .mockResolvedValue("prepared request");
    const t = setup({}, { simulate });
    const done = t.flow.write(send5);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.last()).toMatchObject({ step: "retrying", attempt: 1 });
    await vi.advanceTimersByTimeAsync(599);
    expect(simulate).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(simulate).toHaveBeenCalledTimes(2);
    expect(t.last()).toMatchObject({ step: "retrying", attempt: 2 });
    await vi.advanceTimersByTimeAsync(1199);
    expect(simulate).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(simulate).toHaveBeenCalledTimes(3);
    expect((await done)?.status).toBe("success");
    expect(t.steps()).toEqual(["checking", "retrying", "retrying", "confirm", "pending", "confirmed"]);
  });

  test(`after ${RETRIES} attempts the network error is reported: failed, kind network`, async () => {
    vi.useFakeTimers();
    const t = setup({}, { simulate: rejecting("simulate", networkDown()) });
    const done = t.flow.write(send5);
    await vi.runAllTimersAsync();
    expect(await done).toBeUndefined();
    expect(t.simulate).toHaveBeenCalledTimes(RETRIES);
    expect(t.steps()).toEqual(["checking", "retrying", "retrying", "failed"]);
    expect(t.last().error?.kind).toBe("network");
    expect(t.send).not.toHaveBeenCalled();
  });

  test("waiting for the receipt is retried too, keeping the hash and the explorer link on screen", async () => {
    vi.useFakeTimers();
    const waitForReceipt = vi
      .fn<Env["waitForReceipt"]>()
      .mockRejectedValueOnce(networkDown())
      .mockResolvedValue(receipt("success"));
    const t = setup({}, { waitForReceipt });
    const done = t.flow.write(send5);
    await vi.runAllTimersAsync();
    await done;
    expect(t.steps()).toEqual(["checking", "confirm", "pending", "retrying", "confirmed"]);
    expect(t.states[3]).toMatchObject({ step: "retrying", attempt: 1, hash: HASH, explorer: `${EXPLORER}/tx/${HASH}` });
  });

  test("a revert is not a network error: no retry", async () => {
    const t = setup({}, { simulate: rejecting("simulate", insufficientBalance(0n, 1n)) });
    await t.flow.write(send5);
    expect(t.simulate).toHaveBeenCalledTimes(1);
  });
});

describe("useWrite: one action at a time, each with its own number", () => {
  test("a second write while one is in flight is ignored: no state, no simulation", async () => {
    let release!: (hash: Hash) => void;
    const t = setup({}, { send: vi.fn<Env["send"]>(() => new Promise<Hash>((r) => (release = r))) });
    const first = t.flow.write(send5);
    await vi.waitFor(() => expect(t.last().step).toBe("confirm"));
    const count = t.states.length;
    expect(await t.flow.write({ ...send5, label: "Send again" })).toBeUndefined();
    expect(t.states.length).toBe(count);
    expect(t.simulate).toHaveBeenCalledTimes(1);
    release(HASH);
    expect((await first)?.status).toBe("success");
  });

  test("after a failure the next write runs", async () => {
    const send = vi.fn<Env["send"]>().mockRejectedValueOnce(userRejected()).mockResolvedValue(HASH);
    const t = setup({}, { send });
    await t.flow.write(send5);
    expect(t.last().step).toBe("cancelled");
    await t.flow.write(send5);
    expect(t.last().step).toBe("confirmed");
  });

  test("every write is a new action (seq + 1) and all its states carry that number", async () => {
    const t = setup();
    await t.flow.write(send5);
    await t.flow.write(send5);
    expect(t.states.map((s) => s.seq)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
  });

  test("a refused write is a new action too, so its message is never taken for the previous one's", async () => {
    let onTargetChain = true;
    const t = setup({}, { status: () => ({ ...READY, onTargetChain }) });
    await t.flow.write(send5);
    onTargetChain = false;
    await t.flow.write(send5);
    expect(t.last()).toMatchObject({ step: "failed", seq: 2 });
  });

  test("begin -> write(continues): a permit signature then the stake are one action", async () => {
    const t = setup();
    t.flow.begin("Stake 5 NUMI with a permit: sign the permit");
    expect(t.last()).toEqual({ step: "confirm", label: "Stake 5 NUMI with a permit: sign the permit", seq: 1 });
    await t.flow.write({ ...send5, label: "Stake 5 NUMI with a permit", continues: true });
    expect(t.states.map((s) => s.seq)).toEqual([1, 1, 1, 1, 1]);
    expect(t.last().step).toBe("confirmed");
  });

  test("abort ends a begun action: cancelled when the signature was refused, failed otherwise", () => {
    const t = setup();
    t.flow.begin("Stake with a permit: sign the permit");
    t.flow.abort("Stake with a permit", { kind: "cancelled", message: "Cancelled in the wallet. Nothing was sent." });
    expect(t.last()).toMatchObject({ step: "cancelled", seq: 1 });
    t.flow.begin("Stake with a permit: sign the permit");
    t.flow.abort("Stake with a permit", { kind: "unknown", message: "The wallet returned a malformed signature." });
    expect(t.last()).toMatchObject({
      step: "failed",
      seq: 2,
      error: { message: "The wallet returned a malformed signature." },
    });
  });

  test("reset returns to idle", async () => {
    const t = setup();
    await t.flow.write(send5);
    t.flow.reset();
    expect(t.last()).toEqual({ step: "idle", seq: 1 });
  });
});

describe("useWrite: inFlight", () => {
  test("true from the check to the receipt, false at rest and after every outcome", () => {
    const inFlight: TxStep[] = ["checking", "retrying", "confirm", "pending"];
    const atRest: TxStep[] = ["idle", "confirmed", "reverted", "failed", "cancelled"];
    for (const step of inFlight) expect(isInFlight(step), step).toBe(true);
    for (const step of atRest) expect(isInFlight(step), step).toBe(false);
  });
});
