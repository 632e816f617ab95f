// Secrets and endpoints come from environment variables or Hardhat configuration variables
// (`npx hardhat vars set NAME`), never from files in the repository.
import { vars } from "hardhat/config";

/** The value of `name` from the environment, then from Hardhat's configuration variables. */
export function optionalVar(name: string): string | undefined {
  const fromEnv = process.env[name];
  if (fromEnv) return fromEnv;
  return vars.has(name) ? vars.get(name) : undefined;
}

/** Like optionalVar, but a missing value is an error that says exactly what to set. */
export function requireVar(name: string, purpose: string): string {
  const value = optionalVar(name);
  if (!value) {
    throw new Error(
      `Missing ${name} (${purpose}). Set it with \`export ${name}=...\` or \`npx hardhat vars set ${name}\`.`,
    );
  }
  return value;
}
