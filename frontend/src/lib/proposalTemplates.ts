// One template per governed parameter: what it does, its inputs, their validation, and the encoded call.
import {
  encodeFunctionData,
  getAddress,
  isAddress,
  zeroAddress,
  type Abi,
  type Address,
  type EncodeFunctionDataParameters,
  type Hex,
} from "viem";

export type ParamKind = "bps" | "address" | "bool" | "uint";
export interface TemplateParam {
  name: string;
  label: string;
  kind: ParamKind;
  /** Upper bound for bps inputs (the contract's MAX_*_BPS). */
  max?: number;
}
export interface ProposalTemplate {
  id: string;
  target: "numi" | "pool";
  functionName: string;
  title: string;
  explain: string;
  params: TemplateParam[];
}

export const TEMPLATES: ProposalTemplate[] = [
  {
    id: "pauseMining",
    target: "numi",
    functionName: "pauseMining",
    title: "Pause mining",
    explain:
      "Stops new rewards for at most 7 days (the pause ends on its own), and not again for 30 days after it ends. Transfers, staking and voting keep working.",
    params: [],
  },
  {
    id: "unpauseMining",
    target: "numi",
    functionName: "unpauseMining",
    title: "Resume mining",
    explain:
      "Ends a pause early, with a new challenge; the epoch keeps the time it had run, so the pause neither eases nor hardens the difficulty.",
    params: [],
  },
  {
    id: "setPoolShare",
    target: "numi",
    functionName: "setPoolShare",
    title: "Set the pool share",
    explain: "The share of each mined reward sent to the staking pool.",
    params: [{ name: "shareBps", label: "Pool share in basis points (100 = 1%)", kind: "bps", max: 2000 }],
  },
  {
    id: "setFee",
    target: "pool",
    functionName: "setFee",
    title: "Set the pool fee",
    explain: "The fee taken from arriving rewards and sent to the treasury.",
    params: [{ name: "feeBps", label: "Fee in basis points (100 = 1%)", kind: "bps", max: 1000 }],
  },
  {
    id: "setTreasury",
    target: "pool",
    functionName: "setTreasury",
    title: "Set the treasury",
    explain: "The address that receives the pool fee.",
    params: [{ name: "treasury", label: "Treasury address", kind: "address" }],
  },
  {
    id: "setStakingPaused",
    target: "pool",
    functionName: "setStakingPaused",
    title: "Pause or resume new stakes",
    explain:
      "A pause lasts at most 7 days and cannot be repeated within 30 days of its end. Withdraw, claim and exit always work.",
    params: [{ name: "paused", label: "Pause new stakes", kind: "bool" }],
  },
  {
    id: "sweep",
    target: "pool",
    functionName: "sweep",
    title: "Sweep a foreign token",
    explain: "Returns a token sent to the pool by mistake. NUMI can never be swept.",
    params: [
      { name: "token", label: "Token address", kind: "address" },
      { name: "to", label: "Send to address", kind: "address" },
      { name: "amount", label: "Amount in the token's smallest unit", kind: "uint" },
    ],
  },
];

export type ParamCheck = { ok: true; value: Address | bigint | number | boolean } | { ok: false; reason: string };

export function checkParam(param: TemplateParam, input: string): ParamCheck {
  const text = input.trim();
  switch (param.kind) {
    case "bool":
      return { ok: true, value: text === "true" };
    case "address":
      if (!isAddress(text, { strict: true }))
        return { ok: false, reason: `${param.label}: enter a valid address (check its capital letters).` };
      if (getAddress(text) === zeroAddress)
        return { ok: false, reason: `${param.label}: the zero address is refused.` };
      return { ok: true, value: getAddress(text) };
    case "bps": {
      if (!/^\d+$/.test(text)) return { ok: false, reason: `${param.label}: a whole number of basis points.` };
      const n = Number(text);
      if (param.max !== undefined && n > param.max)
        return { ok: false, reason: `${param.label}: at most ${param.max} (${param.max / 100}%).` };
      return { ok: true, value: n };
    }
    case "uint":
      if (!/^\d+$/.test(text)) return { ok: false, reason: `${param.label}: a whole number.` };
      if (BigInt(text) === 0n) return { ok: false, reason: `${param.label}: must be greater than zero.` };
      return { ok: true, value: BigInt(text) };
  }
}

/** Validates every input and encodes the call, or returns the first problem. */
export function buildCall(
  template: ProposalTemplate,
  inputs: Record<string, string>,
  targets: { numi: { address: Address; abi: Abi }; pool: { address: Address; abi: Abi } },
): { ok: true; target: Address; calldata: Hex } | { ok: false; reason: string } {
  const args: unknown[] = [];
  for (const p of template.params) {
    const checked = checkParam(p, inputs[p.name] ?? "");
    if (!checked.ok) return checked;
    args.push(checked.value);
  }
  const t = targets[template.target];
  const call: EncodeFunctionDataParameters = { abi: t.abi, functionName: template.functionName, args };
  const calldata = encodeFunctionData(call);
  return { ok: true, target: t.address, calldata };
}

export const PROPOSAL_STATES = [
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Expired",
  "Executed",
] as const;
