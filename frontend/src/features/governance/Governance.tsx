"use client";
// Governance: delegate, propose from a template per governed parameter, vote with a reason, queue and
// execute (the proposals: useProposals.ts).
import { Numi } from "@/components/Numi";
import { useId, useMemo, useState } from "react";
import type { Abi } from "viem";
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
import { buildCall, PROPOSAL_STATES, TEMPLATES } from "@/lib/proposalTemplates";
import { useReads } from "@/hooks/useReads";
import { callView } from "@/lib/contractRead";
import { CURRENT_VALUE, decodeAction, type DecodedAction, type KnownContract } from "@/lib/proposalActions";
import { ProposalCard } from "./ProposalCard";
import { useProposals, type Proposal, type ProposalSource } from "./useProposals";

function Delegate({ write, canAct }: { write: ReturnType<typeof useWrite>["write"]; canAct: boolean }) {
  const { address } = useWallet();
  const { votes, delegate, balance } = useAccountData(address);
  const { numi: token } = contracts();
  const [other, setOther] = useState("");
  const id = useId();
  const check = checkRecipient(other);
  const none = !delegate || /^0x0{40}$/.test(delegate);
  const self = !none && !!address && delegate?.toLowerCase() === address.toLowerCase();
  return (
    <section className="card" aria-labelledby="delegate-title">
      <h2 id="delegate-title">Voting power</h2>
      <p>
        Balance <Numi value={balance} />; voting power{" "}
        <strong data-testid="gov-votes">
          <Numi value={votes} />
        </strong>
        ; delegate:{" "}
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
        {self ? (
          <p className="small" data-testid="delegated-to-self">
            Your NUMI votes through you. Delegate to someone else below to let them vote with it.
          </p>
        ) : (
          <button
            type="button"
            disabled={!canAct || !address}
            onClick={() =>
              address && write({ ...token, functionName: "delegate", args: [address], label: "Delegate to yourself" })
            }
          >
            Delegate to myself
          </button>
        )}
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

/** Our contracts, for decoding proposal actions. */
function knownContracts(): KnownContract[] {
  const c = contracts();
  const { governor, timelock } = governanceContracts();
  return [
    { name: "NumiCoin", address: c.numi.address, abi: c.numi.abi as Abi, templateTarget: "numi" },
    { name: "MiningPool", address: c.pool.address, abi: c.pool.abi as Abi, templateTarget: "pool" },
    { name: "NumiGovernor", address: governor.address, abi: governor.abi as Abi },
    { name: "NumiTimelock", address: timelock.address, abi: timelock.abi as Abi },
  ];
}

/** States in which an action has not taken effect and may still: its "from" value is today's. */
const OPEN_STATES = new Set(["Pending", "Active", "Succeeded", "Queued"]);

function SourceNote({ source, loadOlder }: { source?: ProposalSource; loadOlder?: () => Promise<void> }) {
  if (!source || source.kind === "indexer") return null;
  return (
    <div className="card warning" role="status" data-testid="proposals-source" data-complete={source.complete}>
      <p>
        <strong>{source.complete ? "Read directly from the network." : "Partial list."}</strong> {source.reason}{" "}
        Proposals created in blocks {source.from.toLocaleString()} to {source.to.toLocaleString()} are listed
        {source.complete ? ", back to the deployment" : "; older ones are not read yet"}. Queue and execution dates are
        shown only with the indexer.
      </p>
      {loadOlder && (
        <button type="button" className="secondary" onClick={() => void loadOlder()}>
          Load older proposals
        </button>
      )}
    </div>
  );
}

export function Governance() {
  const { address, isConnected, onTargetChain } = useWallet();
  const online = useOnline();
  const { write, state, inFlight } = useWrite();
  const now = useChainTime();
  const list = useProposals(address, now);
  const canAct = isConnected && onTargetChain && online && !inFlight;
  const known = useMemo(knownContracts, []);
  const decoded = useMemo(
    () =>
      new Map(
        list.proposals.map((p) => [
          p.id,
          p.targets.map((t, i) => decodeAction(t, p.values[i] ?? 0n, p.calldatas[i]!, known)),
        ]),
      ),
    [list.proposals, known],
  );
  const templateIds = [
    ...new Set(
      list.proposals
        .filter((p) => OPEN_STATES.has(PROPOSAL_STATES[p.state] ?? ""))
        .flatMap((p) => decoded.get(p.id) ?? [])
        .map((a) => a.template?.id)
        .filter((id): id is string => !!id && id in CURRENT_VALUE),
    ),
  ].sort();
  const currentValues = useReads(
    ["proposals", "current", templateIds.join()],
    async (client) => {
      const c = contracts();
      const entries = await Promise.all(
        templateIds.map(async (id) => {
          const how = CURRENT_VALUE[id]!;
          const target = how.target === "numi" ? c.numi : c.pool;
          const result = await callView(client, { ...target, functionName: how.functionName } as never);
          return [id, how.pick(result)] as const;
        }),
      );
      return Object.fromEntries(entries) as Record<string, unknown>;
    },
    { enabled: templateIds.length > 0 },
  );
  const currentFor = (p: Proposal) => (a: DecodedAction) =>
    OPEN_STATES.has(PROPOSAL_STATES[p.state] ?? "") && a.template ? currentValues.data?.[a.template.id] : undefined;
  return (
    <>
      <h1>Governance</h1>
      {!isConnected && <p className="card">Connect a wallet to delegate, propose and vote.</p>}
      <Delegate write={write} canAct={canAct} />
      <CreateProposal write={write} canAct={canAct} />
      <TxStatus state={state} />
      <section aria-labelledby="proposals-title">
        <h2 id="proposals-title">Proposals</h2>
        <SourceNote source={list.source} loadOlder={list.loadOlder} />
        {list.error && (
          <p role="alert" className="error">
            Could not load proposals: {list.error}{" "}
            <button type="button" className="secondary" onClick={list.retry}>
              Retry now
            </button>
          </p>
        )}
        {list.loading && <p role="status">Loading proposals…</p>}
        {list.loaded && list.records.length === 0 && <p>No proposals yet.</p>}
        <ul style={{ listStyle: "none", padding: 0 }}>
          {now !== undefined &&
            list.proposals.map((p) => (
              <ProposalCard
                key={p.id.toString()}
                p={p}
                actions={decoded.get(p.id) ?? []}
                current={currentFor(p)}
                now={now}
                write={write}
                canAct={canAct}
              />
            ))}
        </ul>
        {(list.olderPage || list.newerPage) && (
          <nav className="row" aria-label="Proposal pages">
            <button type="button" className="secondary" disabled={!list.newerPage} onClick={list.newerPage}>
              Newer proposals
            </button>
            <button type="button" className="secondary" disabled={!list.olderPage} onClick={list.olderPage}>
              Older proposals
            </button>
          </nav>
        )}
      </section>
    </>
  );
}
