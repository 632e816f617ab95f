// Recipient validation: checksum-aware, and refusing the addresses where tokens would be lost.
import { getAddress, isAddress, zeroAddress, type Address } from "viem";
import type { EnsRecipient } from "@/lib/ensName";

export type RecipientCheck = { ok: true; address: Address } | { ok: false; reason: string };

/**
 * Accepts an address in all-lowercase or correct EIP-55 checksum; a mixed-case address whose checksum is
 * wrong is a typo and is refused. `forbidden` maps contract addresses to a name ("the NUMI token") that
 * can't receive a plain transfer without the tokens being stuck.
 */
export function checkRecipient(input: string, forbidden: Record<string, string> = {}, self?: string): RecipientCheck {
  const text = input.trim();
  if (text === "") return { ok: false, reason: "Enter the recipient's address." };
  if (!/^0x[0-9a-fA-F]{40}$/.test(text)) {
    return { ok: false, reason: "An address is 0x followed by 40 hexadecimal characters." };
  }
  if (!isAddress(text, { strict: true })) {
    return { ok: false, reason: "The capital letters do not match the address checksum: check for a typo." };
  }
  const address = getAddress(text);
  if (address === zeroAddress) return { ok: false, reason: "That is the zero address: tokens sent there are burnt." };
  for (const [contract, name] of Object.entries(forbidden)) {
    if (contract.toLowerCase() === address.toLowerCase()) {
      return { ok: false, reason: `That is ${name}. Tokens sent to it are lost: it cannot send them back.` };
    }
  }
  if (self && self.toLowerCase() === address.toLowerCase()) {
    return { ok: false, reason: "That is your own address." };
  }
  return { ok: true, address };
}

/**
 * Send's recipient: the text as an address, or the address its ENS name resolved to, under the same rules (a name
 * may point at the token contract too). While the name is being looked up there is no recipient and no error yet.
 */
export function checkNamedRecipient(
  input: string,
  ens: EnsRecipient,
  forbidden: Record<string, string> = {},
): RecipientCheck {
  if ("state" in ens) return ens.state === "none" ? checkRecipient(input, forbidden) : { ok: false, reason: "" };
  return ens.ok ? checkRecipient(ens.address, forbidden) : ens;
}
