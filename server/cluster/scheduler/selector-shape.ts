/**
 * What an affinity term's label selector looks like to the indexes, so matching pods can be
 * counted without visiting every pod:
 *
 * - `anchored`: it pins a key to finitely many values (matchLabels, In). Only pods carrying
 *   one of those key=value pairs can match, so they are looked up in a label index.
 * - `singleKey`: every requirement is on one key and none pins values (Exists, NotIn,
 *   DoesNotExist, or nothing at all: `{}`). The number of matching pods follows from counts
 *   of that key and its values, as in the LWS exclusive-topology anti-affinity
 *   `{group-key Exists, group-key NotIn [own]}`.
 * - `general`: anything else; the pods are visited.
 */
import type { Selector } from "@/lib/k8s/label-selector";

export interface Anchor {
  key: string;
  values: readonly string[];
}

export type SelectorShape =
  | { kind: "anchored"; anchors: readonly Anchor[] }
  | SingleKeyShape
  | { kind: "general" };

export interface SingleKeyShape {
  kind: "singleKey";
  /** undefined when the selector has no requirements and selects every pod. */
  key: string | undefined;
  requiresKey: boolean;
  forbidsKey: boolean;
  /** Values the key must not have. */
  excluded: readonly string[];
}

const FINITE = new Set(["=", "==", "in"]);

export function selectorShape(selector: Selector): SelectorShape {
  const anchors = selector.filter((r) => FINITE.has(r.operator)).map((r) => ({ key: r.key, values: r.values }));
  if (anchors.length > 0) return { kind: "anchored", anchors };
  const keys = new Set(selector.map((r) => r.key));
  if (keys.size > 1 || selector.some((r) => r.operator === "gt" || r.operator === "lt")) return { kind: "general" };
  return {
    kind: "singleKey",
    key: selector[0]?.key,
    requiresKey: selector.some((r) => r.operator === "exists"),
    forbidsKey: selector.some((r) => r.operator === "!"),
    excluded: [...new Set(selector.filter((r) => r.operator === "notin" || r.operator === "!=").flatMap((r) => r.values))],
  };
}
