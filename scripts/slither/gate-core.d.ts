// Types for gate-core.js (plain CommonJS so that the gate runs with node alone, without ts-node).

export interface SourceMapping {
  filename_relative: string;
  start: number;
  length: number;
  lines?: number[];
  [key: string]: unknown;
}

export interface SlitherElement {
  type: string;
  name: string;
  source_mapping?: SourceMapping;
  type_specific_fields?: { parent?: SlitherElement; [key: string]: unknown };
  additional_fields?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface SlitherResult {
  check: string;
  impact: string;
  confidence?: string;
  description?: string;
  elements: SlitherElement[];
  [key: string]: unknown;
}

export interface SlitherReport {
  success: boolean;
  error?: string | null;
  sources?: Record<string, string>;
  results: { detectors?: SlitherResult[] };
}

export interface TriageEntry {
  fingerprint?: string;
  /** Fingerprints of the same finding as Slither reports it in other runs; they match and count as this entry. */
  alternates?: string[];
  check: string;
  element: string;
  impact?: string;
  count?: number;
  excerpt?: string;
  reason?: string;
  was?: string[];
}

export interface TriageDoc {
  about?: string;
  triaged: TriageEntry[];
}

export interface Finding {
  fingerprint: string;
  check: string;
  element: string;
  impact: string;
  excerpt: string;
}

export interface Verdict {
  pass: boolean;
  counts: Record<string, { total: number; triaged: number }>;
  failures: string[];
  warnings: string[];
  notes: string[];
  findings: Finding[];
}

export type ReadSource = (file: string) => Buffer;

export const GATING: Set<string>;
export const IMPACTS: string[];
export function normalise(text: string): string;
export function canonicalText(text: string): string;
export function sourceReader(root: string): ReadSource;
export function elementText(element: SlitherElement, readSource: ReadSource): string;
export function locate(result: SlitherResult): { contract: string; function: string; element: string };
export function fingerprintOf(result: SlitherResult, readSource: ReadSource): Finding;
export function staleSources(report: SlitherReport, readSource: ReadSource): string[];
export function compactReport(report: SlitherReport, readSource: ReadSource): SlitherReport;
export function evaluate(report: SlitherReport, triage: TriageDoc, readSource: ReadSource): Verdict;
export function formatVerdict(verdict: Verdict): string[];
export function draftTriage(
  report: SlitherReport,
  triage: TriageDoc,
  readSource: ReadSource,
): { doc: TriageDoc; dropped: TriageEntry[] };
export function isTodo(reason: unknown): boolean;
