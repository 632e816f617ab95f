"use client";
import { useConnection } from "wagmi";
import { TARGET_CHAIN_ID, targetChain } from "@/config/chains";

/** The connected account and whether it is on the chain the app acts on. */
export function useWallet() {
  const { address, chainId, isConnected, status, connector } = useConnection();
  const onTargetChain = isConnected && chainId === TARGET_CHAIN_ID;
  return { address, chainId, isConnected, status, connector, onTargetChain, target: targetChain() };
}
