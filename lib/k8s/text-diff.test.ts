import { describe, expect, it } from "vitest";
import { SAMPLE_LWS } from "@/lib/lws/examples";
import { diffHunks, diffLines, type DiffLine } from "./text-diff";

/** "  a" same, "+ a" add, "- a" remove: a diff as it reads. */
const render = (lines: DiffLine[]) => lines.map((l) => `${l.kind === "same" ? " " : l.kind === "add" ? "+" : "-"} ${l.text}`);

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join("");

/** Both sides rebuilt from the diff, with consecutive line numbers on each. */
function expectConsistent(before: string, after: string, lines: DiffLine[]): void {
  const oldSide = lines.filter((l) => l.kind !== "add");
  const newSide = lines.filter((l) => l.kind !== "remove");
  expect(oldSide.map((l) => l.text).join("\n")).toBe(before.replace(/\n$/, ""));
  expect(newSide.map((l) => l.text).join("\n")).toBe(after.replace(/\n$/, ""));
  expect(oldSide.map((l) => l.oldLine)).toEqual(oldSide.map((_, i) => i + 1));
  expect(newSide.map((l) => l.newLine)).toEqual(newSide.map((_, i) => i + 1));
}

/** Longest common subsequence length by dynamic programming: what a shortest diff keeps. */
function lcsLength(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    b.forEach((y, j) => row.push(x === y ? previous[j] + 1 : Math.max(previous[j + 1], row[j])));
    previous = row;
  }
  return previous[b.length];
}

/** A small deterministic generator, so the random cases are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe("diffLines", () => {
  it.each<[string, string, string, string[]]>([
    ["both empty", "", "", []],
    ["identical", text("a", "b"), text("a", "b"), ["  a", "  b"]],
    ["everything added", "", text("a", "b"), ["+ a", "+ b"]],
    ["everything removed", text("a", "b"), "", ["- a", "- b"]],
    ["insert in the middle", text("a", "c"), text("a", "b", "c"), ["  a", "+ b", "  c"]],
    ["insert at the start", text("b", "c"), text("a", "b", "c"), ["+ a", "  b", "  c"]],
    ["insert at the end", text("a"), text("a", "b"), ["  a", "+ b"]],
    ["delete in the middle", text("a", "b", "c"), text("a", "c"), ["  a", "- b", "  c"]],
    ["replace one line: removal first", text("a", "b", "c"), text("a", "x", "c"), ["  a", "- b", "+ x", "  c"]],
    ["replace a block", text("a", "b", "c", "d"), text("a", "x", "y", "d"), ["  a", "- b", "- c", "+ x", "+ y", "  d"]],
    ["no line in common", text("a", "b"), text("c", "d"), ["- a", "- b", "+ c", "+ d"]],
    ["trailing newline makes no extra line", "a\nb", text("a", "b"), ["  a", "  b"]],
    ["CRLF line ends", "a\r\nb\r\n", text("a", "c"), ["  a", "- b", "+ c"]],
    ["blank lines are lines", text("a", "", "b"), text("a", "b"), ["  a", "- ", "  b"]],
    ["repeated lines", text("x", "a", "x", "a"), text("a", "x", "a", "x"), ["- x", "  a", "  x", "  a", "+ x"]],
  ])("%s", (_, before, after, expected) => {
    const lines = diffLines(before, after);
    expect(render(lines)).toEqual(expected);
    expectConsistent(before.replaceAll("\r", ""), after, lines);
  });

  it("numbers lines on each side", () => {
    expect(diffLines(text("a", "b", "c"), text("a", "x", "c"))).toEqual([
      { kind: "same", text: "a", oldLine: 1, newLine: 1 },
      { kind: "remove", text: "b", oldLine: 2 },
      { kind: "add", text: "x", newLine: 2 },
      { kind: "same", text: "c", oldLine: 3, newLine: 3 },
    ]);
  });

  it("is a shortest diff on random edits (checked against an LCS table)", () => {
    const next = random(42);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: Math.floor(next() * 30) }, () => "abcde"[Math.floor(next() * 5)]);
      const b = a.flatMap((line) => (next() < 0.2 ? [] : next() < 0.2 ? [line, "abcde"[Math.floor(next() * 5)]] : [line]));
      const lines = diffLines(text(...a), text(...b));
      expectConsistent(text(...a), text(...b), lines);
      expect(lines.filter((l) => l.kind === "same").length).toBe(lcsLength(a, b));
    }
  });

  it("handles 2,000-line manifests quickly, even when they differ throughout", () => {
    const manifest = Array.from({ length: 2000 }, (_, i) => `  key-${i}: value-${i}`);
    const edited = manifest.map((line, i) => (i % 7 === 0 ? `${line}-changed` : line));
    const unrelated = manifest.map((_, i) => `  other-${i}: x`);
    const started = performance.now();
    const edits = diffLines(manifest.join("\n"), edited.join("\n"));
    const rewrite = diffLines(manifest.join("\n"), unrelated.join("\n"));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(edits.filter((l) => l.kind === "remove")).toHaveLength(286);
    expect(edits.filter((l) => l.kind === "same")).toHaveLength(2000 - 286);
    expect(rewrite.filter((l) => l.kind === "same")).toHaveLength(0);
    expect(rewrite).toHaveLength(4000);
  });
});

describe("diffHunks", () => {
  const twenty = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
  const edit = (changes: Record<number, string>) => twenty.map((line, i) => changes[i + 1] ?? line).join("\n");

  it("no hunks when nothing changed", () => {
    expect(diffHunks(diffLines(twenty.join("\n"), twenty.join("\n")))).toEqual([]);
  });

  it("one change: three lines of context each side, and what was skipped", () => {
    const [hunk] = diffHunks(diffLines(twenty.join("\n"), edit({ 10: "ten" })));
    expect(hunk).toMatchObject({ oldStart: 7, oldLines: 7, newStart: 7, newLines: 7, skippedBefore: 6, skippedAfter: 7 });
    expect(render(hunk.lines)).toEqual(["  line 7", "  line 8", "  line 9", "- line 10", "+ ten", "  line 11", "  line 12", "  line 13"]);
  });

  it("close changes merge, distant ones stay apart", () => {
    const merged = diffHunks(diffLines(twenty.join("\n"), edit({ 5: "five", 11: "eleven" })));
    expect(merged).toHaveLength(1);
    const apart = diffHunks(diffLines(twenty.join("\n"), edit({ 2: "two", 19: "nineteen" })));
    expect(apart.map((h) => [h.oldStart, h.oldLines, h.skippedBefore, h.skippedAfter])).toEqual([
      [1, 5, 0, 10],
      [16, 5, 10, 0],
    ]);
  });

  it("context 0 shows only changed lines; start lines follow the other side's inserts", () => {
    const hunks = diffHunks(diffLines(text("a", "b", "c", "d"), text("new", "a", "b", "d")), 0);
    expect(hunks.map((h) => ({ old: [h.oldStart, h.oldLines], new: [h.newStart, h.newLines], lines: render(h.lines) }))).toEqual([
      { old: [1, 0], new: [1, 1], lines: ["+ new"] },
      { old: [3, 1], new: [4, 0], lines: ["- c"] },
    ]);
  });

  it("on a real manifest edit", () => {
    const hunks = diffHunks(diffLines(SAMPLE_LWS, SAMPLE_LWS.replace("replicas: 3", "replicas: 5")));
    expect(hunks).toHaveLength(1);
    expect(render(hunks[0].lines).filter((l) => !l.startsWith(" "))).toEqual(["-   replicas: 3", "+   replicas: 5"]);
  });
});
