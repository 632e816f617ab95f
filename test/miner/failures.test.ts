// Every failure the miner can meet maps to a named decision: custom errors decoded by name from the ABI,
// wherever ethers or the provider nests the revert data, and transport failures by their code or message.
import { expect } from "chai";
import { ethers } from "hardhat";
import { Interface } from "ethers";
import { classifyFailure } from "@numi/miner/cli";
import { parseBeneficiary } from "../../scripts/tasks/mine/setup";

describe("miner failure handling", function () {
  let iface: Interface;
  before(async function () {
    iface = (await ethers.getContractFactory("NumiCoin")).interface;
  });

  const revert = (name: string, args: unknown[]) => iface.encodeErrorResult(name, args);

  const cases: [string, unknown[], string][] = [
    ["ChallengeDigestMismatch", ["0x" + "11".repeat(32), "0x" + "22".repeat(32)], "stale"],
    ["SolutionAboveTarget", ["0x" + "ff".repeat(32), 1n], "stale"],
    ["RewardAlreadyMintedThisBlock", [7n], "retry"],
    ["MiningIsPaused", [1_800_000_000n], "wait"],
    ["MiningFinished", [10n, 10n], "stop"],
    ["InvalidBeneficiary", [ethers.ZeroAddress], "stop"],
  ];
  for (const [name, args, action] of cases) {
    it(`decodes ${name} by name and decides "${action}"`, function () {
      const failure = classifyFailure({ code: "CALL_EXCEPTION", data: revert(name, args) }, iface);
      expect(failure.name).to.equal(name);
      expect(failure.action).to.equal(action);
    });
  }

  it("finds revert data nested in provider errors (error.error.data, info.error.data, cause)", function () {
    const data = revert("MiningIsPaused", [1_800_000_000n]);
    for (const error of [{ error: { data } }, { info: { error: { data: { data } } } }, { cause: { data } }]) {
      expect(classifyFailure(error, iface).name).to.equal("MiningIsPaused");
    }
  });

  it("decodes a revert from a real eth_call", async function () {
    const [owner] = await ethers.getSigners();
    const coin = await ethers.deployContract("NumiCoin", [owner.address, 5, 2n ** 240n]);
    const error = await coin.mint.staticCall(1n, ethers.ZeroHash).catch((e: unknown) => e);
    const failure = classifyFailure(error, coin.interface);
    expect(failure.name).to.equal("ChallengeDigestMismatch");
    expect(failure.action).to.equal("stale");
  });

  it("names transaction failures and retries them", function () {
    const expectations: [unknown, string][] = [
      [{ code: "INSUFFICIENT_FUNDS", message: "insufficient funds for gas * price + value" }, "InsufficientFunds"],
      [new Error("Transaction ran out of gas"), "OutOfGas"],
      [{ code: "CALL_EXCEPTION", message: "transaction execution reverted", receipt: { status: 0 } }, "OutOfGas"],
      [{ code: "NONCE_EXPIRED", message: "nonce too low" }, "NonceConflict"],
      [{ code: "UNKNOWN_ERROR", message: "something odd" }, "UNKNOWN_ERROR"],
    ];
    for (const [error, name] of expectations) {
      const failure = classifyFailure(error, iface);
      expect(failure.name, JSON.stringify(error)).to.equal(name);
      expect(failure.action).to.equal("retry");
      expect(failure.transport, name).to.equal(undefined);
    }
  });

  // The shapes ethers v6 (JsonRpcProvider over Node's http), undici (Hardhat's HTTP provider) and Node produce.
  const serverError = (status: string, headers: Record<string, string> = {}, body = "") => ({
    code: "SERVER_ERROR",
    message: `server response ${status}`,
    info: { responseStatus: status, responseBody: body },
    response: { statusCode: Number(status.slice(0, 3)), headers },
  });
  const transportCases: [string, unknown, string, RegExp][] = [
    ["HTTP 429", serverError("429 Too Many Requests", { "retry-after": "3" }), "RpcRateLimited", /HTTP 429/],
    [
      "-32005 limit",
      { code: "UNKNOWN_ERROR", error: { code: -32005, message: "rate limit exceeded" } },
      "RpcRateLimited",
      /rate-limiting/,
    ],
    [
      "HTTP 502 (HTML)",
      serverError("502 Bad Gateway", {}, "<html><h1>502</h1></html>"),
      "RpcHttpError",
      /HTTP 502 Bad Gateway/,
    ],
    ["ethers timeout", { code: "TIMEOUT", message: "request timeout" }, "RpcTimeout", /did not answer in time/],
    ["reset", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), "RpcConnectionLost", /cut/],
    [
      "undici lost reply",
      Object.assign(new TypeError("fetch failed"), {
        cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
      }),
      "RpcConnectionLost",
      /cut/,
    ],
    ["refused", new Error("connect ECONNREFUSED 127.0.0.1:8545"), "RpcUnavailable", /unreachable/],
    ["ethers network", { code: "NETWORK_ERROR", message: "network down" }, "RpcUnavailable", /unreachable/],
    ["not JSON", { code: "SERVER_ERROR", message: "bad gateway" }, "RpcBadReply", /not JSON-RPC/],
  ];
  for (const [what, error, name, message] of transportCases) {
    it(`names an RPC transport failure (${what}) as ${name}, without the response body`, function () {
      const failure = classifyFailure(error, iface);
      expect(failure.name).to.equal(name);
      expect(failure.transport).to.equal(true);
      expect(failure.action).to.equal("retry");
      expect(failure.message).to.match(message);
      expect(failure.message).to.not.include("<html>");
    });
  }

  it("keeps the endpoint's Retry-After for the backoff", function () {
    const failure = classifyFailure(serverError("429 Too Many Requests", { "retry-after": "3" }), iface);
    expect(failure.retryAfterMs).to.equal(3_000);
  });

  it("--beneficiary must be a checksum-valid, non-zero address", function () {
    const good = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    expect(parseBeneficiary(good)).to.equal(good);
    expect(parseBeneficiary(good.toLowerCase())).to.equal(good); // no checksum to check
    expect(() => parseBeneficiary("0x70997970c51812dc3A010C7d01b50e0d17dc79C8")).to.throw(/checksum/);
    expect(() => parseBeneficiary("0x1234")).to.throw(/not a valid address/);
    expect(() => parseBeneficiary(ethers.ZeroAddress)).to.throw(/zero address/);
  });
});
