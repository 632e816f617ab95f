"use client";
// An ENS name typed as Send's recipient, resolved on chains with ENS. The resolver module is imported only once a
// name is typed, and a name is looked up once typing pauses, not at every keystroke.
import { useEffect, useState } from "react";
import { useClient } from "wagmi";
import { skipToken, useQuery } from "@tanstack/react-query";
import { TARGET_CHAIN_ID, targetChain } from "@/config/chains";
import { chainHasEns, looksLikeEnsName, noEnsOn } from "@/lib/ensName";
import type { EnsRecipient } from "@/lib/ensName";

const PAUSE_MS = 400;

/** `text`'s ENS resolution, or "none" when it is not a name. */
export function useEnsRecipient(text: string): EnsRecipient {
  const client = useClient({ chainId: TARGET_CHAIN_ID });
  const chain = targetChain();
  const isName = looksLikeEnsName(text);
  const canResolve = isName && chainHasEns(chain);
  const name = text.trim();
  const [settled, setSettled] = useState(name);
  useEffect(() => {
    const t = window.setTimeout(() => setSettled(name), PAUSE_MS);
    return () => window.clearTimeout(t);
  }, [name]);
  const query = useQuery({
    // Not a chain read (READ_KEY): a name is not looked up again at every block, and the review keeps the address
    // it showed whatever the name points to later.
    queryKey: ["ens", TARGET_CHAIN_ID, settled],
    queryFn:
      canResolve && client && settled === name
        ? async () => (await import("@/lib/ensResolve")).resolveEnsName(client, settled)
        : skipToken,
    staleTime: 60_000,
    retry: false,
  });
  if (!isName) return { state: "none" };
  if (!canResolve) return { ok: false, reason: noEnsOn(chain) };
  if (settled !== name) return { state: "resolving" };
  if (query.error) return { ok: false, reason: "The ENS lookup could not be loaded (offline?). Paste the address." };
  return query.data ?? { state: "resolving" };
}
