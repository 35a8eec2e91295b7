import { isRecord, type KubeObject } from "@/lib/k8s/types";
import { sortShort } from "./short-sort";

/**
 * fieldsV1 trees with their equal subtrees shared (hash-consed), frozen.
 *
 * managedFields are nearly half of a pod in memory, and most of every tree is the same from pod
 * to pod: a kubelet owns the same status fields of each of its pods, and only the podIPs entry
 * (keyed by the pod's IP) differs. Sharing subtrees rather than whole trees keeps that one entry
 * per pod and nothing else: about 2.9 KB less a pod.
 */

/** How many subtrees are remembered; past it the table starts again (trees already made stay shared). */
const SUBTREES_LIMIT = 50_000;
const SUBTREES_BY_KEY = new Map<string, Record<string, unknown>>();
const ID_OF_SUBTREE = new WeakMap<object, number>();
const EMPTY: Record<string, unknown> = Object.freeze({});
let nextId = 1;
ID_OF_SUBTREE.set(EMPTY, 0);

/**
 * The shared tree equal to `tree`. A member's `"."` marker alone collapses to `{}`, as upstream
 * writes a member without children. Key order is kept, so the JSON is unchanged. A tree that is
 * not all maps (not a fieldsV1 tree) is returned as it is.
 */
export function shareFieldsV1(tree: Record<string, unknown>): Record<string, unknown> {
  if (ID_OF_SUBTREE.has(tree)) return tree;
  const elements = Object.keys(tree);
  if (elements.length === 1 && elements[0] === "." && isEmptyRecord(tree["."])) return EMPTY;
  const children: Array<Record<string, unknown>> = [];
  for (const element of elements) {
    const value = tree[element];
    const child = isRecord(value) ? shareFieldsV1(value) : undefined;
    if (!child || !ID_OF_SUBTREE.has(child)) return tree;
    children.push(child);
  }
  return elements.length === 0 ? EMPTY : sharedNode(elements, children);
}

/** A tree being built from paths: whether the path to it is a member, and its children. */
interface PathNode {
  member: boolean;
  children: Map<string, PathNode>;
}

/**
 * The shared fieldsV1 tree of a set of paths, each node's children in `order` after its `"."`
 * marker. Built in Maps: plain objects keyed by pod IPs would each make a new hidden class.
 */
export function sharedTreeOfPaths(paths: Iterable<readonly string[]>, order: (a: string, b: string) => number): Record<string, unknown> {
  const root: PathNode = { member: false, children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const element of path) {
      let child = node.children.get(element);
      if (!child) node.children.set(element, (child = { member: false, children: new Map() }));
      node = child;
    }
    node.member = true;
  }
  return sharePathNode(root, order);
}

function sharePathNode(node: PathNode, order: (a: string, b: string) => number): Record<string, unknown> {
  if (node.children.size === 0) return EMPTY;
  const elements = sortShort([...node.children.keys()], order);
  if (node.member) elements.unshift(".");
  const children = elements.map((element) => (element === "." ? EMPTY : sharePathNode(node.children.get(element) as PathNode, order)));
  return sharedNode(elements, children);
}

/** The shared node with these (already shared) children under these elements. */
function sharedNode(elements: readonly string[], children: ReadonlyArray<Record<string, unknown>>): Record<string, unknown> {
  // A child's id stands for its whole subtree, so a key is as long as the node is wide, not deep.
  let key = "";
  for (let i = 0; i < elements.length; i++) key += `${elements[i].length}:${elements[i]}${ID_OF_SUBTREE.get(children[i])},`;
  return SUBTREES_BY_KEY.get(key) ?? remember(key, elements, children);
}

/** Shares the fieldsV1 trees of an object read back from disk (in place: it is not frozen yet). */
export function shareManagedFields(object: KubeObject): void {
  for (const entry of object.metadata?.managedFields ?? []) {
    if (isRecord(entry.fieldsV1)) entry.fieldsV1 = shareFieldsV1(entry.fieldsV1);
  }
}

function isEmptyRecord(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length === 0;
}

function remember(key: string, elements: readonly string[], children: ReadonlyArray<Record<string, unknown>>): Record<string, unknown> {
  const made: Record<string, unknown> = {};
  for (let i = 0; i < elements.length; i++) made[elements[i]] = children[i];
  Object.freeze(made);
  if (SUBTREES_BY_KEY.size >= SUBTREES_LIMIT) SUBTREES_BY_KEY.clear();
  SUBTREES_BY_KEY.set(key, made);
  ID_OF_SUBTREE.set(made, nextId++);
  return made;
}
