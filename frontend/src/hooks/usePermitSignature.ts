"use client";
import { useCallback } from "react";
import { useClient, useConfig } from "wagmi";
import { signTypedData } from "wagmi/actions";
import type { Address } from "viem";
import { TARGET_CHAIN_ID } from "@/config/chains";
import { contracts } from "@/config/contracts";
import { callView } from "@/lib/contractRead";
import { splitSignature } from "@/lib/signature";
import { useOnline } from "@/hooks/useOnline";
import { useWallet } from "@/hooks/useWallet";

export interface PermitRequest {
  owner: Address;
  spender: Address;
  value: bigint;
  deadline: bigint;
}

/**
 * Signs an EIP-2612 permit for NUMI. The caller shows spender, amount and deadline before calling this;
 * the signature is refused offline or on the wrong chain like any write.
 */
export function usePermitSignature() {
  const config = useConfig();
  const client = useClient({ chainId: TARGET_CHAIN_ID });
  const { onTargetChain } = useWallet();
  const online = useOnline();
  return useCallback(
    async (p: PermitRequest) => {
      if (!online) throw new Error("You are offline.");
      if (!onTargetChain || !client) throw new Error("Switch to the NumiCoin network first.");
      const { numi } = contracts();
      const [domain, nonce] = await Promise.all([
        callView(client, { ...numi, functionName: "eip712Domain" }),
        callView(client, { ...numi, functionName: "nonces", args: [p.owner] }),
      ]);
      const [, name, version, chainId, verifyingContract] = domain;
      const signature = await signTypedData(config, {
        account: p.owner,
        domain: { name, version, chainId: Number(chainId), verifyingContract },
        types: {
          Permit: [
            { name: "owner", type: "address" },
            { name: "spender", type: "address" },
            { name: "value", type: "uint256" },
            { name: "nonce", type: "uint256" },
            { name: "deadline", type: "uint256" },
          ],
        },
        primaryType: "Permit",
        message: { owner: p.owner, spender: p.spender, value: p.value, nonce, deadline: p.deadline },
      });
      return splitSignature(signature);
    },
    [config, client, onTargetChain, online],
  );
}
