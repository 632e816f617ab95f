// What a review says about the network fee, from the fee quote or the reason there is none. Kept apart from React
// so each sentence is tested on its own (tests/unit/feeText.test.ts).
import type { DescribedError } from "@/lib/errors";
import type { FeeQuote } from "@/lib/fee";
import { ethAmount } from "@/lib/format";
import { ethShortfall } from "@/lib/writeFlow";

export interface FeeView {
  /** The fee line: the estimate, "estimating…", or why there is none. */
  line: string;
  /** Set when the account cannot pay the fee: the review says so and its confirm button is disabled. */
  short?: string;
}

/**
 * The review's fee line. An estimate that failed never disables the confirm button: the write checks the fee
 * again before the wallet opens, and refuses with the cause if it still fails.
 */
export function feeView(quote: FeeQuote | undefined, error: DescribedError | undefined, basis?: string): FeeView {
  if (quote) {
    const based = basis ? ` ${basis}` : "";
    const line = `Network fee: about ${ethAmount(quote.typical)} (at most ${ethAmount(quote.fee)}).${based} Your ETH: ${ethAmount(quote.balance)}.`;
    if (quote.balance < quote.fee)
      return { line, short: `${ethShortfall(quote)} Add ETH to this account to continue.` };
    return { line };
  }
  if (!error) return { line: "Network fee: estimating…" };
  if (error.kind === "revert") {
    return { line: `Network fee: not estimated, because the transaction would fail now: ${error.message}` };
  }
  const cause =
    error.kind === "network" ? "the network (RPC) did not answer." : `the estimate failed (${error.message}).`;
  return { line: `Network fee: not estimated yet: ${cause} It is checked again before your wallet opens.` };
}
