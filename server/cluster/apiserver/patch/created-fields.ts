import { isRecord, type KubeObject } from "@/lib/k8s/types";
import { isServerOwned, listItems } from "./field-set";
import { EMPTY_TREE, sharedTree, type FieldsTree } from "./fields-v1-sharing";

/**
 * The fields a creator owns: every field of the new object, as comparing it with nothing would
 * find them. Creates are most writes (events above all), and a write that adds a subtree (a
 * kubelet's first status) owns all of it, so this walk builds the shared tree directly.
 */
export function createdFieldsV1(object: KubeObject): FieldsTree | undefined {
  return subtreeFields(object.kind, [], object, 0);
}

// Every level of the walk keeps its elements and subtrees on these two stacks, from the height
// it found them at: arrays per node were the walk's largest allocation. The stacks never shrink
// (`top` marks their height), as a shortened array is given a new store when it grows again.
const ELEMENTS: string[] = [];
const SUBTREES: FieldsTree[] = [];
let top = 0;

const FIELD_ELEMENTS_LIMIT = 10_000;
const FIELD_ELEMENTS = new Map<string, string>();

/** `f:<field>`, one string per field name: a key built from it then needs no flattening. */
export function fieldElement(field: string): string {
  let element = FIELD_ELEMENTS.get(field);
  if (element === undefined) {
    if (FIELD_ELEMENTS.size >= FIELD_ELEMENTS_LIMIT) FIELD_ELEMENTS.clear();
    FIELD_ELEMENTS.set(field, (element = `f:${field}`));
  }
  return element;
}

function push(element: string, tree: FieldsTree | undefined): void {
  if (tree === undefined) return;
  ELEMENTS[top] = element;
  SUBTREES[top] = tree;
  top++;
}

/** Sorts the stacks' entries from `start` by element, by insertion: one node's few elements share a prefix. */
function sortFrom(start: number): void {
  for (let i = start + 1; i < top; i++) {
    const element = ELEMENTS[i];
    const tree = SUBTREES[i];
    let j = i - 1;
    for (; j >= start && ELEMENTS[j] > element; j--) {
      ELEMENTS[j + 1] = ELEMENTS[j];
      SUBTREES[j + 1] = SUBTREES[j];
    }
    ELEMENTS[j + 1] = element;
    SUBTREES[j + 1] = tree;
  }
}

function pushChildren(kind: string, names: string[], value: object, depth: number): void {
  if (Array.isArray(value)) {
    for (const item of listItems(kind, names, value) ?? []) push(item.element, subtreeFields(kind, names, item.value, depth + 1));
    return;
  }
  const record = value as Record<string, unknown>;
  for (const field in record) {
    if (record[field] === undefined || isServerOwned(names, field)) continue;
    names.push(field);
    push(fieldElement(field), subtreeFields(kind, names, record[field], depth + 1));
    names.pop();
  }
}

/**
 * The fields at and below `value`, whose path is `depth` long. Top-level structs are not members
 * (upstream compares typed objects, where they always exist): they appear only to hold members.
 * `names` is the field path so far, pushed and popped in place: it only keys list strategies.
 */
export function subtreeFields(kind: string, names: string[], value: unknown, depth: number): FieldsTree | undefined {
  if (typeof value !== "object" || value === null) return depth > 0 ? EMPTY_TREE : undefined;
  const start = top;
  try {
    pushChildren(kind, names, value, depth);
    sortFrom(start);
    return sharedTree(depth > 1 || (depth === 1 && !isRecord(value)), ELEMENTS, SUBTREES, start, top);
  } finally {
    top = start;
  }
}
