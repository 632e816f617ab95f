#!/usr/bin/env node
// Slither gate: fails (exit 1) on any High, Medium or Low finding that is not triaged in triage.json.
// A triage entry accepts one detector in one function ("Contract.function") and must say why it is safe;
// a new finding of the same detector elsewhere, or of another detector, fails the build.
// Informational and Optimization findings are listed, and must be triaged too, but only warn.
// Usage: node scripts/slither/gate.js <slither.json> <triage.json>
"use strict";
const fs = require("fs");

const [reportPath, triagePath] = process.argv.slice(2);
if (!reportPath || !triagePath) {
  console.error("usage: node scripts/slither/gate.js <slither.json> <triage.json>");
  process.exit(2);
}
const report = JSON.parse(fs.readFileSync(reportPath, "utf8"));
const triage = JSON.parse(fs.readFileSync(triagePath, "utf8")).triaged;
if (!report.success) {
  console.error(`slither gate: Slither reported an error: ${report.error}`);
  process.exit(1);
}

const GATING = new Set(["High", "Medium", "Low"]);
const key = (check, element) => `${check} @ ${element}`;
const accepted = new Map(triage.map((t) => [key(t.check, t.element), t]));
const used = new Set();

function elementOf(result) {
  const first = result.elements[0];
  if (!first) return "(no element)";
  const parent = first.type_specific_fields && first.type_specific_fields.parent;
  return parent && parent.name ? `${parent.name}.${first.name}` : first.name;
}

const counts = {};
const untriaged = [];
for (const result of report.results.detectors || []) {
  const id = key(result.check, elementOf(result));
  counts[result.impact] = counts[result.impact] || { total: 0, triaged: 0 };
  counts[result.impact].total++;
  if (accepted.has(id)) {
    counts[result.impact].triaged++;
    used.add(id);
  } else {
    untriaged.push({ impact: result.impact, id, description: result.description.trim().split("\n")[0] });
  }
}

console.log("slither gate: findings by impact (triaged / total)");
for (const impact of ["High", "Medium", "Low", "Informational", "Optimization"]) {
  const c = counts[impact] || { total: 0, triaged: 0 };
  console.log(`  ${impact.padEnd(13)} ${c.triaged} / ${c.total}`);
}
for (const t of triage) {
  if (!used.has(key(t.check, t.element)))
    console.log(`  note: triage entry no longer needed: ${key(t.check, t.element)}`);
}
const failing = untriaged.filter((u) => GATING.has(u.impact));
for (const u of untriaged) {
  console.log(`  ${GATING.has(u.impact) ? "UNTRIAGED" : "warning  "} [${u.impact}] ${u.id}: ${u.description}`);
}
if (failing.length > 0) {
  console.error(`slither gate: FAIL, ${failing.length} High/Medium/Low finding(s) neither fixed nor triaged`);
  process.exit(1);
}
console.log("slither gate: PASS, no untriaged High/Medium/Low finding");
