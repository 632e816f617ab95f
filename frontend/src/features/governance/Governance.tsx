"use client";
// Governance: delegate, propose from a template per governed parameter, vote with a reason, queue and
// execute (the proposals: useProposals.ts).
import { useId, useMemo, useState } from "react";
import { keccak256, toBytes } from "viem";
import { contracts } from "@/config/contracts";
import { governanceContracts } from "@/config/governanceContracts";
import { useAccountData } from "@/features/account/useAccountData";
import { useWallet } from "@/hooks/useWallet";
import { useChainTime } from "@/hooks/useChainTime";
import { useWrite } from "@/hooks/useWrite";
import { useOnline } from "@/hooks/useOnline";
import { TxStatus } from "@/components/TxStatus";
import { checkRecipient } from "@/lib/address";
import { shortAddress } from "@/lib/shortAddress";
import { duration, numi } from "@/lib/format";
import { buildCall, PROPOSAL_STATES, TEMPLATES } from "@/lib/proposalTemplates";
import { useProposals, type Proposal } from "./useProposals";

function Delegate({ write, canAct }: { write: ReturnType<typeof useWrite>["write"]; canAct: boolean }) {
  const { address } = useWallet();
  const { votes, delegate, balance } = useAccountData(address);
  const { numi: token } = contracts();
  const [other, setOther] = useState("");
  const id = useId();
  const check = checkRecipient(other);
  const none = !delegate || /^0x0{40}$/.test(delegate);
  return (
    <section className="card" aria-labelledby="delegate-title">
      <h2 id="delegate-title">Voting power</h2>
      <p>
        Balance {numi(balance) ?? "–"}; voting power <strong data-testid="gov-votes">{numi(votes) ?? "–"}</strong>;
        delegate:{" "}
        <span data-testid="gov-delegate">
          {none
            ? "none — delegate to activate your votes"
            : delegate?.toLowerCase() === address?.toLowerCase()
              ? "yourself"
              : shortAddress(delegate!)}
        </span>
      </p>
      <p className="hint">
        Votes count from the proposal&apos;s snapshot: delegate before a proposal is created. Staked NUMI does not vote.
      </p>
      <div className="row">
        <button
          type="button"
          disabled={!canAct || !address}
          onClick={() =>
            address && write({ ...token, functionName: "delegate", args: [address], label: "Delegate to yourself" })
          }
        >
          Delegate to myself
        </button>
      </div>
      <label htmlFor={id}>Or delegate to another address</label>
      <input
        id={id}
        value={other}
        onChange={(e) => setOther(e.target.value)}
        placeholder="0x…"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-err`}
        aria-invalid={!!other && !check.ok}
      />
      <p id={`${id}-err`} className="field-error" data-testid="delegate-error">
        {other && !check.ok ? check.reason : ""}
      </p>
      <button
        type="button"
        className="secondary"
        disabled={!canAct || !check.ok}
        onClick={() =>
          check.ok &&
          write({
            ...token,
            functionName: "delegate",
            args: [check.address],
            label: `Delegate to ${shortAddress(check.address)}`,
          })
        }
      >
        Delegate
      </button>
    </section>
  );
}

function CreateProposal({ write, canAct }: { write: ReturnType<typeof useWrite>["write"]; canAct: boolean }) {
  const c = contracts();
  const { governor } = governanceContracts();
  const [templateId, setTemplateId] = useState(TEMPLATES[0].id);
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const [description, setDescription] = useState("");
  const [touched, setTouched] = useState(false);
  const template = TEMPLATES.find((t) => t.id === templateId)!;
  const built = buildCall(template, inputs, c);
  const descriptionError =
    description.trim().length < 10 ? "Describe the proposal and why (at least 10 characters)." : undefined;
  const error = !built.ok ? built.reason : descriptionError;
  const ids = { template: useId(), desc: useId(), err: useId() };

  return (
    <form
      className="card"
      noValidate
      aria-labelledby="propose-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setTouched(true);
        if (!built.ok || descriptionError) return;
        const text = `# ${template.title}\n\n${description.trim()}`;
        const r = await write({
          ...governor,
          functionName: "propose",
          args: [[built.target], [0n], [built.calldata], text],
          label: `Propose: ${template.title}`,
        });
        if (r) {
          setDescription("");
          setInputs({});
          setTouched(false);
        }
      }}
    >
      <h2 id="propose-title">Create a proposal</h2>
      <label htmlFor={ids.template}>What to change</label>
      <select
        id={ids.template}
        value={templateId}
        onChange={(e) => {
          setTemplateId(e.target.value);
          setInputs({});
        }}
      >
        {TEMPLATES.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title} ({t.target === "numi" ? "NumiCoin" : "MiningPool"}.{t.functionName})
          </option>
        ))}
      </select>
      <p className="hint">{template.explain}</p>
      {template.params.map((p) =>
        p.kind === "bool" ? (
          <label key={p.name} className="row" style={{ fontWeight: 400 }}>
            <input
              type="checkbox"
              style={{ width: "auto", minHeight: 0 }}
              checked={inputs[p.name] === "true"}
              onChange={(e) => setInputs({ ...inputs, [p.name]: String(e.target.checked) })}
            />
            {p.label}
          </label>
        ) : (
          <div key={p.name}>
            <label htmlFor={`${ids.template}-${p.name}`}>{p.label}</label>
            <input
              id={`${ids.template}-${p.name}`}
              value={inputs[p.name] ?? ""}
              onChange={(e) => setInputs({ ...inputs, [p.name]: e.target.value })}
              autoComplete="off"
              spellCheck={false}
              data-testid={`param-${p.name}`}
              aria-describedby={ids.err}
            />
          </div>
        ),
      )}
      <label htmlFor={ids.desc}>Description</label>
      <textarea
        id={ids.desc}
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        aria-describedby={ids.err}
      />
      <p id={ids.err} className="field-error" data-testid="proposal-error">
        {touched && error ? error : ""}
      </p>
      <button type="submit" disabled={!canAct}>
        Propose
      </button>
    </form>
  );
}

function ProposalItem({
  p,
  now,
  write,
  canAct,
}: {
  p: Proposal;
  now?: bigint;
  write: ReturnType<typeof useWrite>["write"];
  canAct: boolean;
}) {
  const { governor } = governanceContracts();
  const [support, setSupport] = useState("1");
  const [reason, setReason] = useState("");
  const state = PROPOSAL_STATES[p.state] ?? "Unknown";
  const title = p.description.split("\n")[0].replace(/^#\s*/, "");
  const descHash = keccak256(toBytes(p.description));
  const t = now ?? BigInt(Math.floor(Date.now() / 1000));
  const countdown =
    state === "Pending"
      ? `Voting starts in ${duration(Number(p.snapshot - t))}`
      : state === "Active"
        ? `Voting ends in ${duration(Number(p.deadline - t))}`
        : state === "Queued"
          ? p.eta > t
            ? `Executable in ${duration(Number(p.eta - t))}`
            : "Executable now"
          : "";
  const reasonId = useId();
  const args = [p.targets, p.values, p.calldatas, descHash] as const;
  return (
    <li className="card" data-testid="proposal" data-state={state}>
      <h3 style={{ margin: 0 }}>{title}</h3>
      <p>
        <strong data-testid="proposal-state">{state}</strong>{" "}
        {countdown && <span className="muted">· {countdown}</span>} · by {shortAddress(p.proposer)}
      </p>
      <p className="small">
        For {numi(p.votes[1], 2)} · Against {numi(p.votes[0], 2)} · Abstain {numi(p.votes[2], 2)}
      </p>
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
          disabled={!canAct || p.eta > t}
          onClick={() => write({ ...governor, functionName: "execute", args, label: `Execute “${title}”` })}
        >
          Execute
        </button>
      )}
    </li>
  );
}

export function Governance() {
  const { address, isConnected, onTargetChain } = useWallet();
  const online = useOnline();
  const { write, state, inFlight } = useWrite();
  const proposals = useProposals(address);
  const now = useChainTime();
  const canAct = isConnected && onTargetChain && online && !inFlight;
  const list = useMemo(() => proposals.data ?? [], [proposals.data]);
  return (
    <>
      <h1>Governance</h1>
      {!isConnected && <p className="card">Connect a wallet to delegate, propose and vote.</p>}
      <Delegate write={write} canAct={canAct} />
      <CreateProposal write={write} canAct={canAct} />
      <TxStatus state={state} />
      <section aria-labelledby="proposals-title">
        <h2 id="proposals-title">Proposals</h2>
        {proposals.isError && (
          <p role="alert" className="error">
            Could not load proposals; retrying.
          </p>
        )}
        {proposals.isSuccess && list.length === 0 && <p>No proposals yet.</p>}
        <ul style={{ listStyle: "none", padding: 0 }}>
          {list.map((p) => (
            <ProposalItem key={p.id.toString()} p={p} now={now} write={write} canAct={canAct} />
          ))}
        </ul>
      </section>
    </>
  );
}
