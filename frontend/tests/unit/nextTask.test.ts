import { describe, expect, test } from "vitest";
import { nextTask } from "@/lib/nextTask";

describe("nextTask", () => {
  test("resolves in a later task: not within the current one, nor after its microtasks", async () => {
    const order: string[] = [];
    const later = nextTask().then(() => order.push("next task"));
    queueMicrotask(() => order.push("microtask"));
    await Promise.resolve();
    await Promise.resolve();
    order.push("same task");
    await later;
    expect(order).toEqual(["microtask", "same task", "next task"]);
  });
});
