"use client";
import { useEffect } from "react";
import { useWallet } from "@/hooks/useWallet";
import { useAccountData } from "@/features/account/useAccountData";
import { useMiningState } from "@/features/mine/useMiningState";
import { usePoolState } from "@/features/pool/usePoolState";
import { useTokenFacts } from "./useTokenFacts";
import { Stat } from "@/components/Stat";
import { Numi } from "@/components/Numi";
import { aprText, numi, when } from "@/lib/format";
import { shortAddress } from "@/lib/shortAddress";
import { saveSnapshot } from "@/lib/lastKnown";

export function Dashboard() {
  const { address, isConnected } = useWallet();
  const account = useAccountData(address);
  const mining = useMiningState();
  const pool = usePoolState();
  const facts = useTokenFacts();
  const m = mining.data;
  const p = pool.data;
  const cap = facts.data?.maxSupply;

  useEffect(() => {
    if (!address || account.balance === undefined) return;
    saveSnapshot({
      at: Date.now(),
      account: address,
      balance: numi(account.balance),
      staked: numi(account.position?.staked),
      earned: numi(account.position?.earned),
      votes: numi(account.votes),
    });
  }, [address, account.balance, account.position, account.votes]);

  const readError = mining.isError || pool.isError;
  return (
    <>
      <h1>Dashboard</h1>
      {readError && (
        <p role="alert" className="error">
          The network (RPC) did not answer; retrying automatically.{" "}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              mining.refetch();
              pool.refetch();
            }}
          >
            Retry now
          </button>
        </p>
      )}
      <section className="card" aria-labelledby="you">
        <h2 id="you">Your account</h2>
        {!isConnected ? (
          <p>Connect a wallet to see your balance, stake and votes.</p>
        ) : (
          <dl className="grid">
            <Stat
              label="Balance"
              value={account.balance === undefined ? undefined : <Numi value={account.balance} />}
              testId="balance"
            />
            <Stat
              label="Staked"
              value={account.position ? <Numi value={account.position.staked} /> : undefined}
              testId="staked"
            />
            <Stat
              label="Earned"
              value={account.position ? <Numi value={account.position.earned} /> : undefined}
              testId="earned"
            />
            <Stat
              label="Voting power"
              value={account.votes === undefined ? undefined : <Numi value={account.votes} />}
              testId="votes"
            />
            <Stat
              label="Delegate"
              value={
                account.delegate === undefined
                  ? undefined
                  : /^0x0{40}$/.test(account.delegate)
                    ? "none (votes inactive)"
                    : account.delegate.toLowerCase() === address?.toLowerCase()
                      ? "yourself"
                      : shortAddress(account.delegate)
              }
              testId="delegate"
            />
          </dl>
        )}
      </section>
      <section className="card" aria-labelledby="network">
        <h2 id="network">Network</h2>
        <dl className="grid">
          <Stat
            label="Supply / cap"
            value={
              m && cap ? (
                <>
                  <Numi value={m.minted} /> / {numi(cap)}
                </>
              ) : undefined
            }
            testId="supply"
          />
          <Stat label="Epoch" value={m?.epoch.toString()} testId="epoch" />
          <Stat label="Difficulty" value={m?.difficulty.toString()} />
          <Stat label="Reward" value={<Numi value={m?.reward} />} />
          <Stat label="Next halving at epoch" value={m?.nextHalvingEpoch.toString()} />
          <Stat
            label="Mining"
            value={m ? (m.paused ? `paused by governance until ${when(m.pausedUntil)}` : "open") : undefined}
          />
          <Stat label="Pool APR" value={p ? aprText(p, Math.floor(Date.now() / 1000)) : undefined} testId="pool-apr" />
          <Stat label="Total staked" value={<Numi value={p?.totalStaked} />} />
        </dl>
      </section>
    </>
  );
}
