"use client";
// The staking pool: position with a ticking "earned", stake by exact-amount approval or by permit (spender,
// amount and deadline shown before signing), withdraw, claim and exit.
import { useState } from "react";
import { PERMIT_STAKE_GAS } from "@numi/contracts/gas";
import { contracts } from "@/config/contracts";
import { useWallet } from "@/hooks/useWallet";
import { useAccountData } from "@/features/account/useAccountData";
import { usePoolState } from "./usePoolState";
import { useTickingEarned } from "./useTickingEarned";
import { useWrite } from "@/hooks/useWrite";
import { usePermitSignature } from "@/hooks/usePermitSignature";
import { useOnline } from "@/hooks/useOnline";
import { AmountField } from "@/components/AmountField";
import { Stat } from "@/components/Stat";
import { Numi } from "@/components/Numi";
import { TxStatus } from "@/components/TxStatus";
import { FeeEstimate } from "@/components/FeeEstimate";
import { useFeeQuote, type FeeSubject } from "@/hooks/useFeeQuote";
import { checkAmount, checkPoolPosition, formatAmount } from "@/lib/amount";
import { aprText, duration, when } from "@/lib/format";
import { describeError } from "@/lib/errors";

const PERMIT_MINUTES = 20;

/**
 * The permit stake cannot be simulated before the signature exists, so its review prices the most gas a
 * stakeWithPermit uses (@numi/contracts/gas, kept true by test/MiningPool/permitGas.test.ts) at the current fees.
 * Once signed, the write estimates the real transaction and checks it again.
 */
const PERMIT_FEE: FeeSubject = {
  gas: PERMIT_STAKE_GAS,
  basis: `Based on ${PERMIT_STAKE_GAS.toLocaleString("en-US")} gas, the most a permit stake used in the contract tests; the exact fee is estimated once you have signed.`,
};

export function Pool() {
  const { address, isConnected, onTargetChain } = useWallet();
  const online = useOnline();
  const c = contracts();
  const pool = usePoolState();
  const account = useAccountData(address);
  const { write, begin, abort, state, inFlight } = useWrite();
  const signPermit = usePermitSignature();
  const [stakeText, setStakeText] = useState("");
  const [withdrawText, setWithdrawText] = useState("");
  const [usePermit, setUsePermit] = useState(false);
  const [permitReview, setPermitReview] = useState<{ value: bigint; deadline: bigint }>();
  const [permitError, setPermitError] = useState<string>();

  const p = pool.data;
  const pos = account.position;
  const earned = useTickingEarned(pos?.earned, pos?.rewardRate, pos?.periodFinish);
  const stakeCheck = checkPoolPosition(checkAmount(stakeText, account.balance), pos?.staked, "stake");
  const withdrawCheck = checkPoolPosition(checkAmount(withdrawText, pos?.staked), pos?.staked, "withdraw");
  const canAct = isConnected && onTargetChain && online && !inFlight;
  const needsApproval = stakeCheck.ok && (account.allowance ?? 0n) < stakeCheck.value;
  const nowSec = Math.floor(Date.now() / 1000);
  const permitFee = useFeeQuote(usePermit && permitReview ? PERMIT_FEE : undefined);

  async function approve() {
    if (!stakeCheck.ok) return;
    // Exactly the amount being staked: never an unlimited approval.
    await write({
      ...c.numi,
      functionName: "approve",
      args: [c.pool.address, stakeCheck.value],
      label: `Approve ${formatAmount(stakeCheck.value)} NUMI for the pool`,
    });
  }
  async function stake() {
    if (!stakeCheck.ok) return;
    const receipt = await write({
      ...c.pool,
      functionName: "stake",
      args: [stakeCheck.value],
      label: `Stake ${formatAmount(stakeCheck.value)} NUMI`,
    });
    if (receipt) setStakeText("");
  }
  async function stakeWithPermit() {
    if (!permitReview || !address) return;
    setPermitError(undefined);
    const label = `Stake ${formatAmount(permitReview.value)} NUMI with a permit`;
    begin(`${label}: sign the permit`);
    try {
      const sig = await signPermit({
        owner: address,
        spender: c.pool.address,
        value: permitReview.value,
        deadline: permitReview.deadline,
      });
      const receipt = await write({
        ...c.pool,
        functionName: "stakeWithPermit",
        args: [permitReview.value, permitReview.deadline, sig.v, sig.r, sig.s],
        label,
        continues: true,
      });
      if (receipt) {
        setStakeText("");
        setPermitReview(undefined);
      }
    } catch (err) {
      const described = describeError(err);
      setPermitError(described.message);
      abort(label, described);
    }
  }

  return (
    <>
      <h1>Staking pool</h1>
      <p className="card">
        Staked NUMI earns a share of every mined block, but <strong>staked NUMI does not vote</strong>: your voting
        power is your wallet balance (once delegated). Withdrawing before a proposal&apos;s snapshot restores your
        voting power for it.
      </p>
      <section className="card" aria-labelledby="position">
        <h2 id="position">Your position</h2>
        <dl className="grid">
          <Stat label="Staked" value={pos ? <Numi value={pos.staked} /> : undefined} testId="pool-staked" />
          <Stat
            label="Earned"
            value={earned === undefined ? undefined : <Numi value={earned} />}
            testId="pool-earned"
          />
          <Stat label="Your share" value={pos ? `${(Number(pos.shareBps) / 100).toFixed(2)}%` : undefined} />
          <Stat
            label="Wallet balance"
            value={account.balance === undefined ? undefined : <Numi value={account.balance} />}
            testId="pool-balance"
          />
        </dl>
        <h2>Pool</h2>
        <dl className="grid">
          <Stat label="Total staked" value={<Numi value={p?.totalStaked} />} />
          <Stat label="APR" value={p ? aprText(p, nowSec) : undefined} testId="pool-apr" />
          <Stat label="Stream period" value={p ? duration(Number(p.rewardsDuration)) : undefined} />
          <Stat label="Current stream ends in" value={p ? duration(Number(p.periodFinish) - nowSec) : undefined} />
          <Stat label="Fee" value={p ? `${p.feeBps / 100}%` : undefined} />
          <Stat
            label="New stakes"
            value={
              p ? (p.stakingPaused ? `paused by governance until ${when(p.stakingPausedUntil)}` : "open") : undefined
            }
          />
        </dl>
      </section>

      <form className="card" noValidate onSubmit={(e) => e.preventDefault()} aria-labelledby="stake-title">
        <h2 id="stake-title">Stake</h2>
        <AmountField
          label="Amount to stake (NUMI)"
          value={stakeText}
          onChange={(v) => {
            setStakeText(v);
            setPermitReview(undefined);
          }}
          max={account.balance}
          error={stakeText && !stakeCheck.ok ? stakeCheck.reason : undefined}
          testId="stake-amount"
        />
        <label className="row" style={{ fontWeight: 400 }}>
          <input
            type="checkbox"
            checked={usePermit}
            onChange={(e) => {
              setUsePermit(e.target.checked);
              setPermitReview(undefined);
            }}
            style={{ width: "auto", minHeight: 0 }}
          />
          Use a permit signature instead of an approval transaction
        </label>
        <div className="row">
          {!usePermit && needsApproval && (
            <button type="button" onClick={approve} disabled={!canAct || !stakeCheck.ok}>
              Approve {stakeCheck.ok ? formatAmount(stakeCheck.value) : ""} NUMI
            </button>
          )}
          {!usePermit && (
            <button type="button" onClick={stake} disabled={!canAct || !stakeCheck.ok || needsApproval}>
              Stake
            </button>
          )}
          {usePermit && !permitReview && (
            <button
              type="button"
              disabled={!canAct || !stakeCheck.ok}
              onClick={() =>
                stakeCheck.ok &&
                setPermitReview({
                  value: stakeCheck.value,
                  deadline: BigInt(Math.floor(Date.now() / 1000) + PERMIT_MINUTES * 60),
                })
              }
            >
              Review permit
            </button>
          )}
        </div>
        {usePermit && permitReview && (
          <div className="card" data-testid="permit-review">
            <p>You are about to sign a permit. Check it matches what your wallet shows:</p>
            <ul>
              <li>
                Spender: <code>{c.pool.address}</code> (the NumiCoin staking pool)
              </li>
              <li>
                Amount: <strong>{formatAmount(permitReview.value)} NUMI</strong>
              </li>
              <li>
                Deadline: {new Date(Number(permitReview.deadline) * 1000).toLocaleString()} ({PERMIT_MINUTES} minutes)
              </li>
            </ul>
            <p className="hint">
              Never sign a permit on another site for a spender you do not recognise: it lets that spender take the
              amount.
            </p>
            <FeeEstimate view={permitFee} />
            <button type="button" onClick={stakeWithPermit} disabled={!canAct || !!permitFee.short}>
              Sign permit and stake
            </button>
            {permitError && (
              <p role="alert" className="error">
                {permitError}
              </p>
            )}
          </div>
        )}
      </form>

      <form className="card" noValidate onSubmit={(e) => e.preventDefault()} aria-labelledby="withdraw-title">
        <h2 id="withdraw-title">Withdraw and claim</h2>
        <AmountField
          label="Amount to withdraw (NUMI)"
          value={withdrawText}
          onChange={setWithdrawText}
          max={pos?.staked}
          error={withdrawText && !withdrawCheck.ok ? withdrawCheck.reason : undefined}
          testId="withdraw-amount"
        />
        <div className="row">
          <button
            type="button"
            disabled={!canAct || !withdrawCheck.ok}
            onClick={async () => {
              if (!withdrawCheck.ok) return;
              const r = await write({
                ...c.pool,
                functionName: "withdraw",
                args: [withdrawCheck.value],
                label: `Withdraw ${formatAmount(withdrawCheck.value)} NUMI`,
              });
              if (r) setWithdrawText("");
            }}
          >
            Withdraw
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!canAct}
            onClick={() => write({ ...c.pool, functionName: "claim", label: "Claim rewards" })}
          >
            Claim rewards
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!canAct}
            onClick={() => write({ ...c.pool, functionName: "exit", label: "Exit (withdraw all and claim)" })}
          >
            Exit
          </button>
        </div>
      </form>
      <TxStatus state={state} />
    </>
  );
}
