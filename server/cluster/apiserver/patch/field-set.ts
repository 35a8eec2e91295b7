import { isRecord } from "@/lib/k8s/types";
import { canonicalFieldsV1, EMPTY_TREE, sharedTreeOfPaths, type FieldsTree } from "./fields-v1-sharing";
import { differenceTrees, intersectionTrees, treeHas, treePaths, unionTrees, withAncestorTrees } from "./field-tree";
import { listStrategyAt } from "./merge-keys";
import type { FieldPath, PathElement } from "./path-element";

/**
 * Field sets as server-side apply tracks them (upstream's structured-merge-diff `fieldpath.Set`):
 * which fields of an object a manager owns, and their `fieldsV1` spelling in `metadata.managedFields`.
 */

// Set by the server, so never owned by a manager (upstream's field manager strips these).
const SERVER_OWNED_METADATA = new Set([
  "name",
  "namespace",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "selfLink",
  "managedFields",
]);

export function isServerOwnedMetadata(field: string): boolean {
  return SERVER_OWNED_METADATA.has(field);
}

export function isServerOwned(names: readonly string[], field: string): boolean {
  if (names.length === 0) return field === "apiVersion" || field === "kind";
  return names.length === 1 && names[0] === "metadata" && isServerOwnedMetadata(field);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function itemElement(strategy: ReturnType<typeof listStrategyAt>, item: unknown): PathElement | undefined {
  if (strategy.type === "set") return isScalar(item) ? `v:${JSON.stringify(item)}` : undefined;
  if (strategy.type !== "merge" || !isRecord(item) || !isScalar(item[strategy.key])) return undefined;
  return `k:${JSON.stringify({ [strategy.key]: item[strategy.key] })}`;
}

/**
 * The items of a granular list with their path elements, or undefined when the list is atomic:
 * by its strategy, or because an item lacks its key or repeats one (upstream rejects those; here
 * the list simply stays whole).
 */
export function listItems(kind: string, names: readonly string[], list: readonly unknown[]): Array<{ element: PathElement; value: unknown }> | undefined {
  const strategy = listStrategyAt(kind, names);
  const items: Array<{ element: PathElement; value: unknown }> = [];
  const seen = new Set<PathElement>();
  for (const value of list) {
    const element = itemElement(strategy, value);
    if (element === undefined || seen.has(element)) return undefined;
    seen.add(element);
    items.push({ element, value });
  }
  return items;
}

/** An immutable set of field paths, held as its shared fieldsV1 tree. Parents are members only when added themselves, as upstream. */
export class FieldSet {
  static readonly empty = new FieldSet(EMPTY_TREE);

  private constructor(private readonly tree: FieldsTree) {}

  static of(paths: Iterable<FieldPath>): FieldSet {
    return FieldSet.ofTree(sharedTreeOfPaths(paths));
  }

  /** The set a shared tree (root not a member) stands for; none for undefined. */
  static ofTree(tree: FieldsTree | undefined): FieldSet {
    return tree === undefined || tree === EMPTY_TREE ? FieldSet.empty : new FieldSet(tree);
  }

  /** The set a fieldsV1 tree from anywhere stands for: shared trees as they are, others made canonical. */
  static fromFieldsV1(tree: unknown): FieldSet {
    return FieldSet.ofTree(canonicalFieldsV1(tree));
  }

  get isEmpty(): boolean {
    return this.tree === EMPTY_TREE;
  }

  has(path: FieldPath): boolean {
    return treeHas(this.tree, path);
  }

  /** The members in upstream's order: field names, then keys, then values, depth first. */
  paths(): FieldPath[] {
    return treePaths(this.tree, [], []);
  }

  union(other: FieldSet): FieldSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    return new FieldSet(unionTrees(this.tree, other.tree));
  }

  difference(other: FieldSet): FieldSet {
    if (other.isEmpty || this.isEmpty) return this;
    return FieldSet.ofTree(differenceTrees(this.tree, other.tree, true));
  }

  intersection(other: FieldSet): FieldSet {
    if (other.isEmpty || this.isEmpty) return FieldSet.empty;
    return FieldSet.ofTree(intersectionTrees(this.tree, other.tree, true));
  }

  /** Every member's ancestors as members too: what a removal must treat as owned (upstream's EnsureNamedFieldsAreMembers). */
  withAncestors(): FieldSet {
    return this.isEmpty ? this : new FieldSet(withAncestorTrees(this.tree, true));
  }

  /** The fieldsV1 tree: a member with children carries `"."`; a member without children is `{}`. */
  toFieldsV1(): FieldsTree {
    return this.tree;
  }
}
