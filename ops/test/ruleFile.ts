// Reads a Prometheus alert rule file into plain objects for the tests. The rule file keeps to a small, block-style
// part of YAML (mappings, sequences, `|` and `>-` blocks, quoted and plain scalars, `[]`); anything else is
// refused with the line it is on, so a new construct fails loudly instead of being misread.
import { readFileSync } from "node:fs";

export interface AlertRule {
  group: string;
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

type Value = string | Value[] | { [key: string]: Value };

interface Line {
  indent: number;
  text: string;
  number: number;
}

export function readAlertRules(path: string): AlertRule[] {
  const root = parseYamlSubset(readFileSync(path, "utf8"), path) as { groups: { name: string; rules: Value[] }[] };
  return root.groups.flatMap((group) =>
    (group.rules as Record<string, Value>[])
      .filter((rule) => typeof rule.alert === "string")
      .map((rule) => ({
        group: group.name,
        alert: rule.alert as string,
        expr: rule.expr as string,
        for: rule.for as string | undefined,
        labels: (rule.labels ?? {}) as Record<string, string>,
        annotations: (rule.annotations ?? {}) as Record<string, string>,
      })),
  );
}

export function parseYamlSubset(text: string, source: string): Value {
  const lines: Line[] = text.split("\n").map((raw, i) => ({
    indent: raw.length - raw.trimStart().length,
    text: raw.trim(),
    number: i + 1,
  }));
  let at = 0;
  const fail = (line: Line, why: string): never => {
    throw new Error(`${source}:${line.number}: ${why}: "${line.text}"`);
  };
  const skipBlank = () => {
    while (at < lines.length && (lines[at].text === "" || lines[at].text.startsWith("#"))) at++;
  };
  const scalar = (raw: string, line: Line): Value => {
    if (raw === "[]") return [];
    if (raw.startsWith('"')) return JSON.parse(raw) as string;
    if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
    if (/^[[{&*!|>]/.test(raw)) fail(line, "unsupported YAML");
    return raw.replace(/\s+#.*$/, "");
  };
  const blockScalar = (style: string, parentIndent: number): string => {
    const body: string[] = [];
    while (at < lines.length && (lines[at].text === "" || lines[at].indent > parentIndent)) body.push(lines[at++].text);
    while (body.length && body[body.length - 1] === "") body.pop();
    return style.startsWith("|") ? body.join("\n") + (style === "|" ? "\n" : "") : body.join(" ");
  };
  const block = (indent: number, first?: string): Value => {
    const map: Record<string, Value> = {};
    const seq: Value[] = [];
    for (;;) {
      if (first === undefined) skipBlank();
      if (first === undefined && (at >= lines.length || lines[at].indent !== indent)) break;
      const line = lines[at];
      const text = first ?? line.text;
      first = undefined;
      if (text.startsWith("- ")) {
        if (Object.keys(map).length) fail(line, "a list item inside a mapping");
        const item = text.slice(2);
        if (/^[\w.-]+:(\s|$)/.test(item)) {
          seq.push(block(indent + 2, item));
        } else {
          seq.push(scalar(item, line));
          at++;
        }
        continue;
      }
      const pair = /^([\w.-]+):(?:\s+(.*))?$/.exec(text) ?? fail(line, "expected `key: value`");
      at++;
      const [, key, rest] = pair;
      if (rest === undefined) {
        skipBlank();
        map[key] = at < lines.length && lines[at].indent > indent ? block(lines[at].indent) : "";
      } else if (/^[|>]-?$/.test(rest)) {
        map[key] = blockScalar(rest, indent);
      } else {
        map[key] = scalar(rest, line);
      }
    }
    return seq.length ? seq : map;
  };
  skipBlank();
  return block(0);
}
