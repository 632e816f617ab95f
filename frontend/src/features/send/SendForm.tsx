"use client";
// Send NUMI: validate recipient (an address, or an ENS name on chains with ENS) and amount as typed, review with the
// network fee, then one simulated transfer to the address the review showed.
import { useEffect, useId, useMemo, useState } from "react";
import type { Address } from "viem";
import { TARGET_CHAIN_ID, targetChain } from "@/config/chains";
import { recentRecipients, rememberRecipient } from "@/lib/recentRecipients";
import { shortAddress } from "@/lib/shortAddress";
import { contracts } from "@/config/contracts";
import { useWallet } from "@/hooks/useWallet";
import { useAccountData } from "@/features/account/useAccountData";
import { useWrite } from "@/hooks/useWrite";
import { useOnline } from "@/hooks/useOnline";
import { amountToInput, checkAmount, formatAmount } from "@/lib/amount";
import { checkNamedRecipient } from "@/lib/address";
import { chainHasEns } from "@/lib/ensName";
import { useEnsRecipient } from "@/hooks/useEnsRecipient";
import { useFeeQuote } from "@/hooks/useFeeQuote";
import { TxStatus } from "@/components/TxStatus";
import { FeeEstimate } from "@/components/FeeEstimate";
import { Numi } from "@/components/Numi";

/** What the review showed: the send goes to this address, even if the name points elsewhere by then. */
interface Review {
  to: Address;
  name?: string;
  value: bigint;
}

const HAS_ENS = chainHasEns(targetChain());

export function SendForm() {
  const { address, isConnected, onTargetChain } = useWallet();
  const online = useOnline();
  const { balance } = useAccountData(address);
  const { write, state, reset, inFlight } = useWrite();
  const c = contracts();
  const [to, setTo] = useState("");
  const [amount, setAmount] = useState("");
  const [touched, setTouched] = useState(false);
  const [review, setReview] = useState<Review>();
  const [recent, setRecent] = useState<Address[]>([]);
  useEffect(() => setRecent(recentRecipients(TARGET_CHAIN_ID)), []); // after hydration: storage is the browser's
  const ids = { to: useId(), amount: useId(), toErr: useId(), amountErr: useId() };

  const forbidden = useMemo(
    () => ({
      [c.numi.address]: "the NUMI token contract",
      [c.pool.address]: "the staking pool contract (use the Pool page to stake)",
      [c.governorAddress]: "the governor contract",
      [c.timelockAddress]: "the governance timelock",
    }),
    [c.numi.address, c.pool.address, c.governorAddress, c.timelockAddress],
  );
  const ens = useEnsRecipient(to);
  const recipient = checkNamedRecipient(to, ens, forbidden); // while resolving, said under the field, not as an error
  const resolvedName = !("state" in ens) && ens.ok ? ens.name : undefined;
  const fee = useFeeQuote(review && { call: { ...c.numi, functionName: "transfer", args: [review.to, review.value] } });
  const selfSend = recipient.ok && !!address && recipient.address.toLowerCase() === address.toLowerCase();
  const parsed = checkAmount(amount, balance);
  const canAct = isConnected && onTargetChain && online && !inFlight;

  async function send() {
    if (!review) return;
    const receipt = await write({
      ...c.numi,
      functionName: "transfer",
      args: [review.to, review.value],
      label: `Send ${formatAmount(review.value)} NUMI`,
    });
    if (receipt) {
      rememberRecipient(TARGET_CHAIN_ID, review.to);
      setRecent(recentRecipients(TARGET_CHAIN_ID));
      setReview(undefined);
      setAmount("");
      setTouched(false);
    }
  }

  return (
    <>
      <h1>Send NUMI</h1>
      <form
        className="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (recipient.ok && parsed.ok) {
            reset();
            setReview({ to: recipient.address, name: resolvedName, value: parsed.value });
          }
        }}
      >
        <label htmlFor={ids.to}>Recipient address{HAS_ENS ? " or ENS name" : ""}</label>
        <input
          id={ids.to}
          name="recipient"
          autoComplete="off"
          spellCheck={false}
          placeholder={HAS_ENS ? "0x… or name.eth" : "0x…"}
          value={to}
          onChange={(e) => {
            setTo(e.target.value);
            setReview(undefined);
          }}
          aria-invalid={touched && !recipient.ok && recipient.reason !== ""}
          aria-describedby={ids.toErr}
        />
        <p id={ids.toErr} className="field-error" data-testid="recipient-error">
          {(touched || to) && !recipient.ok ? recipient.reason : ""}
        </p>
        {HAS_ENS && (
          // One live region, present from the start, so each lookup's outcome is announced.
          <p className="hint" role="status" data-testid="ens-status">
            {"state" in ens && ens.state === "resolving" && `Looking up ${to.trim()}…`}
            {resolvedName && recipient.ok && (
              <>
                {resolvedName} is <code>{recipient.address}</code>
              </>
            )}
          </p>
        )}
        {recent.length > 0 && (
          <div className="row" style={{ marginTop: 0 }} data-testid="recent-recipients">
            <span className="small muted">Recent:</span>
            {recent.map((a) => (
              <button
                key={a}
                type="button"
                className="secondary"
                title={a}
                onClick={() => {
                  setTo(a);
                  setReview(undefined);
                }}
              >
                {shortAddress(a)}
              </button>
            ))}
          </div>
        )}
        {selfSend && (
          <p className="hint" role="status" data-testid="self-send">
            That is your own address: the NUMI stays where it is, and you pay the network fee.
          </p>
        )}

        <label htmlFor={ids.amount}>Amount (NUMI)</label>
        <div className="row" style={{ marginTop: 0 }}>
          <input
            id={ids.amount}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.0"
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value);
              setReview(undefined);
            }}
            aria-invalid={touched && !parsed.ok}
            aria-describedby={ids.amountErr}
            style={{ flex: 1 }}
          />
          <button
            type="button"
            className="secondary"
            disabled={balance === undefined}
            onClick={() => balance !== undefined && setAmount(amountToInput(balance))}
          >
            Max
          </button>
        </div>
        <p className="hint" data-testid="send-balance">
          Balance: <Numi value={balance} />
        </p>
        <p id={ids.amountErr} className="field-error" data-testid="amount-error">
          {(touched || amount) && !parsed.ok ? parsed.reason : ""}
        </p>

        <button type="submit" disabled={!canAct}>
          Review
        </button>
        {!isConnected && <p className="hint">Connect a wallet to send.</p>}
      </form>

      {review && (
        <section className="card" aria-labelledby="review-title" data-testid="review">
          <h2 id="review-title">Review</h2>
          <p>
            Send <strong>{formatAmount(review.value)} NUMI</strong> to{" "}
            {review.name && (
              <>
                <strong>{review.name}</strong>,{" "}
              </>
            )}
            <code>{review.to}</code>
          </p>
          {review.name && (
            <p className="hint" data-testid="review-ens">
              The NUMI goes to this address, the one {review.name} pointed to when you pressed Review, even if the name
              is changed before you confirm.
            </p>
          )}
          <p className="hint">Transfers cannot be undone. Check the address with the recipient.</p>
          <FeeEstimate view={fee} />
          <div className="row">
            <button type="button" onClick={send} disabled={!canAct || !!fee.short}>
              Confirm and send
            </button>
            <button type="button" className="secondary" onClick={() => setReview(undefined)} disabled={inFlight}>
              Edit
            </button>
          </div>
        </section>
      )}
      <TxStatus state={state} />
    </>
  );
}
