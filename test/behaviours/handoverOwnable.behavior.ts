// Shared behaviour of every HandoverOwnable contract (NumiCoin, MiningPool): onlyOwner on each governed function,
// a two-step handover that happens once, and no way to renounce or move ownership afterwards.
import { expect } from "chai";
import type { BaseContract, ContractTransactionResponse } from "ethers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";

/** The ownership surface of HandoverOwnable (typechain types of NumiCoin and MiningPool both satisfy it). */
interface HandoverOwnableContract extends BaseContract {
  owner(): Promise<string>;
  pendingOwner(): Promise<string>;
  ownershipFinal(): Promise<boolean>;
  transferOwnership(to: string): Promise<ContractTransactionResponse>;
  acceptOwnership(): Promise<ContractTransactionResponse>;
  renounceOwnership(): Promise<unknown>;
  connect(signer: HardhatEthersSigner): HandoverOwnableContract;
}

export interface HandoverOwnableSubject {
  contract: HandoverOwnableContract;
  owner: HardhatEthersSigner;
  alice: HardhatEthersSigner;
  mallory: HardhatEthersSigner;
  /** Every governed (onlyOwner) function other than the ownership ones, called by `as`. */
  governedCalls(as: HardhatEthersSigner): Array<() => Promise<unknown>>;
  /** One governed call that succeeds for the owner, and the event it emits. */
  governs(as: HardhatEthersSigner): { call: () => Promise<unknown>; event: string };
}

/** Registers the shared HandoverOwnable tests; `fixture` is loaded with loadFixture (declare it in the test file). */
export function shouldBehaveLikeHandoverOwnable(fixture: () => Promise<HandoverOwnableSubject>): void {
  describe("HandoverOwnable behaviour", function () {
    it("every governed function, and the ownership ones, revert with OwnableUnauthorizedAccount for anyone else", async function () {
      const { contract, mallory, governedCalls } = await loadFixture(fixture);
      const asMallory = contract.connect(mallory);
      const calls = [
        ...governedCalls(mallory),
        () => asMallory.transferOwnership(mallory.address),
        () => asMallory.renounceOwnership(),
      ];
      for (const call of calls) {
        await expect(call())
          .to.be.revertedWithCustomError(contract, "OwnableUnauthorizedAccount")
          .withArgs(mallory.address);
      }
    });

    it("hands over only when the new owner accepts, and then never moves again", async function () {
      const { contract, owner, alice, mallory, governs } = await loadFixture(fixture);
      expect(await contract.ownershipFinal()).to.equal(false);
      await expect(contract.connect(owner).transferOwnership(alice.address))
        .to.emit(contract, "OwnershipTransferStarted")
        .withArgs(owner.address, alice.address);
      expect(await contract.owner()).to.equal(owner.address);
      expect(await contract.pendingOwner()).to.equal(alice.address);
      await expect(contract.connect(mallory).acceptOwnership())
        .to.be.revertedWithCustomError(contract, "OwnableUnauthorizedAccount")
        .withArgs(mallory.address);
      await expect(contract.connect(alice).acceptOwnership())
        .to.emit(contract, "OwnershipTransferred")
        .withArgs(owner.address, alice.address);
      expect(await contract.owner()).to.equal(alice.address);
      expect(await contract.ownershipFinal()).to.equal(true);
      await expect(governs(owner).call())
        .to.be.revertedWithCustomError(contract, "OwnableUnauthorizedAccount")
        .withArgs(owner.address);
      // The new owner governs, but can neither pass ownership on nor renounce it.
      const { call, event } = governs(alice);
      await expect(call()).to.emit(contract, event);
      const asAlice = contract.connect(alice);
      await expect(asAlice.transferOwnership(mallory.address)).to.be.revertedWithCustomError(
        contract,
        "OwnershipIsFinal",
      );
      await expect(asAlice.renounceOwnership()).to.be.revertedWithCustomError(contract, "OwnershipIsFinal");
      expect(await contract.owner()).to.equal(alice.address);
    });

    it("refuses renounceOwnership even before the handover", async function () {
      const { contract, owner } = await loadFixture(fixture);
      await expect(contract.connect(owner).renounceOwnership()).to.be.revertedWithCustomError(
        contract,
        "OwnershipIsFinal",
      );
      expect(await contract.owner()).to.equal(owner.address);
    });
  });
}
