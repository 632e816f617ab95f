// Proposals from the governor's ProposalCreated logs, for a dApp without an indexer: one eth_getLogs per block
// range, read incrementally (lib/incrementalHistory.ts). Queue and execution times are not read this way; the
// page shows the state the governor reports and the ETA it holds.
import {
  decodeEventLog,
  toEventSelector,
  toHex,
  type Abi,
  type Address,
  type Client,
  type Hex,
  type RpcLog,
} from "viem";
import { NO_RETRY } from "@/features/activity/fromLogs";
import type { ProposalRecord } from "./proposalRecord";

const CREATED = "ProposalCreated(uint256,address,address[],uint256[],string[],bytes[],uint256,uint256,string)";
export const PROPOSAL_CREATED_TOPIC = toEventSelector(CREATED);

/** The proposals created in raw `logs` (other events are skipped), oldest first. */
export function decodeProposalLogs(logs: readonly RpcLog[], abi: Abi): ProposalRecord[] {
  const out: ProposalRecord[] = [];
  for (const log of logs) {
    try {
      const { eventName, args } = decodeEventLog({ abi, data: log.data, topics: log.topics as [Hex, ...Hex[]] });
      if (eventName !== "ProposalCreated") continue;
      const a = args as unknown as {
        proposalId: bigint;
        proposer: Address;
        targets: readonly Address[];
        values: readonly bigint[];
        calldatas: readonly Hex[];
        voteStart: bigint;
        voteEnd: bigint;
        description: string;
      };
      out.push({
        id: a.proposalId,
        proposer: a.proposer,
        description: a.description,
        targets: a.targets,
        values: a.values,
        calldatas: a.calldatas,
        voteStart: a.voteStart,
        voteEnd: a.voteEnd,
        createdBlock: BigInt(log.blockNumber!),
        createdTx: log.transactionHash!,
      });
    } catch {
      // a log no ABI here describes
    }
  }
  return out;
}

/** The proposals created in blocks [fromBlock, toBlock]: one eth_getLogs. */
export async function readProposalLogs(
  client: Client,
  governor: Address,
  abi: Abi,
  fromBlock: number,
  toBlock: number,
): Promise<ProposalRecord[]> {
  const logs = await client.request(
    {
      method: "eth_getLogs",
      params: [
        { address: governor, topics: [PROPOSAL_CREATED_TOPIC], fromBlock: toHex(fromBlock), toBlock: toHex(toBlock) },
      ],
    },
    NO_RETRY,
  );
  return decodeProposalLogs(logs, abi);
}
