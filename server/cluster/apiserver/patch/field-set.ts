import { isRecord } from "@/lib/k8s/types";
import { LruCache } from "@/server/runtime/lru-cache";
import { sharedTreeOfPaths, shareFieldsV1 } from "./fields-v1-sharing";
import { listStrategyAt } from "./merge-keys";

/**
 * Field sets as server-side apply tracks them (upstream's structured-merge-diff `fieldpath.Set`):
 * which fields of an object a manager owns, and their `fieldsV1` spelling in `metadata.managedFields`.
 */

/** One step of a field path, spelled as in fieldsV1: `f:<field>`, `k:<json of the merge key>`, `v:<json of a set item>`. */
export type PathElement = string;
export type FieldPath = readonly PathElement[];

/** A map field or a granular list item below a value, with the field names leading to it (no indices). */
export interface Child {
  element: PathElement;
  names: readonly string[];
  value: unknown;
}

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

/** The children of a map or granular list; undefined for a leaf (scalar, null, atomic list). Unset and server-owned fields are skipped. */
export function childrenOf(kind: string, names: readonly string[], value: unknown): Child[] | undefined {
  if (Array.isArray(value)) return listItems(kind, names, value)?.map((item) => ({ ...item, names }));
  if (!isRecord(value)) return undefined;
  const children: Child[] = [];
  for (const field of Object.keys(value)) {
    const child = value[field];
    if (child !== undefined && !isServerOwned(names, field)) children.push({ element: `f:${field}`, names: [...names, field], value: child });
  }
  return children;
}

export function isListItem(element: PathElement): boolean {
  return element.startsWith("k:") || element.startsWith("v:");
}

const ELEMENT_RANK: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 };

export function compareElements(a: PathElement, b: PathElement): number {
  const rank = (ELEMENT_RANK[a[0]] ?? 4) - (ELEMENT_RANK[b[0]] ?? 4);
  if (rank !== 0) return rank;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePaths(a: FieldPath, b: FieldPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareElements(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

// Decoded trees are kept for the writes that follow soon (a status written again, a manager
// whose fields an update leaves alone), not for every object alive: a pod's own tree would
// otherwise keep its set, some 5 KB, for as long as the pod lives.
const DECODED_TREES_LIMIT = 4096;
const decodedTrees = new LruCache<object, FieldSet>(DECODED_TREES_LIMIT);

const SEPARATOR = "\u0000";

/**
 * A path as one string, for the members map: its elements joined, which costs half of JSON. No
 * element begins with "[" (they begin with "f:", "k:", "v:", "i:" or are "."), so the JSON kept
 * for the rare element holding the separator cannot be mistaken for a joined path.
 */
function pathKey(path: FieldPath): string {
  for (const element of path) if (element.includes(SEPARATOR)) return JSON.stringify(path);
  return path.join(SEPARATOR);
}

const INTERNED_TREES_LIMIT = 10_000;
const internedTrees = new Map<string, Record<string, unknown>>();

/**
 * The shared tree whose JSON is `json`, parsed only the first time: objects stamped from one
 * template (a StatefulSet's pods, a component's events) own the same fields, so the text of a
 * created tree finds its tree without walking it.
 */
export function internFieldsV1Json(json: string): Record<string, unknown> {
  const shared = internedTrees.get(json);
  if (shared) return shared;
  if (internedTrees.size >= INTERNED_TREES_LIMIT) internedTrees.clear();
  const made = shareFieldsV1(JSON.parse(json) as Record<string, unknown>);
  internedTrees.set(json, made);
  return made;
}

/** An immutable set of field paths. Parents are members only when added themselves, as upstream. */
export class FieldSet {
  static readonly empty = new FieldSet(new Map());

  private constructor(private readonly members: ReadonlyMap<string, FieldPath>) {}

  static of(paths: Iterable<FieldPath>): FieldSet {
    const members = new Map<string, FieldPath>();
    for (const path of paths) if (path.length > 0) members.set(pathKey(path), path);
    return new FieldSet(members);
  }

  get isEmpty(): boolean {
    return this.members.size === 0;
  }

  has(path: FieldPath): boolean {
    return this.members.has(pathKey(path));
  }

  /** The members in upstream's order: field names, then keys, then values, depth first. */
  paths(): FieldPath[] {
    return [...this.members.values()].sort(comparePaths);
  }

  // Set operations reuse the members' keys: serializing paths again dominated update costs.
  // Copied with forEach rather than by spreading entries, which made and dropped a [key, path]
  // pair per member at every write.
  union(other: FieldSet): FieldSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    const members = new Map<string, FieldPath>();
    this.members.forEach((path, key) => members.set(key, path));
    other.members.forEach((path, key) => members.set(key, path));
    return new FieldSet(members);
  }

  difference(other: FieldSet): FieldSet {
    if (other.isEmpty || this.isEmpty || !this.overlaps(other)) return this;
    const members = new Map<string, FieldPath>();
    this.members.forEach((path, key) => {
      if (!other.members.has(key)) members.set(key, path);
    });
    return new FieldSet(members);
  }

  intersection(other: FieldSet): FieldSet {
    if (other.isEmpty || this.isEmpty) return FieldSet.empty;
    const [small, large] = this.members.size <= other.members.size ? [this, other] : [other, this];
    const kept = [...small.members].filter(([key]) => large.members.has(key));
    return kept.length === 0 ? FieldSet.empty : new FieldSet(new Map(kept));
  }

  // Most writes leave most managers' fields alone: checking from the smaller side spares copying them.
  private overlaps(other: FieldSet): boolean {
    const [small, large] = this.members.size <= other.members.size ? [this, other] : [other, this];
    for (const key of small.members.keys()) if (large.members.has(key)) return true;
    return false;
  }

  /** Every member's ancestors as members too: what a removal must treat as owned (upstream's EnsureNamedFieldsAreMembers). */
  withAncestors(): FieldSet {
    return FieldSet.of([...this.members.values()].flatMap((path) => path.map((_, i) => path.slice(0, i + 1))));
  }

  /** The fieldsV1 tree: a member with children carries `"."`; a member without children is `{}`. */
  toFieldsV1(): Record<string, unknown> {
    this.encoded ??= sharedTreeOfPaths(this.members.values(), compareElements);
    return this.encoded;
  }

  // FieldSets are immutable, so each is encoded (and decoded, below) once: managers whose fields
  // an update leaves alone are re-encoded on every write otherwise.
  private encoded?: Record<string, unknown>;

  static fromFieldsV1(tree: unknown): FieldSet {
    if (typeof tree === "object" && tree !== null) {
      const cached = decodedTrees.get(tree);
      if (cached) return cached;
      const set = FieldSet.decode(tree);
      decodedTrees.set(tree, set);
      set.encoded = tree as Record<string, unknown>;
      return set;
    }
    return FieldSet.decode(tree);
  }

  private static decode(tree: unknown): FieldSet {
    const paths: FieldPath[] = [];
    const walk = (node: Record<string, unknown>, prefix: FieldPath): void => {
      const entries = Object.entries(node);
      if (entries.length === 0) paths.push(prefix);
      for (const [element, child] of entries) {
        if (element === ".") paths.push(prefix);
        else if (isRecord(child)) walk(child, [...prefix, element]);
      }
    };
    if (isRecord(tree)) walk(tree, []);
    return FieldSet.of(paths);
  }
}

/**
 * The fields an object or applied configuration specifies (upstream's ToFieldSet): scalars and
 * atomic lists, empty or null map fields, and each granular list item itself besides its fields.
 */
export function fromObject(kind: string, obj: unknown): FieldSet {
  const paths: FieldPath[] = [];
  const walk = (names: readonly string[], prefix: FieldPath, value: unknown): void => {
    for (const child of childrenOf(kind, names, value) ?? []) {
      const path = [...prefix, child.element];
      const grandchildren = childrenOf(kind, child.names, child.value);
      const emptyMap = isRecord(child.value) && Object.keys(child.value).length === 0;
      if (grandchildren === undefined || emptyMap || isListItem(child.element)) paths.push(path);
      walk(child.names, path, child.value);
    }
  };
  walk([], [], obj);
  return FieldSet.of(paths);
}

function elementString(element: PathElement): string {
  const body = element.slice(2);
  if (element.startsWith("f:")) return `.${body}`;
  if (element.startsWith("v:")) return `[=${body}]`;
  if (element.startsWith("i:")) return `[${body}]`;
  const key: unknown = JSON.parse(body);
  const parts = isRecord(key) ? Object.keys(key).sort().map((name) => `${name}=${JSON.stringify(key[name])}`) : [];
  return `[${parts.join(",")}]`;
}

/** A path as upstream prints it in conflicts: `.spec.replicas`, `.spec.containers[name="c"].image`. */
export function pathString(path: FieldPath): string {
  return path.map(elementString).join("");
}
