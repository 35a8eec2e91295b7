/**
 * Line diffs of manifests for "preview before apply": Myers' O(ND) algorithm in its linear-space
 * form (the middle snake found from both ends, then each half diffed in turn), so two very
 * different 2,000-line files cost memory in proportion to their length, not its square.
 */

export interface DiffLine {
  kind: "same" | "add" | "remove";
  text: string;
  /** 1-based line in `before`; set for same and remove */
  oldLine?: number;
  /** 1-based line in `after`; set for same and add */
  newLine?: number;
}

export interface DiffHunk {
  /** 1-based first line of the hunk on each side (the line after, when the side has none, as in unified diffs) */
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** unchanged lines left out before this hunk, and after it up to the next hunk or the end */
  skippedBefore: number;
  skippedAfter: number;
  lines: DiffLine[];
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Lines as small integers, equal lines equal numbers: the inner loops compare numbers. */
function interned(before: string[], after: string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const id = (line: string) => {
    let n = ids.get(line);
    if (n === undefined) ids.set(line, (n = ids.size));
    return n;
  };
  return [Int32Array.from(before, id), Int32Array.from(after, id)];
}

/** A region of both sequences: a[aLo, aHi) against b[bLo, bHi). */
interface Box {
  aLo: number;
  aHi: number;
  bLo: number;
  bHi: number;
}

/**
 * The point where the shortest edit script of the box crosses its middle, from a forward and a
 * reverse search that meet (Myers 1986, §4b); undefined when the box has no line in common.
 */
function middleSnake(a: Int32Array, b: Int32Array, { aLo, aHi, bLo, bHi }: Box): [number, number] | undefined {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const size = 2 * maxD + 2;
  const forward = new Int32Array(size).fill(-1);
  const reverse = new Int32Array(size).fill(-1);
  forward[offset + 1] = 0;
  reverse[offset + 1] = 0;
  const delta = n - m;
  const checkForward = delta % 2 !== 0;
  for (let d = 0; d < maxD; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && forward[offset + k - 1] < forward[offset + k + 1]) ? forward[offset + k + 1] : forward[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) [x, y] = [x + 1, y + 1];
      forward[offset + k] = x;
      if (x > n || y > m || !checkForward) continue;
      const rk = offset + delta - k;
      if (rk >= 0 && rk < size && reverse[rk] !== -1 && x >= n - reverse[rk]) return [x, y];
    }
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && reverse[offset + k - 1] < reverse[offset + k + 1]) ? reverse[offset + k + 1] : reverse[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[aHi - x - 1] === b[bHi - y - 1]) [x, y] = [x + 1, y + 1];
      reverse[offset + k] = x;
      if (x > n || y > m || checkForward) continue;
      const fk = offset + delta - k;
      if (fk >= 0 && fk < size && forward[fk] !== -1) {
        const fx = forward[fk];
        if (fx >= n - x) return [fx, fx - (fk - offset)];
      }
    }
  }
  return undefined;
}

type Op = "same" | "add" | "remove";

/** Appends the edit script of the box to `ops`: common ends first, the middle by bisection. */
function diffBox(a: Int32Array, b: Int32Array, box: Box, ops: Op[]): void {
  let { aLo, aHi, bLo, bHi } = box;
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) [aLo, bLo] = [aLo + 1, bLo + 1];
  for (let i = box.aLo; i < aLo; i++) ops.push("same");
  let suffix = 0;
  while (aHi > aLo && bHi > bLo && a[aHi - 1] === b[bHi - 1]) [aHi, bHi, suffix] = [aHi - 1, bHi - 1, suffix + 1];
  const split = aLo < aHi && bLo < bHi ? middleSnake(a, b, { aLo, aHi, bLo, bHi }) : undefined;
  if (split) {
    const [x, y] = split;
    diffBox(a, b, { aLo, aHi: aLo + x, bLo, bHi: bLo + y }, ops);
    diffBox(a, b, { aLo: aLo + x, aHi, bLo: bLo + y, bHi }, ops);
  } else {
    for (let i = aLo; i < aHi; i++) ops.push("remove");
    for (let j = bLo; j < bHi; j++) ops.push("add");
  }
  for (let i = 0; i < suffix; i++) ops.push("same");
}

/** Within each changed run, removals before additions, as unified diffs show them. */
function groupRuns(ops: Op[]): Op[] {
  const out: Op[] = [];
  for (let i = 0; i < ops.length; ) {
    if (ops[i] === "same") {
      out.push(ops[i++]);
      continue;
    }
    let [removes, adds] = [0, 0];
    for (; i < ops.length && ops[i] !== "same"; i++) {
      if (ops[i] === "remove") removes++;
      else adds++;
    }
    for (let r = 0; r < removes; r++) out.push("remove");
    for (let r = 0; r < adds; r++) out.push("add");
  }
  return out;
}

/** A shortest line diff of two texts; a trailing newline does not make an extra empty line. */
export function diffLines(before: string, after: string): DiffLine[] {
  const [oldLines, newLines] = [splitLines(before), splitLines(after)];
  const [a, b] = interned(oldLines, newLines);
  const ops: Op[] = [];
  diffBox(a, b, { aLo: 0, aHi: a.length, bLo: 0, bHi: b.length }, ops);
  let [i, j] = [0, 0];
  return groupRuns(ops).map((op): DiffLine => {
    if (op === "same") return { kind: op, text: oldLines[i], oldLine: ++i, newLine: ++j };
    if (op === "remove") return { kind: op, text: oldLines[i], oldLine: ++i };
    return { kind: op, text: newLines[j], newLine: ++j };
  });
}

/**
 * The changed regions with `context` unchanged lines around each; regions closer than twice the
 * context merge into one hunk. No hunks when nothing changed.
 */
export function diffHunks(lines: readonly DiffLine[], context = 3): DiffHunk[] {
  const changed = lines.flatMap((line, i) => (line.kind === "same" ? [] : [i]));
  const hunks: DiffHunk[] = [];
  let [shown, oldSeen, newSeen] = [0, 0, 0];
  for (let c = 0; c < changed.length; ) {
    const start = Math.max(0, changed[c] - context);
    let end = changed[c];
    while (c < changed.length && changed[c] - end <= 2 * context + 1) end = changed[c++];
    const stop = Math.min(lines.length, end + context + 1);
    // Lines skipped since the last hunk are unchanged: they count on both sides.
    [oldSeen, newSeen] = [oldSeen + start - shown, newSeen + start - shown];
    const slice = lines.slice(start, stop);
    const oldLines = slice.filter((l) => l.kind !== "add").length;
    const newLines = slice.filter((l) => l.kind !== "remove").length;
    hunks.push({ oldStart: oldSeen + 1, oldLines, newStart: newSeen + 1, newLines, skippedBefore: start - shown, skippedAfter: 0, lines: slice });
    [shown, oldSeen, newSeen] = [stop, oldSeen + oldLines, newSeen + newLines];
  }
  hunks.forEach((h, i) => (h.skippedAfter = i + 1 < hunks.length ? hunks[i + 1].skippedBefore : lines.length - shown));
  return hunks;
}
