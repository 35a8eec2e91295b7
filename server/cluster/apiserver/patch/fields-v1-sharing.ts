import { isRecord, type KubeObject } from "@/lib/k8s/types";
import { compareElements } from "./path-element";
import { sortShort } from "./short-sort";

/**
 * fieldsV1 trees in one canonical form (a member's `"."` first, then its elements in upstream's
 * order), with equal subtrees shared (hash-consed) and frozen.
 *
 * managedFields are nearly half of a pod in memory, and most of every tree is the same from pod
 * to pod: a kubelet owns the same status fields of each of its pods, and only the podIPs entry
 * (keyed by the pod's IP) differs. Sharing subtrees rather than whole trees keeps that one entry
 * per pod and nothing else: about 2.9 KB less a pod. Sharing also makes a field set's tree its
 * own fieldsV1, and equal subtrees one object: set operations skip them by identity.
 */
export type FieldsTree = Record<string, unknown>;

/** How many subtrees are remembered; past it the table starts again (trees already made stay shared). */
const SUBTREES_LIMIT = 50_000;
const ID_OF_SUBTREE = new WeakMap<object, number>();
let nextId = 1;

/** A remembered node with what it was made of, to tell it apart from others of the same hash. */
interface Remembered {
  tree: FieldsTree;
  member: boolean;
  elements: string[];
  children: FieldsTree[];
}

// Nodes by a hash of their member flag, their elements' numbers and their children's ids: one
// lookup of a number, where a key spelled out as text cost a string to build and hash per node.
const SUBTREES_BY_HASH = new Map<number, Remembered[]>();
const ELEMENT_NUMBERS = new Map<string, number>();
let remembered = 0;

/** A member without children, and the empty set's root. */
export const EMPTY_TREE: FieldsTree = Object.freeze({});
ID_OF_SUBTREE.set(EMPTY_TREE, 0);

export const MEMBER = ".";

/** Whether `tree` is canonical and shared already: every tree this module makes is. */
function isSharedTree(tree: object): boolean {
  return ID_OF_SUBTREE.has(tree);
}

function elementNumber(element: string): number {
  let n = ELEMENT_NUMBERS.get(element);
  if (n === undefined) ELEMENT_NUMBERS.set(element, (n = ELEMENT_NUMBERS.size + 1));
  return n;
}

function hashOf(member: boolean, elements: readonly string[], children: readonly FieldsTree[], start: number, end: number): number {
  let h = member ? 0x2545f491 : 0x6b43a9b5;
  for (let i = start; i < end; i++) {
    h = Math.imul(h ^ elementNumber(elements[i]), 0x85ebca6b);
    h = Math.imul(h ^ (ID_OF_SUBTREE.get(children[i]) as number), 0xc2b2ae35);
    h ^= h >>> 15;
  }
  return h;
}

function sameNode(node: Remembered, member: boolean, elements: readonly string[], children: readonly FieldsTree[], start: number, end: number): boolean {
  if (node.member !== member || node.elements.length !== end - start) return false;
  for (let i = start; i < end; i++) if (node.elements[i - start] !== elements[i] || node.children[i - start] !== children[i]) return false;
  return true;
}

/**
 * The shared node with these (shared) children under these elements, in upstream's order
 * already; undefined for a node that is neither a member nor holds one. The node's elements are
 * those from `start` to `end`, so that a walk can keep every level's elements on one stack.
 */
export function sharedTree(member: boolean, elements: readonly string[], children: readonly FieldsTree[], start = 0, end = elements.length): FieldsTree | undefined {
  if (start === end) return member ? EMPTY_TREE : undefined;
  const hash = hashOf(member, elements, children, start, end);
  const bucket = SUBTREES_BY_HASH.get(hash);
  if (bucket) for (const node of bucket) if (sameNode(node, member, elements, children, start, end)) return node.tree;
  return remember(hash, member, elements.slice(start, end), children.slice(start, end));
}

function remember(hash: number, member: boolean, elements: string[], children: FieldsTree[]): FieldsTree {
  const tree: FieldsTree = {};
  if (member) tree[MEMBER] = EMPTY_TREE;
  for (let i = 0; i < elements.length; i++) tree[elements[i]] = children[i];
  Object.freeze(tree);
  ID_OF_SUBTREE.set(tree, nextId++);
  // Element numbers go with the table: both start again, so no number outlives the nodes hashed by it.
  if (remembered >= SUBTREES_LIMIT) {
    SUBTREES_BY_HASH.clear();
    ELEMENT_NUMBERS.clear();
    remembered = 0;
    return tree;
  }
  const node = { tree, member, elements, children };
  const bucket = SUBTREES_BY_HASH.get(hash);
  if (bucket) bucket.push(node);
  else SUBTREES_BY_HASH.set(hash, [node]);
  remembered++;
  return tree;
}

/** An element and the shared subtree below it, while a node's children are gathered. */
export interface ElementTree {
  element: string;
  tree: FieldsTree;
}

function byElement(a: ElementTree, b: ElementTree): number {
  return compareElements(a.element, b.element);
}

/** The shared node of children gathered in any order. */
export function sharedTreeOf(member: boolean, children: ElementTree[]): FieldsTree | undefined {
  sortShort(children, byElement);
  const elements: string[] = [];
  const trees: FieldsTree[] = [];
  for (const child of children) {
    elements.push(child.element);
    trees.push(child.tree);
  }
  return sharedTree(member, elements, trees);
}

/**
 * The canonical shared tree of a fieldsV1 tree from elsewhere (disk, a client): keys in
 * upstream's order, `{".":{}}` as `{}`, and anything that is not a map dropped. The root is
 * never a member (a set holds no empty path).
 */
export function canonicalFieldsV1(tree: unknown): FieldsTree {
  if (!isRecord(tree)) return EMPTY_TREE;
  if (isSharedTree(tree)) return tree;
  return canonicalNode(tree, true) ?? EMPTY_TREE;
}

function canonicalNode(node: FieldsTree, root: boolean): FieldsTree | undefined {
  const children: ElementTree[] = [];
  for (const element of Object.keys(node)) {
    const child = node[element];
    if (element === MEMBER || !isRecord(child)) continue;
    const shared = isSharedTree(child) ? child : canonicalNode(child, false);
    if (shared) children.push({ element, tree: shared });
  }
  // fieldsV1 writes a member without children as {}.
  const member = !root && (MEMBER in node || Object.keys(node).length === 0);
  return sharedTreeOf(member, children);
}

/** A tree being built from paths: whether the path to it is a member, and its children. */
interface PathNode {
  member: boolean;
  children: Map<string, PathNode>;
}

/** The shared fieldsV1 tree of a set of paths. */
export function sharedTreeOfPaths(paths: Iterable<readonly string[]>): FieldsTree {
  const root: PathNode = { member: false, children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const element of path) {
      let child = node.children.get(element);
      if (!child) node.children.set(element, (child = { member: false, children: new Map() }));
      node = child;
    }
    node.member = node !== root;
  }
  return sharePathNode(root) ?? EMPTY_TREE;
}

function sharePathNode(node: PathNode): FieldsTree | undefined {
  const children: ElementTree[] = [];
  node.children.forEach((child, element) => {
    const tree = sharePathNode(child);
    if (tree) children.push({ element, tree });
  });
  return sharedTreeOf(node.member, children);
}

/** Shares the fieldsV1 trees of an object read back from disk (in place: it is not frozen yet). */
export function shareManagedFields(object: KubeObject): void {
  for (const entry of object.metadata?.managedFields ?? []) {
    if (isRecord(entry.fieldsV1)) entry.fieldsV1 = canonicalFieldsV1(entry.fieldsV1);
  }
}
