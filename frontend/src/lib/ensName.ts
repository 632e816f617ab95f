// Whether a recipient is typed as an ENS name, and whether the chain can resolve one. Tiny on purpose: Send imports
// it on every load, and the resolver itself (lib/ensResolve.ts, with ENSIP-15's large tables) only when a name is typed.
import type { Address, Chain } from "viem";
import { MAINNET_CHAIN_ID, SEPOLIA_CHAIN_ID } from "@/config/rpc";

/** What looking a name up gave: its address, or why there is none (lib/ensResolve.ts). */
export type EnsResolution = { ok: true; name: string; address: Address } | { ok: false; reason: string };

/** Send's recipient field read as a name: not one, being looked up, or the lookup's outcome. */
export type EnsRecipient =
  | { state: "none" } // not a name: the text is checked as an address
  | { state: "resolving" }
  | EnsResolution;

/**
 * ENS's Universal Resolver per chain with ENS, at the same address on mainnet and Sepolia (viem 2.57's chain
 * records). Here rather than in config/chains.ts's records so that every page's startup code does not carry it.
 */
const UNIVERSAL_RESOLVER: Record<number, Address> = {
  [MAINNET_CHAIN_ID]: "0xeeeeeeee14d718c2b47d9923deab1335e144eeee",
  [SEPOLIA_CHAIN_ID]: "0xeeeeeeee14d718c2b47d9923deab1335e144eeee",
};

/** The Universal Resolver that resolves names on `chain`; undefined on a chain without ENS (the local one). */
export function ensResolverOf(chain: Chain): Address | undefined {
  return chain.contracts?.ensUniversalResolver?.address ?? UNIVERSAL_RESOLVER[chain.id];
}

/** Text meant as a name ("vitalik.eth"), not an address: it has a dot and does not start with 0x. */
export function looksLikeEnsName(text: string): boolean {
  const t = text.trim();
  return t.includes(".") && !/^0x/i.test(t);
}

/** Whether names resolve on `chain`. */
export function chainHasEns(chain: Chain): boolean {
  return !!ensResolverOf(chain);
}

/** The message for a name typed on a chain without ENS. */
export function noEnsOn(chain: Chain | undefined): string {
  return `ENS names work on Ethereum and Sepolia; on ${chain?.name ?? "this network"} paste an address.`;
}
