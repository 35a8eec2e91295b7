import { isRecord, type KubeObject } from "@/lib/k8s/types";
import { internFieldsV1Json, isServerOwned, listItems } from "./field-set";
import { sortShort } from "./short-sort";

/**
 * The fieldsV1 tree a creator owns: every field of the new object, as comparing it with nothing
 * would find them. Creates are most writes (events above all), so the tree is written straight
 * out as its JSON text in one walk, which is also the key that finds the shared (interned) tree
 * every object of the same shape owns: the tree itself is parsed only for a new shape.
 */
export function createdFieldsV1(object: KubeObject): Record<string, unknown> | undefined {
  const json = nodeJson(object.kind, [], object, 0);
  return json === undefined ? undefined : internFieldsV1Json(json);
}

const PLAIN_KEY = /^[^"\\\u0000-\u001f\u007f-\uffff]*$/;

function quoted(element: string): string {
  return PLAIN_KEY.test(element) ? `"${element}"` : JSON.stringify(element);
}

// Helpers stay at module level: tsx names every local function it defines, at a cost per call.
function byElement(a: { element: string }, b: { element: string }): number {
  return a.element < b.element ? -1 : 1;
}

function withMember(body: string, element: string, json: string | undefined): string {
  return json === undefined ? body : `${body ? `${body},` : ""}${quoted(element)}:${json}`;
}

/** `names` is the field path so far, pushed and popped in place: it only keys list strategies. */
function nodeJson(kind: string, names: string[], value: unknown, depth: number): string | undefined {
  let body = "";
  if (Array.isArray(value)) {
    const items = listItems(kind, names, value);
    for (const item of items ? sortShort(items, byElement) : []) body = withMember(body, item.element, nodeJson(kind, names, item.value, depth + 1));
  } else if (isRecord(value)) {
    for (const field of sortShort(Object.keys(value))) {
      if (value[field] === undefined || isServerOwned(names, field)) continue;
      names.push(field);
      body = withMember(body, `f:${field}`, nodeJson(kind, names, value[field], depth + 1));
      names.pop();
    }
  }
  // Top-level structs are not members (upstream compares typed objects, where they always exist):
  // they appear only to hold members.
  const member = depth > 1 || (depth === 1 && !isRecord(value));
  if (!member) return body ? `{${body}}` : undefined;
  return body ? `{".":{},${body}}` : "{}";
}
