// The last addresses this browser sent NUMI to, per chain, in localStorage only (never sent anywhere): Send offers
// them as one-tap choices.
import { getAddress, type Address } from "viem";

const MAX = 5;
const key = (chainId: number) => `numi:recent-recipients:${chainId}`;

export function recentRecipients(chainId: number): Address[] {
  try {
    const list = JSON.parse(localStorage.getItem(key(chainId)) ?? "[]") as unknown;
    return Array.isArray(list) ? list.filter((a): a is string => typeof a === "string").map((a) => getAddress(a)) : [];
  } catch {
    return []; // unreadable storage (private mode, corrupt entry): no suggestions rather than an error
  }
}

/** Puts `address` first, once, keeping the last five. */
export function rememberRecipient(chainId: number, address: Address): void {
  const next = [address, ...recentRecipients(chainId).filter((a) => a.toLowerCase() !== address.toLowerCase())];
  try {
    localStorage.setItem(key(chainId), JSON.stringify(next.slice(0, MAX)));
  } catch {
    // storage full or blocked: the send itself is unaffected
  }
}
