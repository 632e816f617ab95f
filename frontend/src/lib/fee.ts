// The network fee of a transaction and the ETH that pays it, read from the chain. One place for the arithmetic, so
// the review (hooks/useFeeQuote.ts) shows the same figure the write checks before the wallet opens (hooks/useWrite.ts).
import type { Address, Client } from "viem";
import { estimateContractGas, estimateFeesPerGas, getBalance, getBlock, getGasPrice } from "viem/actions";

/** What a transaction of `gas` gas may cost now, and the account's ETH, all in wei. */
export interface FeeQuote {
  gas: bigint;
  /** The most it can cost: gas x max fee per gas. The node refuses the transaction unless the account holds this. */
  fee: bigint;
  /** What it costs at this block's base fee plus the priority fee: what is usually paid. */
  typical: bigint;
  balance: bigint;
}

/** A contract call to price, as simulateContract's request or the review's own (address, abi, function, args). */
export type FeeCall = Parameters<typeof estimateContractGas>[1];

/**
 * Max and typical fee per gas. viem's maximum is the base fee x 1.2 plus the priority fee (the margin covers the
 * base fee rising over a few blocks); the typical one is the latest block's base fee plus the priority fee. A chain
 * without EIP-1559 has one gas price for both.
 */
async function feesPerGas(client: Client): Promise<{ max: bigint; typical: bigint }> {
  const [block, fees] = await Promise.all([
    getBlock(client),
    estimateFeesPerGas(client).catch(() => undefined), // throws on a chain without EIP-1559
  ]);
  if (block.baseFeePerGas == null || !fees) {
    const gasPrice = await getGasPrice(client);
    return { max: gasPrice, typical: gasPrice };
  }
  return { max: fees.maxFeePerGas, typical: block.baseFeePerGas + fees.maxPriorityFeePerGas };
}

/** The fee of `gas` (known ahead, e.g. measured) for `account` at the current fees. */
export async function quoteGas(client: Client, gas: bigint | Promise<bigint>, account: Address): Promise<FeeQuote> {
  const [g, perGas, balance] = await Promise.all([
    gas,
    feesPerGas(client),
    getBalance(client, { address: account, blockTag: "pending" }),
  ]);
  return { gas: g, fee: g * perGas.max, typical: g * perGas.typical, balance };
}

/** The fee of a contract call from `account`: its gas estimate (a simulation: a revert throws) at the current fees. */
export function quoteCall(client: Client, call: FeeCall, account: Address): Promise<FeeQuote> {
  return quoteGas(client, estimateContractGas(client, { ...call, account } as FeeCall), account);
}
