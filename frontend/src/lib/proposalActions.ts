// What a proposal would do, in words a voter can judge: each action decoded against the ABIs of our contracts and
// matched to the template of the parameter it changes ("Pool share: 10% → 15%"). An action the dApp does not
// know (another target, another function) is marked so the page can warn about it.
import { decodeFunctionData, formatEther, type Abi, type Address, type Hex } from "viem";
import { shortAddress } from "./shortAddress";
import { TEMPLATES, type ProposalTemplate } from "./proposalTemplates";

export interface KnownContract {
  name: string;
  address: Address;
  abi: Abi;
  /** The template key of this contract's templates ("numi", "pool"), if it has any. */
  templateTarget?: ProposalTemplate["target"];
}

export interface DecodedAction {
  target: Address;
  value: bigint;
  calldata: Hex;
  /** The contract's name when the target is one of ours. */
  contract?: string;
  functionName?: string;
  args?: readonly unknown[];
  /** The template the action matches: a change the dApp knows how to explain. */
  template?: ProposalTemplate;
}

/** Decodes one action against our contracts; fields stay undefined for what cannot be decoded. */
export function decodeAction(target: Address, value: bigint, calldata: Hex, known: KnownContract[]): DecodedAction {
  const contract = known.find((k) => k.address.toLowerCase() === target.toLowerCase());
  const action: DecodedAction = { target, value, calldata, contract: contract?.name };
  if (!contract) return action;
  try {
    const { functionName, args } = decodeFunctionData({ abi: contract.abi, data: calldata });
    action.functionName = functionName;
    action.args = args ?? [];
    action.template = TEMPLATES.find((t) => t.target === contract.templateTarget && t.functionName === functionName);
  } catch {
    // not a function of this contract: left undecoded
  }
  return action;
}

/** The view that reads a template's current value, and how to pick it from the result. */
export const CURRENT_VALUE: Record<
  string,
  { target: ProposalTemplate["target"]; functionName: string; pick: (r: unknown) => unknown }
> = {
  setPoolShare: { target: "numi", functionName: "poolShareBps", pick: (r) => r },
  pauseMining: { target: "numi", functionName: "miningPaused", pick: (r) => r },
  unpauseMining: { target: "numi", functionName: "miningPaused", pick: (r) => r },
  setFee: { target: "pool", functionName: "poolState", pick: (r) => (r as { feeBps: number }).feeBps },
  setTreasury: { target: "pool", functionName: "poolState", pick: (r) => (r as { treasury: Address }).treasury },
  setStakingPaused: {
    target: "pool",
    functionName: "poolState",
    pick: (r) => (r as { stakingPaused: boolean }).stakingPaused,
  },
};

const percent = (bps: unknown) => `${Number(bps) / 100}%`;
const paused = (p: unknown) => (p ? "paused" : "running");
const arrow = (now: string | undefined, next: string) => (now === undefined ? next : `${now} → ${next}`);

/**
 * One sentence for an action: the parameter, its current value (when `current` is given) and the proposed one.
 * Unknown actions are spelled out as contract.function(arguments).
 */
export function describeAction(a: DecodedAction, current?: unknown): string {
  const has = current !== undefined;
  const args = a.args ?? [];
  switch (a.template?.id) {
    case "setPoolShare":
      return `Pool share: ${arrow(has ? percent(current) : undefined, percent(args[0]))} of every reward`;
    case "setFee":
      return `Pool fee: ${arrow(has ? percent(current) : undefined, percent(args[0]))} of arriving rewards`;
    case "setTreasury":
      return `Treasury: ${arrow(has ? String(current) : undefined, String(args[0]))}`;
    case "setStakingPaused":
      return `New stakes: ${arrow(has ? (current ? "paused" : "open") : undefined, args[0] ? "paused (at most 7 days)" : "open")}`;
    case "pauseMining":
      return `Mining: ${arrow(has ? paused(current) : undefined, "paused (at most 7 days)")}`;
    case "unpauseMining":
      return `Mining: ${arrow(has ? paused(current) : undefined, "running")}`;
    case "sweep":
      return `Sweep ${String(args[2])} units of token ${String(args[0])} from the pool to ${String(args[1])}`;
  }
  const where = a.contract ?? `unknown contract ${shortAddress(a.target)}`;
  const eth = a.value > 0n ? `, sending ${formatEther(a.value)} ETH` : "";
  if (!a.functionName) return `Call ${where} with data the dApp cannot decode (${a.calldata.slice(0, 10)}…)${eth}`;
  const shown = args.map((v) =>
    typeof v === "bigint"
      ? v.toString()
      : typeof v === "string"
        ? v
        : JSON.stringify(v, (_, x) => (typeof x === "bigint" ? x.toString() : x)),
  );
  return `${where}.${a.functionName}(${shown.join(", ")})${eth}`;
}
