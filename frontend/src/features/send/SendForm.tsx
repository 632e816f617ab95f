"use client";
// Send NUMI: validate recipient and amount as typed, review, then one simulated transfer.
import { useEffect, useId, useMemo, useState } from "react";
import type { Address } from "viem";
import { TARGET_CHAIN_ID } from "@/config/chains";
import { recentRecipients, rememberRecipient } from "@/lib/recentRecipients";
import { shortAddress } from "@/lib/shortAddress";
import { contracts } from "@/config/contracts";
import { useWallet } from "@/hooks/useWallet";
import { useAccountData } from "@/features/account/useAccountData";
import { useWrite } from "@/hooks/useWrite";
import { useOnline } from "@/hooks/useOnline";
import { amountToInput, checkAmount, formatAmount } from "@/lib/amount";
import { checkRecipient } from "@/lib/address";
import { TxStatus } from "@/components/TxStatus";
import { Numi } from "@/components/Numi";

export function SendForm() {
  const { address, isConnected, onTargetChain } = useWallet();
  const online = useOnline();
  const { balance } = useAccountData(address);
  const { write, state, reset, inFlight } = useWrite();
  const c = contracts();
  const [to, setTo] = useState("");
  const [amount, setAmount] = useState("");
  const [touched, setTouched] = useState(false);
  const [reviewing, setReviewing] = useState(false);
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
  const recipient = checkRecipient(to, forbidden);
  const selfSend = recipient.ok && !!address && recipient.address.toLowerCase() === address.toLowerCase();
  const parsed = checkAmount(amount, balance);
  const valid = recipient.ok && parsed.ok;
  const canAct = isConnected && onTargetChain && online && !inFlight;

  async function send() {
    if (!recipient.ok || !parsed.ok) return;
    const receipt = await write({
      ...c.numi,
      functionName: "transfer",
      args: [recipient.address, parsed.value],
      label: `Send ${formatAmount(parsed.value)} NUMI`,
    });
    if (receipt) {
      rememberRecipient(TARGET_CHAIN_ID, recipient.address);
      setRecent(recentRecipients(TARGET_CHAIN_ID));
      setReviewing(false);
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
          if (valid) {
            reset();
            setReviewing(true);
          }
        }}
      >
        <label htmlFor={ids.to}>Recipient address</label>
        <input
          id={ids.to}
          name="recipient"
          autoComplete="off"
          spellCheck={false}
          placeholder="0x…"
          value={to}
          onChange={(e) => {
            setTo(e.target.value);
            setReviewing(false);
          }}
          aria-invalid={touched && !recipient.ok}
          aria-describedby={ids.toErr}
        />
        <p id={ids.toErr} className="field-error" data-testid="recipient-error">
          {(touched || to) && !recipient.ok ? recipient.reason : ""}
        </p>
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
                  setReviewing(false);
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
              setReviewing(false);
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

      {reviewing && recipient.ok && parsed.ok && (
        <section className="card" aria-labelledby="review-title" data-testid="review">
          <h2 id="review-title">Review</h2>
          <p>
            Send <strong>{formatAmount(parsed.value)} NUMI</strong> to <code>{recipient.address}</code>
          </p>
          <p className="hint">Transfers cannot be undone. Check the address with the recipient.</p>
          <div className="row">
            <button type="button" onClick={send} disabled={!canAct}>
              Confirm and send
            </button>
            <button type="button" className="secondary" onClick={() => setReviewing(false)} disabled={inFlight}>
              Edit
            </button>
          </div>
        </section>
      )}
      <TxStatus state={state} />
    </>
  );
}
