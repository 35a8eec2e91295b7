import { EMPTY_TREE, MEMBER, sharedTree, type FieldsTree } from "./fields-v1-sharing";
import { compareElements, type FieldPath, type PathElement } from "./path-element";

/**
 * Set operations on shared fieldsV1 trees, node by node as upstream's `fieldpath.Set` does them.
 * Below the root a node is a member when it is `{}` or carries `"."`; its other elements are its
 * children, in upstream's order. Equal subtrees are one object, so an operation stops where its
 * operands meet, and costs what they differ by rather than what they hold.
 */

function isMemberTree(tree: FieldsTree): boolean {
  return tree === EMPTY_TREE || MEMBER in tree;
}

/** The child elements of a node, without its member marker. */
function childElements(tree: FieldsTree): string[] {
  const elements = Object.keys(tree);
  if (elements[0] === MEMBER) elements.shift();
  return elements;
}

function childOf(tree: FieldsTree, element: PathElement): FieldsTree | undefined {
  return Object.hasOwn(tree, element) ? (tree[element] as FieldsTree) : undefined;
}

/** Everything in either tree. */
export function unionTrees(a: FieldsTree, b: FieldsTree): FieldsTree {
  if (a === b) return a;
  const [ea, eb] = [childElements(a), childElements(b)];
  const elements: string[] = [];
  const children: FieldsTree[] = [];
  let [i, j] = [0, 0];
  while (i < ea.length || j < eb.length) {
    const order = i === ea.length ? 1 : j === eb.length ? -1 : compareElements(ea[i], eb[j]);
    const element = order <= 0 ? ea[i] : eb[j];
    const child = order < 0 ? a[ea[i]] : order > 0 ? b[eb[j]] : unionTrees(a[ea[i]] as FieldsTree, b[eb[j]] as FieldsTree);
    elements.push(element);
    children.push(child as FieldsTree);
    if (order <= 0) i++;
    if (order >= 0) j++;
  }
  return sharedTree(isMemberTree(a) || isMemberTree(b), elements, children) as FieldsTree;
}

/** What `a` holds and `b` does not; undefined when nothing is left. */
export function differenceTrees(a: FieldsTree, b: FieldsTree, root = false): FieldsTree | undefined {
  if (a === b) return undefined;
  const member = !root && isMemberTree(a) && !isMemberTree(b);
  const elements: string[] = [];
  const children: FieldsTree[] = [];
  let changed = member !== (!root && isMemberTree(a));
  for (const element of childElements(a)) {
    const child = a[element] as FieldsTree;
    const other = childOf(b, element);
    const left = other ? differenceTrees(child, other) : child;
    changed ||= left !== child;
    if (left) {
      elements.push(element);
      children.push(left);
    }
  }
  return changed ? sharedTree(member, elements, children) : a;
}

/** What both trees hold; undefined when nothing is. */
export function intersectionTrees(a: FieldsTree, b: FieldsTree, root = false): FieldsTree | undefined {
  if (a === b) return a;
  const elements: string[] = [];
  const children: FieldsTree[] = [];
  for (const element of childElements(a)) {
    const other = childOf(b, element);
    const both = other ? intersectionTrees(a[element] as FieldsTree, other) : undefined;
    if (both) {
      elements.push(element);
      children.push(both);
    }
  }
  return sharedTree(!root && isMemberTree(a) && isMemberTree(b), elements, children);
}

/** The tree with every node below the root a member (upstream's EnsureNamedFieldsAreMembers). */
export function withAncestorTrees(tree: FieldsTree, root = false): FieldsTree {
  const elements = childElements(tree);
  const children = elements.map((element) => withAncestorTrees(tree[element] as FieldsTree));
  return sharedTree(!root, elements, children) ?? EMPTY_TREE;
}

/** The members in upstream's order: depth first, a member before what it holds. */
export function treePaths(tree: FieldsTree, prefix: FieldPath, out: FieldPath[]): FieldPath[] {
  if (prefix.length > 0 && isMemberTree(tree)) out.push(prefix);
  for (const element of childElements(tree)) treePaths(tree[element] as FieldsTree, [...prefix, element], out);
  return out;
}

export function treeHas(tree: FieldsTree, path: FieldPath): boolean {
  let node: FieldsTree | undefined = tree;
  for (const element of path) {
    node = childOf(node, element);
    if (!node) return false;
  }
  return path.length > 0 && isMemberTree(node);
}
