"use client";
// The network fee of the transaction under review, refreshed with every block (useReads), as the review shows it.
import { allAbis } from "@/config/allAbis";
import { describeError } from "@/lib/errors";
import { quoteCall, quoteGas, type FeeCall } from "@/lib/fee";
import { feeView, type FeeView } from "@/lib/feeText";
import { useReads } from "@/hooks/useReads";
import { useWallet } from "@/hooks/useWallet";

/**
 * What to price: a call the chain can simulate now, or (for a transaction that cannot be simulated before a
 * signature exists) a gas figure known ahead and the sentence saying what it is based on.
 */
export type FeeSubject = { call: FeeCall } | { gas: bigint; basis: string };

/** Its query key: what the transaction does, with bigints as text (query keys are hashed as JSON). */
function subjectKey(subject: FeeSubject): unknown[] {
  if ("gas" in subject) return ["gas", String(subject.gas)];
  const { address, functionName, args } = subject.call as { address: string; functionName: string; args?: unknown[] };
  return [address, functionName, ...(args ?? []).map(String)];
}

/** The fee line of a review; undefined subject (nothing under review) reads nothing. */
export function useFeeQuote(subject: FeeSubject | undefined): FeeView {
  const { address, onTargetChain } = useWallet();
  const query = useReads(
    ["fee", address, ...(subject ? subjectKey(subject) : [])],
    (client) =>
      "gas" in subject! ? quoteGas(client, subject.gas, address!) : quoteCall(client, subject!.call, address!),
    { enabled: !!subject && !!address && onTargetChain },
  );
  return feeView(
    query.data,
    query.error ? describeError(query.error, allAbis) : undefined,
    subject && "gas" in subject ? subject.basis : undefined,
  );
}
