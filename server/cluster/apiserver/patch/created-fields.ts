import { isRecord, type KubeObject } from "@/lib/k8s/types";
import { isServerOwned, listItems } from "./field-set";
import { EMPTY_TREE, sharedTree, type FieldsTree } from "./fields-v1-sharing";
import { sortShort } from "./short-sort";

/**
 * The fields a creator owns: every field of the new object, as comparing it with nothing would
 * find them. Creates are most writes (events above all), and a write that adds a subtree (a
 * kubelet's first status) owns all of it, so this walk builds the shared tree directly.
 */
export function createdFieldsV1(object: KubeObject): FieldsTree | undefined {
  return subtreeFields(object.kind, [], object, 0);
}

// Helpers stay at module level: tsx names every local function it defines, at a cost per call.
function byElement(a: { element: string }, b: { element: string }): number {
  return a.element < b.element ? -1 : 1;
}

function gather(elements: string[], children: FieldsTree[], element: string, tree: FieldsTree | undefined): void {
  if (tree === undefined) return;
  elements.push(element);
  children.push(tree);
}

/**
 * The fields at and below `value`, whose path is `depth` long. Top-level structs are not members
 * (upstream compares typed objects, where they always exist): they appear only to hold members.
 * `names` is the field path so far, pushed and popped in place: it only keys list strategies.
 * Elements come out sorted because every element of one node has the same prefix.
 */
export function subtreeFields(kind: string, names: string[], value: unknown, depth: number): FieldsTree | undefined {
  if (typeof value !== "object" || value === null) return depth > 0 ? EMPTY_TREE : undefined;
  const elements: string[] = [];
  const children: FieldsTree[] = [];
  if (Array.isArray(value)) {
    const items = listItems(kind, names, value);
    for (const item of items ? sortShort(items, byElement) : []) gather(elements, children, item.element, subtreeFields(kind, names, item.value, depth + 1));
  } else if (isRecord(value)) {
    for (const field of sortShort(Object.keys(value))) {
      if (value[field] === undefined || isServerOwned(names, field)) continue;
      names.push(field);
      gather(elements, children, `f:${field}`, subtreeFields(kind, names, value[field], depth + 1));
      names.pop();
    }
  }
  return sharedTree(depth > 1 || (depth === 1 && !isRecord(value)), elements, children);
}
