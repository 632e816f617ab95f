import type { TestProject } from "vitest/node";
import { startStack, type Stack } from "./stack";

let stack: Stack | undefined;

export async function setup(project: TestProject) {
  stack = await startStack();
  project.provide("rpcUrl", stack.rpcUrl);
  project.provide("appUrl", stack.appUrl);
  project.provide("indexerUrl", stack.indexerUrl);
  project.provide("indexerPid", stack.indexerPid ?? 0);
}

export async function teardown() {
  await stack?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    rpcUrl: string;
    appUrl: string;
    indexerUrl: string;
    indexerPid: number;
  }
}
