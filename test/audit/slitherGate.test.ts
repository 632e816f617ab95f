// The Slither gate (scripts/slither/gate-core.js, CLI gate.js): triage entries are keyed on a fingerprint of the
// detector, Contract.function and the source text every element of a finding points to, and they are counted.
// The real case runs the committed report (audits/slither/slither.json) against the committed triage and contracts.
// The other cases take real findings of that report as templates and point them into two small synthetic sources
// in a temp dir, so they do not depend on the contracts' current text.
import { expect } from "chai";
import { createHash } from "crypto";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import * as core from "../../scripts/slither/gate-core";
import type { SlitherElement, SlitherReport, SlitherResult, TriageDoc } from "../../scripts/slither/gate-core";

const run = promisify(execFile);
const ROOT = path.join(__dirname, "../..");
const GATE = path.join(ROOT, "scripts/slither/gate.js");
const REPORT = path.join(ROOT, "audits/slither/slither.json");
const TRIAGE = path.join(ROOT, "scripts/slither/triage.json");

const readJson = <T>(p: string): T => JSON.parse(fs.readFileSync(p, "utf8")) as T;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The fingerprint rule, written out independently of gate-core: the tests pin it, not just echo it. */
function expectedFingerprint(check: string, contract: string, fn: string, texts: string[]): string {
  // Whitespace survives only between two word characters.
  const tight = texts.map((t) =>
    t
      .replace(/\s+/g, " ")
      .trim()
      .replace(/(?<![\w$]) | (?![\w$])/g, ""),
  );
  const canonical = JSON.stringify([check, contract, fn, tight.sort()]);
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}

// ── Synthetic sources: a few lines in the shape of the real functions ──
const POOL = "src/Pool.sol";
const COIN = "src/Coin.sol";
const ACCRUE = [
  "function _accrue(Totals memory t, Stream memory s, uint256 rate) private view {",
  "        uint256 end = block.timestamp < t.periodFinish ? block.timestamp : t.periodFinish;",
  "        if (end <= t.lastUpdateTime) return;",
  "        if (t.totalStaked == 0) return;",
  "        if (_token.balanceOf(address(this)) == accounted) return;",
  "        uint256 emitted = (rate * elapsed) / RATE_PRECISION;",
  "        delta = (emitted * PRECISION) / t.totalStaked;",
  "        taken = (taken / PRECISION) * PRECISION;",
  "    }",
].join("\n");
const WITHDRAW = [
  "function withdraw(uint256 amount) external nonReentrant {",
  "        if (a.staked < amount) revert InsufficientStake(msg.sender, a.staked, amount);",
  "    }",
].join("\n");
const REWARD = [
  "function _reward(address miner, bytes32 digest) private {",
  "        if (c.lastRewardBlock == block.number) revert RewardAlreadyMintedThisBlock(block.number);",
  "        if (reward == 0) revert MiningFinished(minted, MAX_SUPPLY);",
  "        _mint(miner, reward);",
  "    }",
].join("\n");
const CLOCK =
  'function CLOCK_MODE() public pure override returns (string memory) {\n        return "mode=timestamp";\n    }';
const SOURCES: Record<string, string> = {
  [POOL]: `// SPDX-License-Identifier: MIT\npragma solidity 0.8.30;\n\ncontract MiningPool {\n    ${ACCRUE}\n\n    ${WITHDRAW}\n}\n`,
  [COIN]: `// SPDX-License-Identifier: MIT\npragma solidity 0.8.30;\n\ncontract NumiCoin {\n    ${REWARD}\n\n    ${CLOCK}\n}\n`,
};

/** A source tree in a temp dir, and a report whose source mappings follow its edits as a new Slither run would. */
class Fixture {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "slither-gate-"));
  readonly files: Record<string, Buffer> = {};

  constructor() {
    for (const [file, text] of Object.entries(SOURCES)) this.write(file, Buffer.from(text, "utf8"));
  }

  write(file: string, bytes: Buffer) {
    this.files[file] = bytes;
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), bytes);
  }

  read = () => core.sourceReader(this.dir);

  span(file: string, text: string) {
    const bytes = this.files[file];
    const needle = Buffer.from(text, "utf8");
    const start = bytes.indexOf(needle);
    if (start < 0 || bytes.indexOf(needle, start + 1) >= 0) throw new Error(`not exactly once in ${file}: ${text}`);
    return { filename_relative: file, start, length: needle.length };
  }

  fn(file: string, contract: string, name: string, text: string): SlitherElement {
    return {
      type: "function",
      name,
      source_mapping: this.span(file, text),
      type_specific_fields: { parent: { type: "contract", name: contract } },
    };
  }

  node(fn: SlitherElement, text: string): SlitherElement {
    const file = fn.source_mapping!.filename_relative;
    return { type: "node", name: text, source_mapping: this.span(file, text), type_specific_fields: { parent: fn } };
  }

  /** Replaces `from` (exactly once in `file`) by `to`, and moves every mapping of `report` into that file. */
  edit(report: SlitherReport, file: string, from: string, to: string) {
    const { start: at, length: oldLen } = this.span(file, from);
    const delta = Buffer.byteLength(to) - oldLen;
    const bytes = this.files[file];
    this.write(file, Buffer.concat([bytes.subarray(0, at), Buffer.from(to, "utf8"), bytes.subarray(at + oldLen)]));
    const seen = new Set<object>();
    const move = (e: SlitherElement | undefined) => {
      if (!e) return;
      const sm = e.source_mapping;
      if (sm && sm.filename_relative === file && !seen.has(sm)) {
        seen.add(sm);
        const end = sm.start + sm.length;
        if (sm.start >= at + oldLen) sm.start += delta;
        else if (sm.start <= at && end >= at + oldLen) sm.length += delta;
        else if (end > at) throw new Error(`edit cuts through ${e.name}`);
      }
      move(e.type_specific_fields?.parent);
    };
    for (const r of report.results.detectors!) r.elements.forEach(move);
    rehash(report, this.read());
  }
}

function rehash(report: SlitherReport, read: core.ReadSource) {
  report.sources = {};
  for (const r of report.results.detectors!) {
    for (const e of r.elements) {
      const f = e.source_mapping!.filename_relative;
      report.sources[f] = createHash("sha256").update(read(f)).digest("hex");
    }
  }
}

/** A real finding of the committed report (first of that detector), with the given elements. */
function fromReal(real: SlitherReport, check: string, elements: SlitherElement[]): SlitherResult {
  const template = real.results.detectors!.find((r) => r.check === check);
  if (!template) throw new Error(`the committed report has no ${check} finding to start from`);
  return { ...clone(template), elements };
}

describe("Slither gate (scripts/slither/gate-core.js)", function () {
  const real = readJson<SlitherReport>(REPORT);
  const realTriage = readJson<TriageDoc>(TRIAGE);

  describe("the committed report", function () {
    it("passes against the committed triage and contracts, every finding matched by its counted entry", function () {
      const stale = core.staleSources(real, core.sourceReader(ROOT));
      expect(stale, "contracts changed since audits/slither/slither.json: npm run slither, then re-triage").to.eql([]);
      const v = core.evaluate(real, realTriage, core.sourceReader(ROOT));
      expect(v.failures).to.eql([]);
      expect(v.warnings).to.eql([]);
      expect(v.notes).to.eql([]);
      expect(v.pass).to.equal(true);
      for (const impact of core.IMPACTS) expect(v.counts[impact].triaged).to.equal(v.counts[impact].total);
      const counted = realTriage.triaged.reduce((n, t) => n + (t.count ?? 0), 0);
      expect(counted).to.equal(real.results.detectors!.length);
      for (const t of realTriage.triaged) expect(core.isTodo(t.reason), `${t.check} @ ${t.element}`).to.equal(false);
    });

    it("is what the CLI passes too (exit 0)", async function () {
      const { stdout } = await run("node", [GATE, REPORT, TRIAGE], { cwd: ROOT });
      expect(stdout).to.include("slither gate: PASS");
    });

    it("holds no absolute path", function () {
      expect(fs.readFileSync(REPORT, "utf8")).to.not.include(ROOT);
    });
  });

  describe("synthetic sources", function () {
    let fx: Fixture;
    let report: SlitherReport;
    let triage: TriageDoc;
    let accrue: SlitherElement;
    let withdraw: SlitherElement;
    let reward: SlitherElement;
    const fixtures: Fixture[] = [];

    beforeEach(function () {
      fx = new Fixture();
      fixtures.push(fx);
      accrue = fx.fn(POOL, "MiningPool", "_accrue", ACCRUE);
      withdraw = fx.fn(POOL, "MiningPool", "withdraw", WITHDRAW);
      reward = fx.fn(COIN, "NumiCoin", "_reward", REWARD);
      const clock = fx.fn(COIN, "NumiCoin", "CLOCK_MODE", CLOCK);
      const n = fx.node.bind(fx);
      report = {
        success: true,
        error: null,
        results: {
          detectors: [
            fromReal(real, "incorrect-equality", [accrue, n(accrue, "t.totalStaked == 0")]),
            fromReal(real, "timestamp", [
              accrue,
              n(accrue, "end <= t.lastUpdateTime"),
              n(accrue, "uint256 end = block.timestamp < t.periodFinish ? block.timestamp : t.periodFinish"),
            ]),
            fromReal(real, "timestamp", [withdraw, n(withdraw, "a.staked < amount")]),
            fromReal(real, "incorrect-equality", [reward, n(reward, "c.lastRewardBlock == block.number")]),
            fromReal(real, "incorrect-equality", [reward, n(reward, "reward == 0")]),
            fromReal(real, "timestamp", [
              reward,
              n(reward, "c.lastRewardBlock == block.number"),
              n(reward, "reward == 0"),
            ]),
            fromReal(real, "naming-convention", [clock]),
          ],
        },
      };
      rehash(report, fx.read());
      // The baseline triage as a reviewer would write it: drafted, then reasons filled in.
      triage = core.draftTriage(report, { triaged: [] }, fx.read()).doc;
      for (const t of triage.triaged) t.reason = `reviewed: ${t.excerpt}`;
    });

    after(function () {
      for (const f of fixtures) fs.rmSync(f.dir, { recursive: true, force: true });
    });

    const fp = (check: string, contract: string, fn: string, texts: string[]) =>
      expectedFingerprint(check, contract, fn, texts);
    const entry = (check: string, element: string, excerpt?: string) => {
      const all = triage.triaged.filter(
        (e) => e.check === check && e.element === element && (excerpt === undefined || e.excerpt === excerpt),
      );
      if (all.length !== 1) throw new Error(`not one baseline entry ${check} @ ${element}: ${excerpt}`);
      return all[0];
    };

    it("the baseline passes, and its fingerprints follow the rule", function () {
      const v = core.evaluate(report, triage, fx.read());
      expect(v.failures).to.eql([]);
      expect(v.warnings).to.eql([]);
      expect(v.notes).to.eql([]);
      expect(entry("timestamp", "MiningPool.withdraw", "a.staked < amount").fingerprint).to.equal(
        fp("timestamp", "MiningPool", "withdraw", [WITHDRAW, "a.staked < amount"]),
      );
      expect(entry("incorrect-equality", "MiningPool._accrue", "t.totalStaked == 0").fingerprint).to.equal(
        fp("incorrect-equality", "MiningPool", "_accrue", [ACCRUE, "t.totalStaked == 0"]),
      );
    });

    it("FAILS on new findings in already-triaged functions (the review's three)", function () {
      // Old key (detector, Contract.function) of each is triaged: the previous gate printed PASS for this report.
      const n = fx.node.bind(fx);
      const balance = "_token.balanceOf(address(this)) == accounted";
      const floor = "taken = (taken / PRECISION) * PRECISION";
      const dets = report.results.detectors!;
      dets.push(fromReal(real, "incorrect-equality", [accrue, n(accrue, balance)]));
      dets.push(fromReal(real, "divide-before-multiply", [accrue, n(accrue, floor)]));
      // block.timestamp % 2 added to _reward: Slither reports it in the function's one timestamp finding.
      const coinReport = report;
      fx.edit(
        coinReport,
        COIN,
        "        _mint(miner, reward);",
        "        if (block.timestamp % 2 == 0) return;\n        _mint(miner, reward);",
      );
      const reward2 = REWARD.replace("        _mint(", "        if (block.timestamp % 2 == 0) return;\n        _mint(");
      dets[5].elements.push(n(dets[5].elements[0], "block.timestamp % 2 == 0"));
      triage.triaged.push({
        ...entry("incorrect-equality", "MiningPool._accrue", "t.totalStaked == 0"),
        fingerprint: "0".repeat(16), // an entry for the same pair but other code: must not help
        excerpt: "t.totalStaked == 0 (old code)",
      });
      triage.triaged.push({
        ...entry("incorrect-equality", "MiningPool._accrue", "t.totalStaked == 0"),
        check: "divide-before-multiply",
        fingerprint: "1".repeat(16),
        excerpt: "emitted, delta (old code)",
      });
      const oldKeys = triage.triaged.map((t) => `${t.check} @ ${t.element}`);
      expect(oldKeys).to.include.members([
        "incorrect-equality @ MiningPool._accrue",
        "divide-before-multiply @ MiningPool._accrue",
        "timestamp @ NumiCoin._reward",
      ]);

      const v = core.evaluate(report, triage, fx.read());
      const fpBalance = fp("incorrect-equality", "MiningPool", "_accrue", [ACCRUE, balance]);
      const fpFloor = fp("divide-before-multiply", "MiningPool", "_accrue", [ACCRUE, floor]);
      const fpTime = fp("timestamp", "NumiCoin", "_reward", [
        reward2,
        "c.lastRewardBlock == block.number",
        "reward == 0",
        "block.timestamp % 2 == 0",
      ]);
      // Editing _reward also re-opens its two strict equalities: the function they point into changed.
      const fpBlock = fp("incorrect-equality", "NumiCoin", "_reward", [reward2, "c.lastRewardBlock == block.number"]);
      const fpZero = fp("incorrect-equality", "NumiCoin", "_reward", [reward2, "reward == 0"]);
      expect(v.pass).to.equal(false);
      expect(v.failures).to.eql([
        `UNTRIAGED [Medium] incorrect-equality @ NumiCoin._reward #${fpBlock}: c.lastRewardBlock == block.number`,
        `UNTRIAGED [Medium] incorrect-equality @ NumiCoin._reward #${fpZero}: reward == 0`,
        `UNTRIAGED [Low] timestamp @ NumiCoin._reward #${fpTime}: c.lastRewardBlock == block.number | reward == 0 | block.timestamp % 2 == 0`,
        `UNTRIAGED [Medium] incorrect-equality @ MiningPool._accrue #${fpBalance}: ${balance}`,
        `UNTRIAGED [Medium] divide-before-multiply @ MiningPool._accrue #${fpFloor}: ${floor}`,
      ]);
      expect(v.notes.map((s) => s.replace(/: [^#]*$/, ""))).to.have.members([
        `triage entry no longer matched: incorrect-equality @ NumiCoin._reward #${entry("incorrect-equality", "NumiCoin._reward", "c.lastRewardBlock == block.number").fingerprint}`,
        `triage entry no longer matched: incorrect-equality @ NumiCoin._reward #${entry("incorrect-equality", "NumiCoin._reward", "reward == 0").fingerprint}`,
        `triage entry no longer matched: timestamp @ NumiCoin._reward #${entry("timestamp", "NumiCoin._reward", "c.lastRewardBlock == block.number | reward == 0").fingerprint}`,
        `triage entry no longer matched: incorrect-equality @ MiningPool._accrue #${"0".repeat(16)}`,
        `triage entry no longer matched: divide-before-multiply @ MiningPool._accrue #${"1".repeat(16)}`,
      ]);
    });

    it("FAILS on the same triaged finding one more time than counted, passes when the count says so", function () {
      const dets = report.results.detectors!;
      dets.push(clone(dets[2]));
      const t = entry("timestamp", "MiningPool.withdraw", "a.staked < amount");
      const v = core.evaluate(report, triage, fx.read());
      expect(v.failures).to.eql([
        `OVER COUNT [Low] timestamp @ MiningPool.withdraw #${t.fingerprint}: found more than the 1 triaged: a.staked < amount`,
      ]);
      expect(v.counts.Low).to.eql({ total: 4, triaged: 3 });
      t.count = 2;
      expect(core.evaluate(report, triage, fx.read()).failures).to.eql([]);
      t.count = 3;
      expect(core.evaluate(report, triage, fx.read()).notes).to.eql([
        `triage entry matched 2 of 3 times: timestamp @ MiningPool.withdraw #${t.fingerprint}`,
      ]);
    });

    it("matches a finding Slither reports with one element fewer through its entry's alternates, counted once", function () {
      const t = entry("timestamp", "MiningPool.withdraw", "a.staked < amount");
      const det = report.results.detectors![2];
      const fewer = { ...clone(det), elements: det.elements.slice(0, 1) };
      const alternate = core.fingerprintOf(fewer, fx.read()).fingerprint;
      expect(alternate).to.not.equal(t.fingerprint);
      report.results.detectors![2] = fewer;
      expect(core.evaluate(report, triage, fx.read()).failures).to.eql([
        `UNTRIAGED [Low] timestamp @ MiningPool.withdraw #${alternate}: ${core.fingerprintOf(fewer, fx.read()).excerpt}`,
      ]);
      t.alternates = [alternate];
      const v = core.evaluate(report, triage, fx.read());
      expect(v.failures).to.eql([]);
      expect(v.notes).to.eql([]);
      expect(v.counts.Low).to.eql({ total: 3, triaged: 3 });
      // Both forms in one report: the entry counts them together against its count of 1.
      report.results.detectors!.push(clone(det));
      expect(core.evaluate(report, triage, fx.read()).failures).to.eql([
        `OVER COUNT [Low] timestamp @ MiningPool.withdraw #${t.fingerprint}: found more than the 1 triaged: a.staked < amount`,
      ]);
      // A draft keeps the alternates, with the form found now as the fingerprint.
      const drafted = core.draftTriage(report, triage, fx.read());
      expect(drafted.doc.triaged.find((d) => d.fingerprint === alternate)?.alternates).to.eql([t.fingerprint]);
    });

    it("FAILS when the flagged source text of a triaged finding changed; reformatting alone does not", function () {
      const old = entry("timestamp", "MiningPool.withdraw", "a.staked < amount");
      fx.edit(report, POOL, "a.staked < amount", "a.staked <= amount");
      report.results.detectors![2].elements[1].name = "a.staked <= amount";
      const v = core.evaluate(report, triage, fx.read());
      const now = fp("timestamp", "MiningPool", "withdraw", [
        WITHDRAW.replace("a.staked < amount", "a.staked <= amount"),
        "a.staked <= amount",
      ]);
      expect(v.failures).to.eql([`UNTRIAGED [Low] timestamp @ MiningPool.withdraw #${now}: a.staked <= amount`]);
      expect(v.notes).to.eql([
        `triage entry no longer matched: timestamp @ MiningPool.withdraw #${old.fingerprint}: a.staked < amount`,
      ]);

      // Only whitespace changes (re-indented, a line broken): same fingerprints, PASS.
      const fy = new Fixture();
      fixtures.push(fy);
      const again = clone(report);
      fx.edit(again, POOL, "a.staked <= amount", "a.staked < amount");
      fy.write(POOL, fx.files[POOL]);
      fy.write(COIN, fx.files[COIN]);
      fy.edit(
        again,
        POOL,
        "revert InsufficientStake(msg.sender, a.staked, amount);",
        "revert InsufficientStake(\n            msg.sender,\n            a.staked,\n            amount\n        );",
      );
      fy.edit(again, POOL, "nonReentrant {\n        if (", "nonReentrant {\n\n            if (");
      fy.edit(again, POOL, "a.staked < amount", "a.staked  <\n    amount");
      const w = core.evaluate(again, triage, fy.read());
      expect(w.failures).to.eql([]);
      expect(w.notes).to.eql([]);
    });

    it("FAILS on an entry whose reason is TODO or empty, whatever the impact", function () {
      const t = entry("naming-convention", "NumiCoin.CLOCK_MODE");
      t.reason = "TODO";
      const u = entry("timestamp", "MiningPool.withdraw", "a.staked < amount");
      u.reason = "  ";
      const i = triage.triaged.indexOf(u);
      const j = triage.triaged.indexOf(t);
      const v = core.evaluate(report, triage, fx.read());
      expect(v.failures).to.eql([
        `triage entry ${i} (timestamp @ MiningPool.withdraw) #${u.fingerprint}: reason is TODO or empty`,
        `triage entry ${j} (naming-convention @ NumiCoin.CLOCK_MODE) #${t.fingerprint}: reason is TODO or empty`,
      ]);
    });

    it("only warns about an untriaged Informational finding", function () {
      const clockFp = fp("naming-convention", "NumiCoin", "CLOCK_MODE", [CLOCK]);
      triage.triaged = triage.triaged.filter((t) => t.check !== "naming-convention");
      const v = core.evaluate(report, triage, fx.read());
      expect(v.pass).to.equal(true);
      expect(v.failures).to.eql([]);
      expect(v.warnings).to.eql([
        `UNTRIAGED [Informational] naming-convention @ NumiCoin.CLOCK_MODE #${clockFp}: ${core.normalise(CLOCK).slice(0, 77)}...`,
      ]);
    });

    it("passes after an unrelated edit that shifts every line and offset", function () {
      const before = core.evaluate(report, triage, fx.read()).findings.map((f) => f.fingerprint);
      const shifted = clone(report);
      const header = "pragma solidity 0.8.30;\n";
      fx.edit(shifted, POOL, header, `${header}\nimport {X} from "./X.sol";\n// three\n// more lines\n`);
      fx.edit(shifted, COIN, header, `${header}\n/// @title moved down\n`);
      const dets = shifted.results.detectors!;
      expect(dets[2].elements[1].source_mapping!.start).to.be.greaterThan(
        report.results.detectors![2].elements[1].source_mapping!.start,
      );
      const v = core.evaluate(shifted, triage, fx.read());
      expect(v.failures).to.eql([]);
      expect(v.notes).to.eql([]);
      expect(v.findings.map((f) => f.fingerprint)).to.eql(before);
    });

    it("refuses a report older than its sources, a triage without fingerprints, and duplicate entries", function () {
      fx.write(POOL, Buffer.from(fx.files[POOL].toString("utf8").replace("a.staked < amount", "a.staked > amount")));
      expect(core.evaluate(report, triage, fx.read()).failures).to.include(
        `source changed since the report was made: ${POOL} (run npm run slither again)`,
      );
      const oldFormat = { triaged: [{ check: "timestamp", element: "MiningPool.withdraw", reason: "ok" }] };
      expect(core.evaluate(report, oldFormat, fx.read()).failures).to.include(
        "triage entry 0 (timestamp @ MiningPool.withdraw): no fingerprint (16 hex digits); draft entries with gate.js --draft",
      );
      const dup = clone(triage);
      dup.triaged.push(clone(dup.triaged[0]));
      expect(core.evaluate(report, dup, fx.read()).failures.some((f) => f.includes("duplicate fingerprint"))).to.equal(
        true,
      );
    });

    it("--draft proposes TODO entries for what is untriaged (with the old reasons as `was`), and the gate fails on them", async function () {
      fx.edit(report, POOL, "a.staked < amount", "a.staked <= amount");
      const reportPath = path.join(fx.dir, "slither.json");
      const triagePath = path.join(fx.dir, "triage.json");
      fs.writeFileSync(reportPath, JSON.stringify(report));
      fs.writeFileSync(triagePath, JSON.stringify(triage));

      const failed = await run("node", [GATE, "--root", fx.dir, reportPath, triagePath]).catch(
        (e: { code: number; stdout: string }) => e,
      );
      expect((failed as { code: number }).code).to.equal(1);
      expect((failed as { stdout: string }).stdout).to.match(
        /FAIL: UNTRIAGED \[Low\] timestamp @ MiningPool\.withdraw #[0-9a-f]{16}: a\.staked <= amount/,
      );

      const { stdout, stderr } = await run("node", [GATE, "--root", fx.dir, "--draft", reportPath, triagePath]);
      const draft = JSON.parse(stdout) as TriageDoc;
      const todo = draft.triaged.filter((t) => core.isTodo(t.reason));
      expect(todo).to.have.length(1);
      expect(todo[0]).to.deep.include({ check: "timestamp", element: "MiningPool.withdraw", impact: "Low", count: 1 });
      expect(todo[0].was).to.eql(["reviewed: a.staked < amount"]);
      expect(stderr).to.include("draft: dropped (no longer matched): timestamp @ MiningPool.withdraw #");
      expect(draft.triaged).to.have.length(triage.triaged.length);

      fs.writeFileSync(triagePath, JSON.stringify(draft));
      const todoFails = await run("node", [GATE, "--root", fx.dir, reportPath, triagePath]).catch(
        (e: { code: number; stdout: string }) => e,
      );
      expect((todoFails as { code: number }).code).to.equal(1);
      expect((todoFails as { stdout: string }).stdout).to.include(`#${todo[0].fingerprint}: reason is TODO or empty`);

      todo[0].reason = "Taint only: `a.staked <= amount` compares the stake with the request.";
      delete todo[0].was;
      fs.writeFileSync(triagePath, JSON.stringify(draft));
      const ok = await run("node", [GATE, "--root", fx.dir, reportPath, triagePath]);
      expect(ok.stdout).to.include("slither gate: PASS");
    });
  });
});
