// Resolves a recipient's ENS name to an address through the chain's Universal Resolver. Loaded with import() only
// when a name is typed on a chain with ENS: ENSIP-15 normalisation carries large Unicode tables.
import { BaseError, getAddress, type Client } from "viem";
import { getEnsAddress } from "viem/actions";
import { normalize } from "viem/ens";
import { ensResolverOf, noEnsOn, type EnsResolution } from "@/lib/ensName";

/**
 * Why a thrown error happened, in its shortest form: the node's own words (viem's `details`) rather than viem's
 * generic sentence for the error code, and without the direction marks ENSIP-15's messages carry.
 */
const cause = (err: unknown) =>
  (err instanceof BaseError ? err.details || err.shortMessage : err instanceof Error ? err.message : String(err))
    .replace(/\u200e/g, "")
    .replace(/\.$/, "");

/**
 * The address `input` names, normalised per ENSIP-15 first (an invalid name is refused without a request). A name
 * with no resolver or no address record resolves to nothing, said as such; any other failure is the lookup's.
 */
export async function resolveEnsName(client: Client, input: string): Promise<EnsResolution> {
  let name: string;
  try {
    name = normalize(input.trim());
  } catch (err) {
    return { ok: false, reason: `"${input.trim()}" is not a valid ENS name: ${cause(err)}.` };
  }
  const universalResolverAddress = client.chain && ensResolverOf(client.chain);
  if (!universalResolverAddress) return { ok: false, reason: noEnsOn(client.chain) };
  try {
    const address = await getEnsAddress(client, { name, universalResolverAddress });
    if (!address) return { ok: false, reason: `${name} has no address set. Ask the recipient for their address.` };
    return { ok: true, name, address: getAddress(address) };
  } catch (err) {
    const network =
      err instanceof BaseError && err.walk((e) => /HttpRequestError|TimeoutError/.test((e as Error).name));
    return {
      ok: false,
      reason: network
        ? `Could not look up ${name}: the network (RPC) did not answer. Try again, or paste the address.`
        : `Could not look up ${name} (${cause(err)}). Try again, or paste the address.`,
    };
  }
}
