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
const SUBTREES_BY_KEY = new Map<string, FieldsTree>();
const ID_OF_SUBTREE = new WeakMap<object, number>();
let nextId = 1;

/** A member without children, and the empty set's root. */
export const EMPTY_TREE: FieldsTree = Object.freeze({});
ID_OF_SUBTREE.set(EMPTY_TREE, 0);

export const MEMBER = ".";

/** Whether `tree` is canonical and shared already: every tree this module makes is. */
export function isSharedTree(tree: object): boolean {
  return ID_OF_SUBTREE.has(tree);
}

// The key part a member's "." marker adds, as any element's part is spelled.
const MEMBER_KEY = `${MEMBER.length}:${MEMBER}0,`;

/**
 * The shared node with these (shared) children under these elements, in upstream's order
 * already; undefined for a node that is neither a member nor holds one. The node's elements are
 * those from `start` to `end`, so that a walk can keep every level's elements on one stack.
 */
export function sharedTree(member: boolean, elements: readonly string[], children: readonly FieldsTree[], start = 0, end = elements.length): FieldsTree | undefined {
  if (start === end) return member ? EMPTY_TREE : undefined;
  // A child's id stands for its whole subtree, so a key is as long as the node is wide, not deep.
  let key = member ? MEMBER_KEY : "";
  for (let i = start; i < end; i++) key += `${elements[i].length}:${elements[i]}${ID_OF_SUBTREE.get(children[i])},`;
  return SUBTREES_BY_KEY.get(key) ?? remember(key, member, elements, children, start, end);
}

function remember(key: string, member: boolean, elements: readonly string[], children: readonly FieldsTree[], start: number, end: number): FieldsTree {
  const made: FieldsTree = {};
  if (member) made[MEMBER] = EMPTY_TREE;
  for (let i = start; i < end; i++) made[elements[i]] = children[i];
  Object.freeze(made);
  if (SUBTREES_BY_KEY.size >= SUBTREES_LIMIT) SUBTREES_BY_KEY.clear();
  SUBTREES_BY_KEY.set(key, made);
  ID_OF_SUBTREE.set(made, nextId++);
  return made;
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
