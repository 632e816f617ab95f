// Slither gate logic, as pure functions (gate.js is the command line around them; test/audit/slitherGate.test.ts
// drives them directly). The fingerprint rule is described in gate.js and in audits/README.md, section Slither.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const GATING = new Set(["High", "Medium", "Low"]);
const IMPACTS = ["High", "Medium", "Low", "Informational", "Optimization"];
const TODO = "TODO";
const EXCERPT_MAX = 200;

/** Collapses every run of whitespace to one space: the readable form, used in excerpts. */
function normalise(text) {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The form fingerprints hash: whitespace kept only where it separates two word characters (`uint256 x`), dropped
 * everywhere else (`f( a ,b )` is `f(a,b)`), so re-indenting or re-wrapping code (Prettier) keeps a fingerprint.
 */
function canonicalText(text) {
  return normalise(text).replace(/(?<![\w$]) | (?![\w$])/g, "");
}

function sha256(data) {
  return crypto.createHash("sha256").update(data).digest("hex");
}

/**
 * Reads sources relative to `root` (the directory Slither ran in), cached. Refuses absolute paths and paths that
 * leave the root: a report names files by `filename_relative` only.
 */
function sourceReader(root) {
  const cache = new Map();
  return (file) => {
    if (typeof file !== "string" || file === "" || path.isAbsolute(file)) {
      throw new Error(`no relative source file name (${JSON.stringify(file)})`);
    }
    const full = path.resolve(root, file);
    if (path.relative(root, full).startsWith("..")) throw new Error(`source file outside the project: ${file}`);
    if (!cache.has(file)) {
      if (!fs.existsSync(full)) throw new Error(`source file not found: ${file}`);
      cache.set(file, fs.readFileSync(full));
    }
    return cache.get(file);
  };
}

/** The exact source an element points to (byte offsets, as solc and Slither count them), whitespace-normalised. */
function elementText(element, readSource) {
  const sm = element.source_mapping;
  if (!sm || typeof sm.start !== "number" || typeof sm.length !== "number") {
    throw new Error(`element ${JSON.stringify(element.name)} has no source mapping`);
  }
  const bytes = readSource(sm.filename_relative);
  if (sm.start < 0 || sm.length < 0 || sm.start + sm.length > bytes.length) {
    throw new Error(`element ${JSON.stringify(element.name)} points past the end of ${sm.filename_relative}`);
  }
  return normalise(bytes.subarray(sm.start, sm.start + sm.length).toString("utf8"));
}

function parentOf(element) {
  return (element && element.type_specific_fields && element.type_specific_fields.parent) || undefined;
}

/** "Contract.function" of a finding, from its first element (a node's parent function, a function's contract). */
function locate(result) {
  const first = result.elements && result.elements[0];
  if (!first) return { contract: "", function: "", element: "(no element)" };
  let fn = first;
  if (first.type === "node") fn = parentOf(first) || first;
  if (fn.type === "contract") return { contract: fn.name, function: "", element: fn.name };
  const contract = parentOf(fn);
  const contractName = contract && contract.type === "contract" ? contract.name : "";
  return {
    contract: contractName,
    function: fn.name,
    element: contractName ? `${contractName}.${fn.name}` : fn.name,
  };
}

function excerptOf(result, texts) {
  // The function an element-list opens with is context; the excerpt shows what was flagged inside it.
  const own = result.elements.length > 1 ? texts.slice(1) : texts;
  const parts = [...new Set(own)].map((t) => (t.length > 80 ? `${t.slice(0, 77)}...` : t));
  const joined = parts.join(" | ");
  return joined.length > EXCERPT_MAX ? `${joined.slice(0, EXCERPT_MAX - 3)}...` : joined;
}

/**
 * Fingerprint of one finding: sha256 over detector, contract, function and the canonical source text of every
 * element, the texts sorted (Slither's element order is not part of what the code is). 16 hex digits.
 */
function fingerprintOf(result, readSource) {
  const where = locate(result);
  const texts = (result.elements || []).map((e) => elementText(e, readSource));
  const canonical = JSON.stringify([result.check, where.contract, where.function, texts.map(canonicalText).sort()]);
  return {
    fingerprint: sha256(canonical).slice(0, 16),
    check: result.check,
    element: where.element,
    impact: result.impact,
    excerpt: excerptOf(result, texts),
  };
}

/** Checks that every source file the report recorded a hash for is still the file that was analysed. */
function staleSources(report, readSource) {
  const stale = [];
  for (const [file, hash] of Object.entries(report.sources || {})) {
    let actual;
    try {
      actual = sha256(readSource(file));
    } catch (e) {
      actual = `(${e.message})`;
    }
    if (actual !== hash) stale.push(file);
  }
  return stale;
}

/**
 * The part of Slither's JSON the gate reads, without absolute paths or line-independent noise: what `npm run slither`
 * commits as audits/slither/slither.json. `sources` records the sha256 of every file the findings point into, so a
 * gate run against edited sources is refused instead of fingerprinting the wrong text.
 */
function compactReport(report, readSource) {
  const slim = (e) => {
    if (!e) return undefined;
    const out = { type: e.type, name: e.name };
    const sm = e.source_mapping;
    if (sm) {
      out.source_mapping = { filename_relative: sm.filename_relative, start: sm.start, length: sm.length };
      if (Array.isArray(sm.lines) && sm.lines.length > 0) {
        out.source_mapping.lines = [sm.lines[0], sm.lines[sm.lines.length - 1]];
      }
    }
    const parent = slim(parentOf(e));
    if (parent) out.type_specific_fields = { parent };
    if (e.additional_fields) out.additional_fields = e.additional_fields;
    return out;
  };
  const detectors = (report.results && report.results.detectors) || [];
  const files = new Set();
  const results = detectors.map((r) => {
    for (const e of r.elements || []) if (e.source_mapping) files.add(e.source_mapping.filename_relative);
    return {
      check: r.check,
      impact: r.impact,
      confidence: r.confidence,
      description: r.description,
      elements: (r.elements || []).map(slim),
    };
  });
  const sources = {};
  for (const f of [...files].sort()) sources[f] = sha256(readSource(f));
  return { success: report.success, error: report.error, sources, results: { detectors: results } };
}

function isTodo(reason) {
  return typeof reason !== "string" || reason.trim() === "" || /^todo\b/i.test(reason.trim());
}

const describe = (f) => `${f.check} @ ${f.element} #${f.fingerprint}`;

/**
 * The verdict. `failures` make the gate fail: untriaged or over-count High/Medium/Low findings, entries with a TODO
 * or empty reason, malformed or duplicate entries, sources changed since the report, findings that cannot be read.
 * `warnings`: the same for Informational/Optimization. `notes`: stale entries (matched fewer times than counted).
 */
function evaluate(report, triageDoc, readSource) {
  const failures = [];
  const warnings = [];
  const notes = [];
  const counts = Object.fromEntries(IMPACTS.map((i) => [i, { total: 0, triaged: 0 }]));
  if (!report || !report.success) {
    failures.push(`Slither reported an error: ${report && report.error}`);
    return { pass: false, counts, failures, warnings, notes, findings: [] };
  }
  for (const file of staleSources(report, readSource)) {
    failures.push(`source changed since the report was made: ${file} (run npm run slither again)`);
  }

  const entries = (triageDoc && triageDoc.triaged) || [];
  const byFingerprint = new Map();
  for (const [i, t] of entries.entries()) {
    const label = `triage entry ${i} (${t.check} @ ${t.element})`;
    if (typeof t.fingerprint !== "string" || !/^[0-9a-f]{16}$/.test(t.fingerprint)) {
      failures.push(`${label}: no fingerprint (16 hex digits); draft entries with gate.js --draft`);
      continue;
    }
    if (!Number.isInteger(t.count) || t.count < 1) failures.push(`${label}: count must be a positive integer`);
    if (isTodo(t.reason)) failures.push(`${label} #${t.fingerprint}: reason is TODO or empty`);
    // `alternates`: the same finding as Slither reports it in other runs (its timestamp detector includes a
    // comparison in some runs and not in others: MiningPool._update, 2026-11-29), matched and counted as one.
    const alternates = t.alternates ?? [];
    if (!Array.isArray(alternates) || alternates.some((a) => typeof a !== "string" || !/^[0-9a-f]{16}$/.test(a))) {
      failures.push(`${label}: alternates must be a list of fingerprints (16 hex digits)`);
      continue;
    }
    const duplicate = [t.fingerprint, ...alternates].find((f) => byFingerprint.has(f));
    if (duplicate) {
      failures.push(`${label}: duplicate fingerprint #${duplicate}; merge the entries and add their counts`);
      continue;
    }
    for (const f of [t.fingerprint, ...alternates]) byFingerprint.set(f, t);
  }

  const findings = [];
  const seen = new Map();
  for (const result of report.results.detectors || []) {
    let f;
    try {
      f = fingerprintOf(result, readSource);
    } catch (e) {
      const where = locate(result);
      failures.push(`cannot fingerprint ${result.check} @ ${where.element}: ${e.message}`);
      continue;
    }
    findings.push(f);
    const impact = counts[f.impact] ? f.impact : "Informational";
    counts[impact].total++;
    const entry = byFingerprint.get(f.fingerprint);
    const key = entry ?? f.fingerprint; // an entry's alternates count with it
    const n = (seen.get(key) || 0) + 1;
    seen.set(key, n);
    const gating = GATING.has(f.impact);
    const complain = (text) => (gating ? failures : warnings).push(text);
    if (!entry) {
      complain(`UNTRIAGED [${f.impact}] ${describe(f)}: ${f.excerpt}`);
    } else if (n > entry.count) {
      complain(`OVER COUNT [${f.impact}] ${describe(f)}: found more than the ${entry.count} triaged: ${f.excerpt}`);
    } else {
      counts[impact].triaged++;
      if (n === 1 && (entry.check !== f.check || entry.element !== f.element || entry.impact !== f.impact)) {
        failures.push(
          `triage entry #${f.fingerprint} is labelled ${entry.check} @ ${entry.element} [${entry.impact}] ` +
            `but matches ${f.check} @ ${f.element} [${f.impact}]`,
        );
      }
    }
  }
  for (const t of new Set(byFingerprint.values())) {
    const n = seen.get(t) || 0;
    if (n === 0) notes.push(`triage entry no longer matched: ${describe(t)}: ${t.excerpt}`);
    else if (n < t.count) notes.push(`triage entry matched ${n} of ${t.count} times: ${describe(t)}`);
  }
  return { pass: failures.length === 0, counts, failures, warnings, notes, findings };
}

/** The gate's printout, one line per item. */
function formatVerdict(v) {
  const lines = ["slither gate: findings by impact (triaged / total)"];
  for (const impact of IMPACTS) {
    const c = v.counts[impact];
    lines.push(`  ${impact.padEnd(13)} ${c.triaged} / ${c.total}`);
  }
  for (const n of v.notes) lines.push(`  note: ${n}`);
  for (const w of v.warnings) lines.push(`  warning: ${w}`);
  for (const f of v.failures) lines.push(`  FAIL: ${f}`);
  lines.push(
    v.pass
      ? "slither gate: PASS, every High/Medium/Low finding triaged by fingerprint and count"
      : `slither gate: FAIL, ${v.failures.length} problem(s) above`,
  );
  return lines;
}

/**
 * A proposed triage file for the report: entries that still match are kept (count set to what was found), every
 * untriaged finding gets an entry with reason TODO, and `was` carries the reasons of entries for the same detector and
 * function that no longer match (the code changed: check the old reason still holds before reusing it). Entries
 * matched by nothing are dropped and returned in `dropped`.
 */
function draftTriage(report, triageDoc, readSource) {
  // Entries of the older (detector, function) format have no fingerprint: never kept, but their reasons show in `was`.
  const old = (triageDoc && triageDoc.triaged) || [];
  const oldByFp = new Map(
    old
      .filter((t) => typeof t.fingerprint === "string")
      .flatMap((t) => [t.fingerprint, ...(t.alternates ?? [])].map((f) => [f, t])),
  );
  const found = new Map();
  for (const result of report.results.detectors || []) {
    const f = fingerprintOf(result, readSource);
    const prior = found.get(f.fingerprint);
    if (prior) prior.count++;
    else found.set(f.fingerprint, { ...f, count: 1 });
  }
  const dropped = old.filter(
    (t) => typeof t.fingerprint !== "string" || ![t.fingerprint, ...(t.alternates ?? [])].some((f) => found.has(f)),
  );
  const triaged = [];
  for (const f of found.values()) {
    const keep = oldByFp.get(f.fingerprint);
    const entry = {
      fingerprint: f.fingerprint,
      check: f.check,
      element: f.element,
      impact: f.impact,
      count: f.count,
      excerpt: f.excerpt,
      reason: keep && f.count <= keep.count ? keep.reason : TODO,
    };
    const alternates = keep ? [keep.fingerprint, ...(keep.alternates ?? [])].filter((x) => x !== f.fingerprint) : [];
    if (alternates.length > 0) entry.alternates = alternates;
    const was = [
      ...new Set(
        [...(keep && f.count > keep.count ? [keep] : []), ...dropped]
          .filter((t) => t.check === f.check && t.element === f.element && !isTodo(t.reason))
          .map((t) => t.reason),
      ),
    ];
    if (entry.reason === TODO && was.length > 0) entry.was = was;
    triaged.push(entry);
  }
  triaged.sort(
    (a, b) =>
      IMPACTS.indexOf(a.impact) - IMPACTS.indexOf(b.impact) ||
      a.check.localeCompare(b.check) ||
      a.element.localeCompare(b.element) ||
      a.excerpt.localeCompare(b.excerpt),
  );
  const about = (triageDoc && triageDoc.about) || "";
  return { doc: { about, triaged }, dropped };
}

module.exports = {
  GATING,
  IMPACTS,
  normalise,
  canonicalText,
  sourceReader,
  elementText,
  locate,
  fingerprintOf,
  staleSources,
  compactReport,
  evaluate,
  formatVerdict,
  draftTriage,
  isTodo,
};
