// Governance flows on the deployed contracts: propose, vote, queue and wait, as holders and the e2e suites do.
import { ethers } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { id } from "ethers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import type { NumiGovernor } from "../../typechain-types";
import { paramsFor } from "../../deploy/config/deployParams";

export const gov = paramsFor("hardhat").governance;

/** IGovernor.ProposalState, in order. */
export enum State {
  Pending,
  Active,
  Canceled,
  Defeated,
  Succeeded,
  Queued,
  Expired,
  Executed,
}

export interface Call {
  target: string;
  data: string;
}

export type Proposal = Awaited<ReturnType<typeof propose>>;

/** Proposes `calls` as `proposer`; returns the id and everything needed to queue and execute. */
export async function propose(
  governor: NumiGovernor,
  proposer: HardhatEthersSigner,
  calls: Call[],
  description: string,
) {
  const targets = calls.map((c) => c.target);
  const values = calls.map(() => 0n);
  const datas = calls.map((c) => c.data);
  await governor.connect(proposer).propose(targets, values, datas, description);
  const proposalId = await governor.hashProposal(targets, values, datas, id(description));
  return { proposalId, targets, values, datas, descriptionHash: id(description) };
}

/** Waits out the voting delay, lets each voter cast `support` (1 for, 0 against), and waits out the vote. */
export async function vote(governor: NumiGovernor, p: Proposal, ballots: [HardhatEthersSigner, number][]) {
  await time.increase(gov.votingDelay + 1);
  for (const [voter, support] of ballots) await governor.connect(voter).castVote(p.proposalId, support);
  await time.increase(gov.votingPeriod + gov.lateQuorumExtension + 1);
}

/** `voter` (holding the majority) votes for the proposal; it is queued and its timelock delay waited out. */
export async function passQueueAndWait(governor: NumiGovernor, voter: HardhatEthersSigner, p: Proposal) {
  await vote(governor, p, [[voter, 1]]);
  await governor.queue(p.targets, p.values, p.datas, p.descriptionHash);
  await time.increase(gov.timelockDelay + 1);
}

/** Executes a queued proposal (anyone may). */
export function execute(governor: NumiGovernor, p: Proposal) {
  return governor.execute(p.targets, p.values, p.datas, p.descriptionHash);
}

/** The signers the governance suites use by name. */
export async function holders() {
  const [, alice, bob, carol, dave] = await ethers.getSigners();
  return { alice, bob, carol, dave };
}
