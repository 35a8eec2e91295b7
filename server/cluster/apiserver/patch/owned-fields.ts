import { isRecord, type KubeObject } from "@/lib/k8s/types";
import { FieldSet, isServerOwned, listItems } from "./field-set";
import { EMPTY_TREE, sharedTree, type FieldsTree } from "./fields-v1-sharing";

/**
 * The fields a writer owns, built as shared trees in one walk of the object: every field of what
 * it created (or of a subtree a write added), or every field an applied configuration specifies.
 * The two differ only in which nodes are members.
 */

/** Whether the node at a path `depth` long is a member; `leaf` is a scalar, null or atomic list. */
type MemberRule = (value: unknown, depth: number, listItem: boolean, leaf: boolean) => boolean;

// Comparing with nothing finds every field and list item, except that top-level structs are not
// members (upstream compares typed objects, where those always exist): they only hold members.
const CREATED: MemberRule = (value, depth) => depth > 1 || (depth === 1 && !isRecord(value));

// Upstream's ToFieldSet: scalars and atomic lists, empty or null map fields, and each granular
// list item itself besides its fields.
const SPECIFIED: MemberRule = (value, depth, listItem, leaf) => depth > 0 && (leaf || listItem || (isRecord(value) && Object.keys(value).length === 0));

/** The fields a creator owns: every field of the new object. Creates are most writes (events above all). */
export function createdFieldsV1(object: KubeObject): FieldsTree | undefined {
  return fieldsAt(object.kind, [], object, 0, false, CREATED);
}

/** The fields of `value`, at a path `depth` long (with field `names`), as a write that added it owns them. */
export function subtreeFields(kind: string, names: string[], value: unknown, depth: number): FieldsTree | undefined {
  return fieldsAt(kind, names, value, depth, false, CREATED);
}

/** The fields an object or applied configuration specifies (upstream's ToFieldSet). */
export function fromObject(kind: string, obj: unknown): FieldSet {
  return FieldSet.ofTree(fieldsAt(kind, [], obj, 0, false, SPECIFIED));
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

/** Pushes the trees of a map's fields or a granular list's items; false for an atomic list (a leaf). */
function pushChildren(kind: string, names: string[], value: object, depth: number, rule: MemberRule): boolean {
  if (Array.isArray(value)) {
    const items = listItems(kind, names, value);
    for (const item of items ?? []) push(item.element, fieldsAt(kind, names, item.value, depth + 1, true, rule));
    return items !== undefined;
  }
  const record = value as Record<string, unknown>;
  for (const field in record) {
    if (record[field] === undefined || isServerOwned(names, field)) continue;
    names.push(field);
    push(fieldElement(field), fieldsAt(kind, names, record[field], depth + 1, false, rule));
    names.pop();
  }
  return true;
}

/** `names` is the field path so far, pushed and popped in place: it only keys list strategies. */
function fieldsAt(kind: string, names: string[], value: unknown, depth: number, listItem: boolean, rule: MemberRule): FieldsTree | undefined {
  if (typeof value !== "object" || value === null) return rule(value, depth, listItem, true) ? EMPTY_TREE : undefined;
  const start = top;
  try {
    const leaf = !pushChildren(kind, names, value, depth, rule);
    sortFrom(start);
    return sharedTree(rule(value, depth, listItem, leaf), ELEMENTS, SUBTREES, start, top);
  } finally {
    top = start;
  }
}
