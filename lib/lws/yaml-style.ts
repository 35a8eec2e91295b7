/** How a manifest is laid out, so that writing it back after an edit changes only the edited lines. */
import type { ToStringOptions } from "yaml";

const DEFAULT_INDENT = 2;
const MAX_INDENT = 8;

function contentLines(source: string): string[] {
  return source.split("\n").map((line) => line.trimEnd()).filter((line) => line.trim() !== "" && !line.trimStart().startsWith("#"));
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** Whether block lists sit deeper than their key (`key:\n  - a`) or level with it (`key:\n- a`). */
function sequencesIndented(lines: string[]): boolean {
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trimStart().startsWith("- ") && lines[i - 1].endsWith(":")) return indentOf(lines[i]) > indentOf(lines[i - 1]);
  }
  return true;
}

export function yamlStyleOf(source: string): ToStringOptions {
  const lines = contentLines(source);
  const firstIndented = lines.find((line) => indentOf(line) > 0);
  return {
    indent: firstIndented ? Math.min(indentOf(firstIndented), MAX_INDENT) : DEFAULT_INDENT,
    indentSeq: sequencesIndented(lines),
    // `[ a, b ]` versus `["a", "b"]`, told apart by a flow collection opening a value
    flowCollectionPadding: /(?:^|[:-] )[[{] \S/m.test(source),
    // never fold long commands
    lineWidth: 0,
  };
}
