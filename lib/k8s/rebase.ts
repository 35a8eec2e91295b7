import { deepEqual } from "./deep-equal";
import { isRecord } from "./types";

/** A change someone else made that can be laid over my edits; `value` undefined means they removed it. */
export interface TheirChange {
  path: string[];
  /** what it was when I started, undefined if they added it */
  before: unknown;
  value: unknown;
}

/** A field we both changed, differently: mine is kept, theirs is reported. */
export interface RebaseConflict {
  path: string[];
  mine: unknown;
  theirs: unknown;
}

export interface Rebase {
  changes: TheirChange[];
  conflicts: RebaseConflict[];
}

/**
 * Three-way merge of JSON objects, for "the object changed while you were editing it": what
 * they changed (base → theirs) and I did not (base → mine) is taken; what we both changed the
 * same way is nothing to do; what we both changed differently is a conflict. Maps merge key by
 * key; lists and scalars are replaced whole, as a merge patch would.
 */
export function rebase(base: unknown, mine: unknown, theirs: unknown): Rebase {
  const result: Rebase = { changes: [], conflicts: [] };
  walk([], base, mine, theirs, result);
  return result;
}

function walk(path: string[], base: unknown, mine: unknown, theirs: unknown, out: Rebase): void {
  if (deepEqual(base, theirs) || deepEqual(mine, theirs)) return;
  // Maps are descended into even where I left them alone: the smallest changes keep the most of my text.
  if (isRecord(base) && isRecord(mine) && isRecord(theirs)) {
    for (const key of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) walk([...path, key], base[key], mine[key], theirs[key], out);
    return;
  }
  if (deepEqual(base, mine)) out.changes.push({ path, before: base, value: theirs });
  else out.conflicts.push({ path, mine, theirs });
}
