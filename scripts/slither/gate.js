#!/usr/bin/env node
// Slither gate: fails (exit 1) on any High, Medium or Low finding that triage.json does not accept.
// A triage entry is keyed on the finding's fingerprint: sha256 of the detector, "Contract.function", and the source
// text of every element of the finding (read from the file through each element's filename_relative/start/length;
// for most detectors the flagged function and each flagged expression). Whitespace counts only between two word
// characters, and no path or line number goes in, so an edit elsewhere in the file or a re-wrap keeps the
// fingerprint. Any change to the flagged code (which includes the whole flagged function), or a new finding of an
// already-triaged detector in the same function, gives a new fingerprint that needs its own entry.
// An entry may list `alternates`: fingerprints of the same finding as Slither reports it in other runs (its timestamp
// detector does not always list the same comparisons of a function); they match and count as the entry itself.
// Entries are counted: an entry with count N accepts N identical findings, and the N+1st fails. An entry whose reason
// is TODO or empty fails. Informational and Optimization findings are listed and should be triaged too, but only warn.
// Entries no longer matched are printed as notes; a report older than its sources is refused.
// Logic: gate-core.js. How to re-triage after a code change (--draft): audits/README.md, section Slither.
//
// Usage:
//   node scripts/slither/gate.js <slither.json> <triage.json>             the gate
//   node scripts/slither/gate.js --draft <slither.json> <triage.json>     print a proposed triage.json (TODO reasons)
//   node scripts/slither/gate.js --compact <slither.json>                 print the report as committed in audits/slither
// Option --root <dir>: where the report's relative source paths start (default: the project root).
"use strict";
const path = require("path");
const fs = require("fs");
const core = require("./gate-core");

const USAGE = [
  "usage: node scripts/slither/gate.js [--root <dir>] <slither.json> <triage.json>",
  "       node scripts/slither/gate.js [--root <dir>] --draft <slither.json> <triage.json>",
  "       node scripts/slither/gate.js [--root <dir>] --compact <slither.json>",
].join("\n");

function main(argv) {
  const args = [...argv];
  let mode = "gate";
  let root = path.resolve(__dirname, "../..");
  const positional = [];
  while (args.length > 0) {
    const a = args.shift();
    if (a === "--draft" || a === "--compact") mode = a.slice(2);
    else if (a === "--root") root = path.resolve(args.shift() || "");
    else positional.push(a);
  }
  const want = mode === "compact" ? 1 : 2;
  if (positional.length !== want) {
    console.error(USAGE);
    return 2;
  }
  const readJson = (p) => JSON.parse(fs.readFileSync(p, "utf8"));
  const report = readJson(positional[0]);
  const readSource = core.sourceReader(root);

  if (mode === "compact") {
    process.stdout.write(`${JSON.stringify(core.compactReport(report, readSource), null, 2)}\n`);
    return 0;
  }
  const triage = readJson(positional[1]);
  if (mode === "draft") {
    if (!report.success) {
      console.error(`slither gate: Slither reported an error: ${report.error}`);
      return 1;
    }
    const { doc, dropped } = core.draftTriage(report, triage, readSource);
    for (const t of dropped) {
      const id = t.fingerprint ? `#${t.fingerprint}: ${t.excerpt}` : "(old format, no fingerprint)";
      console.error(`draft: dropped (no longer matched): ${t.check} @ ${t.element} ${id}`);
    }
    const todo = doc.triaged.filter((t) => core.isTodo(t.reason)).length;
    console.error(
      `draft: ${doc.triaged.length} entries, ${todo} with reason TODO (the gate fails until they are written)`,
    );
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    return 0;
  }
  const verdict = core.evaluate(report, triage, readSource);
  for (const line of core.formatVerdict(verdict)) console.log(line);
  return verdict.pass ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
