// A human must type the network's name before a deployment that moves real money.
import { createInterface } from "node:readline/promises";

export async function confirmNetwork(network: string, plan: string[]): Promise<void> {
  console.log(`\nAbout to deploy NumiCoin to ${network}:\n  ${plan.join("\n  ")}\n`);
  if (process.env.NUMI_CONFIRM_NETWORK === network) return;
  if (!process.stdin.isTTY) {
    throw new Error(
      `Deployment to ${network} needs confirmation: run it in a terminal, or set NUMI_CONFIRM_NETWORK=${network}.`,
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`Type "${network}" to deploy, anything else to stop: `);
  rl.close();
  if (answer.trim() !== network) throw new Error(`Deployment to ${network} cancelled: nothing was sent.`);
}
