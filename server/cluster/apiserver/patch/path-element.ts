import { isRecord } from "@/lib/k8s/types";

/** One step of a field path, spelled as in fieldsV1: `f:<field>`, `k:<json of the merge key>`, `v:<json of a set item>`. */
export type PathElement = string;
export type FieldPath = readonly PathElement[];

const ELEMENT_RANK: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 };

/** Upstream's order of elements: field names, then keys, then values, each by text. */
export function compareElements(a: PathElement, b: PathElement): number {
  const rank = (ELEMENT_RANK[a[0]] ?? 4) - (ELEMENT_RANK[b[0]] ?? 4);
  if (rank !== 0) return rank;
  return a < b ? -1 : a > b ? 1 : 0;
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
