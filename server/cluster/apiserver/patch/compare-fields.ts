import { deepEqual } from "@/lib/k8s/deep-equal";
import { isRecord } from "@/lib/k8s/types";
import { fieldElement, subtreeFields } from "./owned-fields";
import { EMPTY_TREE, sharedTreeOf, type ElementTree, type FieldsTree } from "./fields-v1-sharing";
import { FieldSet, isServerOwned, listItems } from "./field-set";

/** The fields an object write added, removed and changed. */
export interface Change {
  added: FieldSet;
  removed: FieldSet;
  modified: FieldSet;
}

/** The changes below one node, gathered as its children's trees. */
class ChangeNode {
  readonly added: ElementTree[] = [];
  readonly removed: ElementTree[] = [];
  readonly modified: ElementTree[] = [];

  /** Files the changes below `element` (gathered in `below`) under it. */
  take(element: string, below: ChangeNode): void {
    gather(this.added, element, sharedTreeOf(false, below.added));
    gather(this.removed, element, sharedTreeOf(false, below.removed));
    gather(this.modified, element, sharedTreeOf(false, below.modified));
  }
}

function gather(into: ElementTree[], element: string, tree: FieldsTree | undefined): void {
  if (tree) into.push({ element, tree });
}

/**
 * The fields of `after` that are new, gone or changed relative to `before` (upstream's Compare).
 * Built as trees while walking, and only where the objects differ: writes share untouched
 * subtrees with the stored object, and nothing below a shared subtree can differ. `names` (the
 * field path, for list strategies) is pushed and popped in place.
 */
export function compare(kind: string, before: unknown, after: unknown): Change {
  const root = new ChangeNode();
  if (isRecord(after)) compareRecords(kind, [], isRecord(before) ? before : {}, after, 0, root);
  return {
    added: FieldSet.ofTree(sharedTreeOf(false, root.added)),
    removed: FieldSet.ofTree(sharedTreeOf(false, root.removed)),
    modified: FieldSet.ofTree(sharedTreeOf(false, root.modified)),
  };
}

function own(record: Record<string, unknown>, field: string): unknown {
  return Object.hasOwn(record, field) ? record[field] : undefined;
}

/** `depth` is the length of the path to the records. */
function compareRecords(kind: string, names: string[], was: Record<string, unknown>, now: Record<string, unknown>, depth: number, into: ChangeNode): void {
  for (const field in was) {
    if (was[field] === undefined || own(now, field) !== undefined || isServerOwned(names, field)) continue;
    names.push(field);
    gather(into.removed, fieldElement(field), subtreeFields(kind, names, was[field], depth + 1));
    names.pop();
  }
  for (const field in now) {
    const value = now[field];
    if (value === undefined || isServerOwned(names, field)) continue;
    const old = own(was, field);
    names.push(field);
    if (old === undefined) gather(into.added, fieldElement(field), subtreeFields(kind, names, value, depth + 1));
    else compareValues(kind, names, fieldElement(field), old, value, depth + 1, into);
    names.pop();
  }
}

type Items = NonNullable<ReturnType<typeof listItems>>;

function compareItems(kind: string, names: string[], was: Items, now: Items, depth: number, into: ChangeNode): void {
  const before = new Map<string, unknown>();
  for (const item of was) before.set(item.element, item.value);
  const after = new Set<string>();
  for (const item of now) after.add(item.element);
  for (const item of was) if (!after.has(item.element)) gather(into.removed, item.element, subtreeFields(kind, names, item.value, depth + 1));
  for (const item of now) {
    if (!before.has(item.element)) gather(into.added, item.element, subtreeFields(kind, names, item.value, depth + 1));
    else compareValues(kind, names, item.element, before.get(item.element), item.value, depth + 1, into);
  }
}

/** Compares the values at `element`, whose path is `depth` long: maps field by field, granular lists item by item, the rest whole. */
function compareValues(kind: string, names: string[], element: string, was: unknown, now: unknown, depth: number, into: ChangeNode): void {
  if (was === now) return;
  if (isRecord(was) && isRecord(now)) {
    const below = new ChangeNode();
    compareRecords(kind, names, was, now, depth, below);
    return into.take(element, below);
  }
  const [wasItems, nowItems] = Array.isArray(was) && Array.isArray(now) ? [listItems(kind, names, was), listItems(kind, names, now)] : [];
  if (wasItems && nowItems) {
    const below = new ChangeNode();
    compareItems(kind, names, wasItems, nowItems, depth, below);
    return into.take(element, below);
  }
  if (!deepEqual(was, now)) into.modified.push({ element, tree: EMPTY_TREE });
}
