// Wires the pool into the token (once: the pool is fixed from then on) and hands every governed power to the
// timelock for good, then strips the deployer: afterwards the governor is the only proposer/canceller, anyone may
// execute, the timelock's roles are frozen, and the deployer holds nothing.
// Every step first checks whether it is already done, so a second run (or a run resumed after a failure)
// sends nothing that is not needed.
import type { DeployFunction } from "hardhat-deploy/types";
import { ZeroHash, id, type ContractTransactionResponse } from "ethers";
import { paramsFor } from "../config/deployParams";

const HANDOVER_SALT = id("numicoin.handover.v1");

const handover: DeployFunction = async ({ deployments, getNamedAccounts, network, ethers }) => {
  const { deployer } = await getNamedAccounts();
  const p = paramsFor(network.name);
  const signer = await ethers.getSigner(deployer);
  const at = async (name: string) => ethers.getContractAt(name, (await deployments.get(name)).address, signer);
  const token = await at("NumiCoin");
  const pool = await at("MiningPool");
  const timelock = await at("NumiTimelock");
  const governor = await deployments.get("NumiGovernor");
  const [poolAddr, timelockAddr] = await Promise.all([pool.getAddress(), timelock.getAddress()]);

  const send = async (label: string, tx: Promise<ContractTransactionResponse>) => {
    const receipt = await (await tx).wait(p.confirmations);
    deployments.log(`handover: ${label} (tx ${receipt?.hash}, gas ${receipt?.gasUsed})`);
  };

  // 1. The token mints the pool share to the pool.
  if ((await token.pool()) !== poolAddr) await send("NumiCoin.setPool", token.setPool(poolAddr));

  // 2. Ownership of both contracts moves to the timelock (Ownable2Step: transfer, then the timelock accepts).
  const accept: string[] = [];
  for (const c of [token, pool]) {
    if ((await c.owner()) === timelockAddr) continue;
    if ((await c.pendingOwner()) !== timelockAddr) {
      await send(`${await c.getAddress()}.transferOwnership(timelock)`, c.transferOwnership(timelockAddr));
    }
    accept.push(await c.getAddress());
  }

  // 3. One timelock batch, run by the deployer's temporary roles with zero delay: accept both ownerships and
  //    set the real delay. Resumable: a batch already scheduled is executed, not scheduled again.
  const targets = [...accept];
  const datas = accept.map(() => token.interface.encodeFunctionData("acceptOwnership"));
  if ((await timelock.getMinDelay()) !== BigInt(p.governance.timelockDelay)) {
    targets.push(timelockAddr);
    datas.push(timelock.interface.encodeFunctionData("updateDelay", [p.governance.timelockDelay]));
  }
  if (targets.length) {
    const values = targets.map(() => 0);
    const opId = await timelock.hashOperationBatch(targets, values, datas, ZeroHash, HANDOVER_SALT);
    if (!(await timelock.isOperation(opId))) {
      await send(
        "timelock.scheduleBatch(accept ownership, set delay)",
        timelock.scheduleBatch(targets, values, datas, ZeroHash, HANDOVER_SALT, 0),
      );
    }
    if (!(await timelock.isOperationDone(opId))) {
      await send("timelock.executeBatch", timelock.executeBatch(targets, values, datas, ZeroHash, HANDOVER_SALT));
    }
  }

  // 4. The governor proposes and cancels, anyone executes, the deployer gives up every role, and the roles freeze
  //    for good (NumiTimelock.completeHandover, one transaction).
  if (!(await timelock.rolesFrozen())) {
    await send(`timelock.completeHandover(${governor.address})`, timelock.completeHandover(governor.address));
  }
};

handover.tags = ["handover", "core"];
handover.dependencies = ["NumiCoin", "MiningPool", "NumiTimelock", "NumiGovernor"];
export default handover;
