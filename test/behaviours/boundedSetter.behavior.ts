// Shared behaviour of a governed setter bounded by a ceiling fixed in code (NumiCoin.setPoolShare,
// MiningPool.setFee): both ends of the range are accepted with an (old, new) event, one above is refused with the
// contract's custom error naming the value and the ceiling, and the setting is unchanged by the refusal.
import { expect } from "chai";
import type { BaseContract } from "ethers";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";

export interface BoundedSetterSubject {
  contract: BaseContract;
  /** The owner's call of the setter. */
  set(value: bigint): Promise<unknown>;
  read(): Promise<bigint>;
  /** The ceiling the contract enforces (read from the contract, not restated). */
  max: bigint;
  /** The event emitted with (old, new). */
  event: string;
  /** The custom error emitted with (value, max) above the ceiling. */
  error: string;
}

/** Registers the shared bounded-setter tests under `name`; `fixture` is loaded with loadFixture. */
export function shouldBehaveLikeBoundedSetter(name: string, fixture: () => Promise<BoundedSetterSubject>): void {
  describe(`${name}: bounded setter behaviour`, function () {
    it("accepts the ceiling and zero, each with an (old, new) event", async function () {
      const { contract, set, read, max, event } = await loadFixture(fixture);
      const before = await read();
      await expect(set(max)).to.emit(contract, event).withArgs(before, max);
      expect(await read()).to.equal(max);
      await expect(set(0n)).to.emit(contract, event).withArgs(max, 0n);
      expect(await read()).to.equal(0n);
    });

    it("refuses one above the ceiling with its custom error (value, ceiling) and keeps the setting", async function () {
      const { contract, set, read, max, error } = await loadFixture(fixture);
      const before = await read();
      await expect(set(max + 1n))
        .to.be.revertedWithCustomError(contract, error)
        .withArgs(max + 1n, max);
      expect(await read()).to.equal(before);
    });
  });
}
