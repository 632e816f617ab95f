"use client";
// Wrong network, detected at once, with a one-click switch (the wallet is asked to add the chain if it
// does not know it). Every write is refused by useWrite while this banner shows.
import { useState } from "react";
import { useSwitchChain } from "wagmi";
import { TARGET_CHAIN_ID } from "@/config/chains";
import { useWallet } from "@/hooks/useWallet";
import { errorMessage } from "@/lib/errorMessage";

export function NetworkGuard() {
  const { isConnected, onTargetChain, chainId, target } = useWallet();
  const switchChain = useSwitchChain();
  const [error, setError] = useState<string>();
  if (!isConnected || onTargetChain) return null;
  return (
    <div className="banner warning" role="alert" data-testid="wrong-network">
      <p>
        Your wallet is on network {chainId}; NumiCoin runs on <strong>{target.name}</strong> ({TARGET_CHAIN_ID}).
        Actions are disabled until you switch.
      </p>
      <button
        type="button"
        disabled={switchChain.isPending}
        onClick={() =>
          switchChain.mutate(
            { chainId: TARGET_CHAIN_ID },
            {
              onError: (e) =>
                void errorMessage(e, "Not switched: you declined the network change in the wallet.").then(setError),
              onSuccess: () => setError(undefined),
            },
          )
        }
      >
        {switchChain.isPending ? "Confirm in wallet…" : `Switch to ${target.name}`}
      </button>
      {error && <p className="error">{error}</p>}
    </div>
  );
}
