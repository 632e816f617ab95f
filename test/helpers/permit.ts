// EIP-2612 permit signatures for NumiCoin (domain name "NumiCoin", version "1").
import { ethers } from "hardhat";
import { Signature } from "ethers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";

interface PermitToken {
  getAddress(): Promise<string>;
  nonces(owner: string): Promise<bigint>;
}

export interface SignedPermit {
  owner: string;
  spender: string;
  value: bigint;
  deadline: bigint;
  v: number;
  r: string;
  s: string;
}

/** Signs a NumiCoin permit(owner, spender, value, nonce, deadline) with `owner`'s key at the current nonce. */
export async function signPermit(
  token: PermitToken,
  owner: HardhatEthersSigner,
  spender: string,
  value: bigint,
  deadline: bigint,
  nonce?: bigint,
): Promise<SignedPermit> {
  return signPermitFor(token, "NumiCoin", owner, spender, value, deadline, nonce);
}

/** Signs a permit for any OZ ERC20Permit token whose EIP-712 domain name is `name` (version "1"). */
export async function signPermitFor(
  token: PermitToken,
  name: string,
  owner: HardhatEthersSigner,
  spender: string,
  value: bigint,
  deadline: bigint,
  nonce?: bigint,
): Promise<SignedPermit> {
  const { chainId } = await ethers.provider.getNetwork();
  const domain = { name, version: "1", chainId, verifyingContract: await token.getAddress() };
  const types = {
    Permit: [
      { name: "owner", type: "address" },
      { name: "spender", type: "address" },
      { name: "value", type: "uint256" },
      { name: "nonce", type: "uint256" },
      { name: "deadline", type: "uint256" },
    ],
  };
  const message = {
    owner: owner.address,
    spender,
    value,
    nonce: nonce ?? (await token.nonces(owner.address)),
    deadline,
  };
  const sig = Signature.from(await owner.signTypedData(domain, types, message));
  return { owner: owner.address, spender, value, deadline, v: sig.v, r: sig.r, s: sig.s };
}
