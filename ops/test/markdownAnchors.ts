// The anchors GitHub gives a Markdown file's headings, so a runbook_url's `#fragment` can be checked.
import { readFileSync } from "node:fs";

export function headingAnchors(path: string): Set<string> {
  const headings = readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#+ /, ""));
  return new Set(
    headings.map((text) =>
      text
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, "")
        .replace(/ /g, "-"),
    ),
  );
}
