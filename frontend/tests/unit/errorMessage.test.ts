import { afterEach, describe, expect, test, vi } from "vitest";

describe("errorMessage (wording loaded on demand)", () => {
  afterEach(() => {
    vi.doUnmock("@/lib/errors");
    vi.resetModules();
  });

  test("says what describeError says once the wording has loaded", async () => {
    const { errorMessage } = await import("@/lib/errorMessage");
    expect(await errorMessage({ code: 4001, message: "denied" })).toBe("Cancelled in the wallet. Nothing was sent.");
    expect(await errorMessage({ name: "HttpRequestError", message: "fetch failed" })).toMatch(
      /^The network \(RPC\) did not answer/,
    );
  });

  test("still shows the wallet's own message when the wording cannot be loaded (offline, no cache)", async () => {
    vi.doMock("@/lib/errors", () => {
      throw new Error("chunk load failed");
    });
    const { errorMessage } = await import("@/lib/errorMessage");
    expect(await errorMessage(new Error("User denied account access"))).toBe("User denied account access");
    expect(await errorMessage({ code: 4001 })).toBe("The wallet reported an error.");
  });
});
