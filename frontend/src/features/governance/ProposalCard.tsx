"use client";
// One proposal, with everything a voter needs to judge it: the full description (as text: nothing the proposer
// wrote is ever parsed as HTML), each action in words with the value it replaces, a warning for any action the
// dApp does not know, the tally against the quorum, the voter's weight at the snapshot, and the dates so far.
import { Numi } from "@/components/Numi";
import { useId, useState } from "react";
import { keccak256, toBytes } from "viem";
import { TARGET_CHAIN_ID, explorerUrl } from "@/config/chains";
import { governanceContracts } from "@/config/governanceContracts";
import type { useWrite } from "@/hooks/useWrite";
import { duration, when } from "@/lib/format";
import { describeAction, type DecodedAction } from "@/lib/proposalActions";
import { PROPOSAL_STATES } from "@/lib/proposalTemplates";
import { shortAddress } from "@/lib/shortAddress";
import { splitDescription } from "./proposalRecord";
import type { Proposal } from "./useProposals";

type Write = ReturnType<typeof useWrite>["write"];

/** The dated steps of a proposal, past and scheduled, in order. */
export function timeline(p: Proposal, now: bigint): { label: string; at?: number; done: boolean }[] {
  const state = PROPOSAL_STATES[p.state];
  const steps: { label: string; at?: number; done: boolean }[] = [
    { label: "Proposed", at: p.createdAt, done: true },
    { label: "Voting opens", at: Number(p.voteStart), done: p.voteStart <= now },
    { label: "Voting closes", at: Number(p.voteEnd), done: p.voteEnd < now },
  ];
  if (state === "Canceled") steps.push({ label: "Canceled", at: p.canceledAt, done: true });
  if (p.eta > 0n || p.queuedAt !== undefined) {
    steps.push({ label: "Queued on the timelock", at: p.queuedAt, done: true });
    steps.push({ label: "Executable", at: Number(p.eta), done: p.eta <= now });
  }
  if (state === "Executed") steps.push({ label: "Executed", at: p.executedAt, done: true });
  return steps.filter((s) => s.done || s.at !== undefined);
}

function Description({ body }: { body: string }) {
  if (!body) return <p className="muted">No further description.</p>;
  // Paragraphs split on blank lines; line breaks kept by CSS. React escapes the text: no HTML gets through.
  return (
    <div className="proposal-body" data-testid="proposal-body">
      {body.split(/\n{2,}/).map((para, i) => (
        <p key={i}>{para.replace(/^#+\s*/, "")}</p>
      ))}
    </div>
  );
}

function Actions({ actions, current }: { actions: DecodedAction[]; current: (a: DecodedAction) => unknown }) {
  const unknown = actions.some((a) => !a.template);
  return (
    <div>
      <h4>What it does</h4>
      {unknown && (
        <p className="warning card" role="note" data-testid="unknown-action">
          This proposal contains an action the dApp does not recognise. Read it carefully: the title is the
          proposer&apos;s own words and may not describe it.
        </p>
      )}
      <ol className="proposal-actions" data-testid="proposal-actions">
        {actions.map((a, i) => (
          <li key={i} data-known={!!a.template}>
            {describeAction(a, current(a))}
            <span className="muted small">
              {" "}
              ({a.contract ?? shortAddress(a.target)}
              {a.functionName ? `.${a.functionName}` : ""})
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ProposalCard({
  p,
  actions,
  current,
  now,
  write,
  canAct,
}: {
  p: Proposal;
  actions: DecodedAction[];
  current: (a: DecodedAction) => unknown;
  now: bigint;
  write: Write;
  canAct: boolean;
}) {
  const { governor } = governanceContracts();
  const [support, setSupport] = useState("1");
  const [reason, setReason] = useState("");
  const reasonId = useId();
  const state = PROPOSAL_STATES[p.state] ?? "Unknown";
  const { title, body } = splitDescription(p.description);
  const descHash = keccak256(toBytes(p.description));
  const args = [p.targets, p.values, p.calldatas, descHash] as const;
  const countdown =
    state === "Pending"
      ? `Voting opens in ${duration(Number(p.voteStart - now))}`
      : state === "Active"
        ? `Voting closes in ${duration(Number(p.voteEnd - now))}`
        : state === "Queued"
          ? p.eta > now
            ? `Executable in ${duration(Number(p.eta - now))}`
            : "Executable now"
          : "";
  const [against, forVotes, abstain] = p.votes;
  const counted = forVotes + abstain; // the quorum counts for and abstain votes
  const quorumPct = p.quorum ? Math.min(100, Number((counted * 10_000n) / (p.quorum || 1n)) / 100) : undefined;
  const explorer = explorerUrl(TARGET_CHAIN_ID);
  return (
    <li className="card" data-testid="proposal" data-state={state}>
      <h3 style={{ margin: 0 }}>{title}</h3>
      <p>
        <strong data-testid="proposal-state">{state}</strong>
        {countdown && <span className="muted"> · {countdown}</span>} · by {shortAddress(p.proposer)}
      </p>
      <Actions actions={actions} current={current} />
      <details>
        <summary>Full description</summary>
        <Description body={body} />
      </details>
      <h4>Votes</h4>
      <p className="small" data-testid="proposal-tally">
        For <Numi value={forVotes} /> · Against <Numi value={against} /> · Abstain <Numi value={abstain} />
      </p>
      {p.quorum !== undefined ? (
        <div className="small" data-testid="proposal-quorum">
          <label htmlFor={`${reasonId}-q`} style={{ fontWeight: 400, marginTop: 0 }}>
            Quorum: <Numi value={counted} /> of <Numi value={p.quorum} /> needed (for and abstain count)
          </label>
          <meter id={`${reasonId}-q`} min={0} max={100} value={quorumPct} style={{ width: "100%" }}>
            {quorumPct}%
          </meter>
        </div>
      ) : (
        <p className="small muted">The quorum is fixed at the snapshot, when voting opens.</p>
      )}
      <p className="small" data-testid="proposal-weight">
        {p.weight !== undefined ? (
          <>
            Your voting power at the snapshot: <Numi value={p.weight} />
            {p.weight === 0n ? " (delegate before a proposal's snapshot to vote on it)" : ""}.
          </>
        ) : (
          "Your voting power is counted at the snapshot, when voting opens."
        )}
      </p>
      <details>
        <summary>Timeline</summary>
        <ol className="timeline small" data-testid="proposal-timeline">
          {timeline(p, now).map((s) => (
            <li key={s.label} data-done={s.done}>
              {s.label}
              {s.at !== undefined && (
                <>
                  {": "}
                  <time dateTime={new Date(s.at * 1000).toISOString()}>{when(s.at)}</time>
                </>
              )}
            </li>
          ))}
        </ol>
        <p className="small">
          Proposal id <code>{p.id.toString()}</code>
          {explorer && (
            <>
              {" · "}
              <a href={`${explorer}/tx/${p.createdTx}`} target="_blank" rel="noreferrer noopener">
                Proposal transaction
              </a>
            </>
          )}
        </p>
      </details>
      {state === "Active" && !p.hasVoted && (
        <fieldset>
          <legend>Your vote</legend>
          {[
            ["1", "For"],
            ["0", "Against"],
            ["2", "Abstain"],
          ].map(([v, label]) => (
            <label key={v} className="row" style={{ fontWeight: 400, marginTop: 0 }}>
              <input
                type="radio"
                name={`support-${p.id}`}
                value={v}
                checked={support === v}
                onChange={() => setSupport(v)}
                style={{ width: "auto", minHeight: 0 }}
              />
              {label}
            </label>
          ))}
          <label htmlFor={reasonId}>Reason (optional, public)</label>
          <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          <button
            type="button"
            disabled={!canAct}
            onClick={() =>
              write({
                ...governor,
                functionName: "castVoteWithReason",
                args: [p.id, Number(support), reason],
                label: `Vote on “${title}”`,
              })
            }
          >
            Cast vote
          </button>
        </fieldset>
      )}
      {state === "Active" && p.hasVoted && <p>You have voted.</p>}
      {state === "Succeeded" && (
        <button
          type="button"
          disabled={!canAct}
          onClick={() => write({ ...governor, functionName: "queue", args, label: `Queue “${title}”` })}
        >
          Queue
        </button>
      )}
      {state === "Queued" && (
        <button
          type="button"
          disabled={!canAct || p.eta > now}
          onClick={() => write({ ...governor, functionName: "execute", args, label: `Execute “${title}”` })}
        >
          Execute
        </button>
      )}
    </li>
  );
}
