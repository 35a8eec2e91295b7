import { deepEqual } from "@/lib/k8s/deep-equal";
import { EMPTY_TREE, sharedTreeOf, type ElementTree } from "./fields-v1-sharing";
import { subtreeFields } from "./created-fields";
import { childrenOf, FieldSet, type Child } from "./field-set";

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
}

/**
 * The fields of `after` that are new, gone or changed relative to `before` (upstream's Compare).
 * Built as trees while walking, and only where the objects differ: writes share untouched
 * subtrees with the stored object, and nothing below a shared subtree can differ.
 */
export function compare(kind: string, before: unknown, after: unknown): Change {
  const root = new ChangeNode();
  compareChildren(kind, childrenOf(kind, [], before ?? {}) ?? [], childrenOf(kind, [], after) ?? [], 0, root);
  return {
    added: FieldSet.ofTree(sharedTreeOf(false, root.added)),
    removed: FieldSet.ofTree(sharedTreeOf(false, root.removed)),
    modified: FieldSet.ofTree(sharedTreeOf(false, root.modified)),
  };
}

/** `depth` is the length of the path to the children's parent. */
function compareChildren(kind: string, was: readonly Child[], now: readonly Child[], depth: number, into: ChangeNode): void {
  // Filled by loops: mapping to [element, child] pairs first allocated a pair per field per write.
  const before = new Map<string, Child>();
  for (const c of was) before.set(c.element, c);
  const after = new Set<string>();
  for (const c of now) after.add(c.element);
  for (const c of was) if (!after.has(c.element)) gather(into.removed, c.element, subtreeFields(kind, [...c.names], c.value, depth + 1));
  for (const c of now) {
    const old = before.get(c.element);
    if (old) compareChild(kind, old, c, depth + 1, into);
    else gather(into.added, c.element, subtreeFields(kind, [...c.names], c.value, depth + 1));
  }
}

function compareChild(kind: string, old: Child, now: Child, depth: number, into: ChangeNode): void {
  if (old.value === now.value) return;
  const [was, is] = [childrenOf(kind, now.names, old.value), childrenOf(kind, now.names, now.value)];
  if (!was || !is || Array.isArray(old.value) !== Array.isArray(now.value)) {
    if (!deepEqual(old.value, now.value)) into.modified.push({ element: now.element, tree: EMPTY_TREE });
    return;
  }
  const below = new ChangeNode();
  compareChildren(kind, was, is, depth, below);
  gather(into.added, now.element, sharedTreeOf(false, below.added));
  gather(into.removed, now.element, sharedTreeOf(false, below.removed));
  gather(into.modified, now.element, sharedTreeOf(false, below.modified));
}

function gather(into: ElementTree[], element: string, tree: ElementTree["tree"] | undefined): void {
  if (tree) into.push({ element, tree });
}
