// NumiVotesToken (contracts/token): every function, event and refusal, each run on the token and on the OZ reference
// (OZVotesTimestampReference: OZ ERC20 + ERC20Permit + ERC20Votes, timestamp clock, cap 2^88 - 1) with the same
// expectations, so a difference in behaviour fails here as well as in the Foundry differential suite.
import { expect } from "chai";
import { ethers } from "hardhat";
import { Signature } from "ethers";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import type { NumiVotesTokenMock, OZVotesTimestampReference } from "../../typechain-types";
import { signPermit } from "../helpers/permit";

/** The bound of the packed balances: totalSupply <= 2^88 - 1 (the largest packed checkpoint value). */
const MAX_SAFE_SUPPLY = 2n ** 88n - 1n;
const ZERO = ethers.ZeroAddress;

type Token = NumiVotesTokenMock | OZVotesTimestampReference;

async function tokensFixture() {
  const [alice, bob, carol, relayer] = await ethers.getSigners();
  const mine = await ethers.deployContract("NumiVotesTokenMock", ["NumiCoin", "NUMI"]);
  const ref = await ethers.deployContract("OZVotesTimestampReference", ["NumiCoin", "NUMI"]);
  return { mine, ref, alice, bob, carol, relayer };
}

async function signDelegation(
  token: Token,
  signer: HardhatEthersSigner,
  delegatee: string,
  nonce: bigint,
  expiry: bigint,
): Promise<{ v: number; r: string; s: string }> {
  const { chainId } = await ethers.provider.getNetwork();
  const domain = { name: "NumiCoin", version: "1", chainId, verifyingContract: await token.getAddress() };
  const types = {
    Delegation: [
      { name: "delegatee", type: "address" },
      { name: "nonce", type: "uint256" },
      { name: "expiry", type: "uint256" },
    ],
  };
  const sig = Signature.from(await signer.signTypedData(domain, types, { delegatee, nonce, expiry }));
  return { v: sig.v, r: sig.r, s: sig.s };
}

for (const which of ["NumiVotesToken", "OZ reference"] as const) {
  describe(`${which}: ERC-20, EIP-2612 and ERC-5805 as OZ`, function () {
    async function fixture() {
      const f = await loadFixture(tokensFixture);
      const token: Token = which === "NumiVotesToken" ? f.mine : f.ref;
      return { ...f, token };
    }

    describe("metadata and clock", function () {
      it("has OZ's metadata, a timestamp clock and the EIP-712 domain (NumiCoin, 1)", async function () {
        const { token } = await fixture();
        expect(await token.name()).to.equal("NumiCoin");
        expect(await token.symbol()).to.equal("NUMI");
        expect(await token.decimals()).to.equal(18n);
        expect(await token.CLOCK_MODE()).to.equal("mode=timestamp");
        expect(await token.clock()).to.equal(BigInt(await time.latest()));
        const { chainId } = await ethers.provider.getNetwork();
        const domain = ethers.TypedDataEncoder.hashDomain({
          name: "NumiCoin",
          version: "1",
          chainId,
          verifyingContract: await token.getAddress(),
        });
        expect(await token.DOMAIN_SEPARATOR()).to.equal(domain);
        const d = await token.eip712Domain();
        expect([d.name, d.version, d.chainId, d.verifyingContract]).to.deep.equal([
          "NumiCoin",
          "1",
          chainId,
          await token.getAddress(),
        ]);
      });
    });

    describe("mint", function () {
      it("mints with Transfer, counts the supply and checkpoints it", async function () {
        const { token, alice } = await fixture();
        await expect(token.mint(alice.address, 100n)).to.emit(token, "Transfer").withArgs(ZERO, alice.address, 100n);
        expect(await token.totalSupply()).to.equal(100n);
        expect(await token.balanceOf(alice.address)).to.equal(100n);
        const at = BigInt(await time.latest());
        await time.increase(1);
        expect(await token.getPastTotalSupply(at)).to.equal(100n);
        expect(await token.getPastTotalSupply(at - 1n)).to.equal(0n);
      });

      it("refuses the zero receiver with ERC20InvalidReceiver", async function () {
        const { token } = await fixture();
        await expect(token.mint(ZERO, 1n)).to.be.revertedWithCustomError(token, "ERC20InvalidReceiver").withArgs(ZERO);
      });

      it("reaches the bound 2^88 - 1 exactly and refuses one more with ERC20ExceededSafeSupply", async function () {
        const { token, alice, bob } = await fixture();
        await token.mint(alice.address, MAX_SAFE_SUPPLY - 1n);
        await token.mint(bob.address, 1n);
        expect(await token.totalSupply()).to.equal(MAX_SAFE_SUPPLY);
        await expect(token.mint(alice.address, 1n))
          .to.be.revertedWithCustomError(token, "ERC20ExceededSafeSupply")
          .withArgs(MAX_SAFE_SUPPLY + 1n, MAX_SAFE_SUPPLY);
        // The whole supply in one balance, delegated: no field overflows at the bound.
        await token.connect(bob).transfer(alice.address, 1n);
        await token.connect(alice).delegate(alice.address);
        expect(await token.balanceOf(alice.address)).to.equal(MAX_SAFE_SUPPLY);
        expect(await token.getVotes(alice.address)).to.equal(MAX_SAFE_SUPPLY);
      });

      it("panics on a uint256 overflow of the supply, as OZ", async function () {
        const { token, alice } = await fixture();
        await token.mint(alice.address, 1n);
        await expect(token.mint(alice.address, ethers.MaxUint256)).to.be.revertedWithPanic(0x11);
      });
    });

    describe("transfer and transferFrom", function () {
      it("moves balances with Transfer, self-transfers included", async function () {
        const { token, alice, bob } = await fixture();
        await token.mint(alice.address, 100n);
        await expect(token.connect(alice).transfer(bob.address, 40n))
          .to.emit(token, "Transfer")
          .withArgs(alice.address, bob.address, 40n);
        await token.connect(alice).transfer(alice.address, 60n);
        expect(await token.balanceOf(alice.address)).to.equal(60n);
        expect(await token.balanceOf(bob.address)).to.equal(40n);
      });

      it("refuses more than the balance with ERC20InsufficientBalance", async function () {
        const { token, alice, bob } = await fixture();
        await token.mint(alice.address, 10n);
        await expect(token.connect(alice).transfer(bob.address, 11n))
          .to.be.revertedWithCustomError(token, "ERC20InsufficientBalance")
          .withArgs(alice.address, 10n, 11n);
      });

      it("refuses the zero receiver (ERC20InvalidReceiver) and the zero sender (ERC20InvalidSender)", async function () {
        const { token, alice } = await fixture();
        await expect(token.connect(alice).transfer(ZERO, 0n))
          .to.be.revertedWithCustomError(token, "ERC20InvalidReceiver")
          .withArgs(ZERO);
        await expect(token.transferInternal(ZERO, alice.address, 0n))
          .to.be.revertedWithCustomError(token, "ERC20InvalidSender")
          .withArgs(ZERO);
      });

      it("spends a finite allowance without Approval, never an unlimited one", async function () {
        const { token, alice, bob, carol } = await fixture();
        await token.mint(alice.address, 100n);
        await expect(token.connect(alice).approve(bob.address, 30n))
          .to.emit(token, "Approval")
          .withArgs(alice.address, bob.address, 30n);
        await expect(token.connect(bob).transferFrom(alice.address, carol.address, 20n)).not.to.emit(token, "Approval");
        expect(await token.allowance(alice.address, bob.address)).to.equal(10n);
        await expect(token.connect(bob).transferFrom(alice.address, carol.address, 11n))
          .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
          .withArgs(bob.address, 10n, 11n);
        await token.connect(alice).approve(bob.address, ethers.MaxUint256);
        await token.connect(bob).transferFrom(alice.address, carol.address, 50n);
        expect(await token.allowance(alice.address, bob.address)).to.equal(ethers.MaxUint256);
        expect(await token.balanceOf(carol.address)).to.equal(70n);
      });

      it("refuses the zero spender (ERC20InvalidSpender) and the zero owner (ERC20InvalidApprover)", async function () {
        const { token, alice, bob } = await fixture();
        await expect(token.connect(alice).approve(ZERO, 1n))
          .to.be.revertedWithCustomError(token, "ERC20InvalidSpender")
          .withArgs(ZERO);
        await expect(token.approveInternal(ZERO, bob.address, 1n))
          .to.be.revertedWithCustomError(token, "ERC20InvalidApprover")
          .withArgs(ZERO);
        await expect(token.connect(bob).transferFrom(ZERO, bob.address, 0n))
          .to.be.revertedWithCustomError(token, "ERC20InvalidApprover")
          .withArgs(ZERO);
      });
    });

    describe("permit", function () {
      it("sets the allowance from the owner's signature, once (nonce)", async function () {
        const { token, alice, bob, relayer } = await fixture();
        const deadline = BigInt(await time.latest()) + 60n;
        const p = await signPermit(token, alice, bob.address, 5n, deadline);
        await expect(token.connect(relayer).permit(p.owner, p.spender, p.value, p.deadline, p.v, p.r, p.s))
          .to.emit(token, "Approval")
          .withArgs(alice.address, bob.address, 5n);
        expect(await token.nonces(alice.address)).to.equal(1n);
        await expect(
          token.connect(relayer).permit(p.owner, p.spender, p.value, p.deadline, p.v, p.r, p.s),
        ).to.be.revertedWithCustomError(token, "ERC2612InvalidSigner");
      });

      it("refuses an expired permit (ERC2612ExpiredSignature) and another signer's (ERC2612InvalidSigner)", async function () {
        const { token, alice, bob } = await fixture();
        const past = BigInt(await time.latest());
        const expired = await signPermit(token, alice, bob.address, 5n, past);
        await expect(token.permit(alice.address, bob.address, 5n, past, expired.v, expired.r, expired.s))
          .to.be.revertedWithCustomError(token, "ERC2612ExpiredSignature")
          .withArgs(past);
        const deadline = past + 60n;
        // Alice's permit (owner alice, her nonce) signed with Bob's key.
        const { chainId } = await ethers.provider.getNetwork();
        const domain = { name: "NumiCoin", version: "1", chainId, verifyingContract: await token.getAddress() };
        const types = {
          Permit: ["owner", "spender", "value", "nonce", "deadline"].map((name) => ({
            name,
            type: name === "owner" || name === "spender" ? "address" : "uint256",
          })),
        };
        const message = { owner: alice.address, spender: bob.address, value: 5n, nonce: 0n, deadline };
        const byBob = Signature.from(await bob.signTypedData(domain, types, message));
        await expect(token.permit(alice.address, bob.address, 5n, deadline, byBob.v, byBob.r, byBob.s))
          .to.be.revertedWithCustomError(token, "ERC2612InvalidSigner")
          .withArgs(bob.address, alice.address);
      });
    });

    describe("votes", function () {
      it("delegates with DelegateChanged and DelegateVotesChanged, and moves votes with transfers", async function () {
        const { token, alice, bob, carol } = await fixture();
        await token.mint(alice.address, 100n);
        await expect(token.connect(alice).delegate(carol.address))
          .to.emit(token, "DelegateChanged")
          .withArgs(alice.address, ZERO, carol.address)
          .and.to.emit(token, "DelegateVotesChanged")
          .withArgs(carol.address, 0n, 100n);
        expect(await token.delegates(alice.address)).to.equal(carol.address);
        await token.connect(bob).delegate(bob.address);
        await expect(token.connect(alice).transfer(bob.address, 30n))
          .to.emit(token, "DelegateVotesChanged")
          .withArgs(carol.address, 100n, 70n)
          .and.to.emit(token, "DelegateVotesChanged")
          .withArgs(bob.address, 0n, 30n);
        await token.mint(bob.address, 5n);
        expect(await token.getVotes(bob.address)).to.equal(35n);
        // Undelegating (to address(0)) removes the votes; a transfer to an undelegated holder only subtracts.
        await token.connect(bob).delegate(ZERO);
        expect(await token.getVotes(bob.address)).to.equal(0n);
        await token.connect(alice).transfer(bob.address, 10n);
        expect(await token.getVotes(carol.address)).to.equal(60n);
        expect(await token.numCheckpoints(carol.address)).to.equal(3n);
        const c = await token.checkpoints(carol.address, 2);
        expect(c._value).to.equal(60n);
        expect(c._key).to.equal(BigInt(await time.latest()));
        await expect(token.checkpoints(carol.address, 3)).to.be.revertedWithPanic(0x32);
      });

      it("answers past votes and refuses the present and future with ERC5805FutureLookup", async function () {
        const { token, alice } = await fixture();
        await token.connect(alice).delegate(alice.address);
        await token.mint(alice.address, 7n);
        const at = BigInt(await time.latest());
        await time.increase(10);
        await token.mint(alice.address, 3n);
        const now = BigInt(await time.latest());
        expect(await token.getPastVotes(alice.address, at)).to.equal(7n);
        expect(await token.getPastVotes(alice.address, at - 1n)).to.equal(0n);
        await expect(token.getPastVotes(alice.address, now))
          .to.be.revertedWithCustomError(token, "ERC5805FutureLookup")
          .withArgs(now, now);
        await expect(token.getPastTotalSupply(now + 1n))
          .to.be.revertedWithCustomError(token, "ERC5805FutureLookup")
          .withArgs(now + 1n, now);
      });

      it("delegateBySig: delegates for the signer, then refuses a replay, an expired or a malformed signature", async function () {
        const { token, alice, bob, relayer } = await fixture();
        await token.mint(alice.address, 9n);
        const expiry = BigInt(await time.latest()) + 60n;
        const sig = await signDelegation(token, alice, bob.address, 0n, expiry);
        await expect(token.connect(relayer).delegateBySig(bob.address, 0n, expiry, sig.v, sig.r, sig.s))
          .to.emit(token, "DelegateChanged")
          .withArgs(alice.address, ZERO, bob.address);
        expect(await token.getVotes(bob.address)).to.equal(9n);
        expect(await token.nonces(alice.address)).to.equal(1n);
        await expect(token.delegateBySig(bob.address, 0n, expiry, sig.v, sig.r, sig.s))
          .to.be.revertedWithCustomError(token, "InvalidAccountNonce")
          .withArgs(alice.address, 1n);
        const past = BigInt(await time.latest());
        const old = await signDelegation(token, alice, bob.address, 1n, past);
        await expect(token.delegateBySig(bob.address, 1n, past, old.v, old.r, old.s))
          .to.be.revertedWithCustomError(token, "VotesExpiredSignature")
          .withArgs(past);
        await expect(token.delegateBySig(bob.address, 1n, expiry, 29, sig.r, sig.s)).to.be.revertedWithCustomError(
          token,
          "ECDSAInvalidSignature",
        );
      });

      it("shares one nonce between permit and delegateBySig", async function () {
        const { token, alice, bob } = await fixture();
        const deadline = BigInt(await time.latest()) + 60n;
        const p = await signPermit(token, alice, bob.address, 1n, deadline);
        await token.permit(p.owner, p.spender, p.value, p.deadline, p.v, p.r, p.s);
        const stale = await signDelegation(token, alice, bob.address, 0n, deadline);
        await expect(token.delegateBySig(bob.address, 0n, deadline, stale.v, stale.r, stale.s))
          .to.be.revertedWithCustomError(token, "InvalidAccountNonce")
          .withArgs(alice.address, 1n);
      });
    });
  });
}
