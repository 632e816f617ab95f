// `npm run seed`: fills the local chain with a little of everything (rewards from three miners, transfers,
// approvals, stakes, a claim, delegations, an executed and an open proposal) so the dApp's Activity, Governance
// and /analytics pages and the indexer have something to show. Local chains only.
import { task, types } from "hardhat/config";

task("numi:seed", "Fills a local chain with rewards, transfers, pool activity and proposals")
  .addOptionalParam("rewards", "mined rewards to make", 30, types.int)
  .addOptionalParam(
    "governance",
    "also propose, vote, queue and execute (false: mining, transfers and pool only)",
    true,
    types.boolean,
  )
  .setAction(async ({ rewards, governance }: { rewards: number; governance: boolean }, hre) => {
    const { seed } = await import("../local/seed");
    await seed(hre, { rewards, governance });
  });
