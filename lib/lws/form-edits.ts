/**
 * One form edit applied to a parsed YAML document in place, through the yaml Document API, so
 * comments, key order and every field the form does not know stay as the user wrote them.
 */
import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Node } from "yaml";
import { deepEqual } from "@/lib/k8s/deep-equal";
import { integer } from "@/lib/k8s/object-fields";
import { ANNOTATIONS, DEFAULTS } from "./constants";
import {
  annotationPath,
  CLAIM_KEYS,
  CLAIMS_PATH,
  claimField,
  SCALAR_FIELDS,
  SUBGROUP_POLICY_PATH,
  TEMPLATE_PATHS,
  type FieldRef,
  type Path,
  type PathField,
  type VolumeClaimValues,
} from "./form-fields";
import { readForm, valueAt } from "./form-values";

const INTEGER = /^-?\d+$/;

/** The YAML value a form value is written as; undefined means "delete the key". */
function yamlValue(doc: Document, kind: PathField["kind"], value: unknown): unknown {
  if (kind === "count") return typeof value === "number" && Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (kind === "list") {
    if (!Array.isArray(value) || value.length === 0) return undefined;
    const list = doc.createNode(value);
    list.flow = true;
    return list;
  }
  const typed = typeof value === "string" ? value.trim() : "";
  if (typed === "") return undefined;
  return kind === "intOrPercent" && INTEGER.test(typed) ? Number(typed) : typed;
}

/** Deletes a key and then the maps it leaves empty, up to (not including) top-level keys and list items. */
function deletePruning(doc: Document, path: Path): void {
  if (!doc.hasIn(path)) return;
  doc.deleteIn(path);
  for (let n = path.length - 1; n > 1 && typeof path[n - 1] === "string"; n--) {
    const parent = doc.getIn(path.slice(0, n), true);
    if (!isMap(parent) || parent.items.length > 0) return;
    doc.deleteIn(path.slice(0, n));
  }
}

function writePath(doc: Document, field: PathField, value: unknown): void {
  if (field.within && !doc.hasIn(field.within)) return;
  const written = yamlValue(doc, field.kind, value);
  if (written === undefined) {
    for (const path of field.paths) deletePruning(doc, path);
    return;
  }
  if (field.ensure && !doc.hasIn(field.ensure.path)) doc.setIn(field.ensure.path, doc.createNode(field.ensure.value));
  const [target, ...followers] = field.paths;
  doc.setIn(target, written);
  for (const path of followers) if (doc.hasIn(path)) doc.setIn(path, written);
}

function usesAnchors(node: Node): boolean {
  let found = false;
  visit(node, {
    Node(_, n) {
      if (!isAlias(n) && !n.anchor) return undefined;
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/** On: the worker template, comments and all, becomes the leader's starting point, placed before it. Off: removed. */
function toggleLeader(doc: Document, object: unknown, on: boolean): void {
  if (!on) return deletePruning(doc, TEMPLATE_PATHS.leader);
  const template = doc.getIn(TEMPLATE_PATHS.leader.slice(0, -1), true);
  if (!isMap(template)) return;
  const worker = template.get("workerTemplate", true);
  // A copy of anchors would redefine them; a copy of aliases could precede their anchors.
  const copy = worker && !usesAnchors(worker) ? worker.clone() : doc.createNode(valueAt(object, TEMPLATE_PATHS.worker) ?? {});
  const at = template.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === "workerTemplate");
  template.items.splice(at < 0 ? template.items.length : at, 0, doc.createPair("leaderTemplate", copy));
}

/** On: subGroupSize 2 (or 1 for groups of one), which every size allows. Off: the policy and the annotation that needs it. */
function toggleSubGroups(doc: Document, object: unknown, on: boolean): void {
  if (!on) {
    deletePruning(doc, SUBGROUP_POLICY_PATH);
    deletePruning(doc, annotationPath(ANNOTATIONS.subGroupExclusiveTopology));
    return;
  }
  const size = integer(valueAt(object, SCALAR_FIELDS.size.paths[0])) ?? DEFAULTS.size;
  doc.setIn([...SUBGROUP_POLICY_PATH, "subGroupSize"], Math.max(1, Math.min(2, size)));
}

function writeClaimParts(doc: Document, index: number, claim: VolumeClaimValues, current?: VolumeClaimValues): void {
  for (const key of CLAIM_KEYS) if (!deepEqual(current?.[key], claim[key])) writePath(doc, claimField(index, key), claim[key]);
}

/** Rewrites claim `index`, appends it when it is the next one, or removes it (and the list once empty). */
function writeClaim(doc: Document, object: unknown, index: number, claim: VolumeClaimValues | undefined): void {
  const claims = readForm(object).volumeClaims;
  if (claim === undefined) {
    if (index >= claims.length) return;
    doc.deleteIn([...CLAIMS_PATH, index]);
    const list = doc.getIn(CLAIMS_PATH, true);
    if (isSeq(list) && list.items.length === 0) deletePruning(doc, CLAIMS_PATH);
    return;
  }
  if (index > claims.length) return;
  if (index === claims.length) {
    if (claims.length === 0) doc.setIn(CLAIMS_PATH, doc.createNode([{}]));
    else doc.addIn(CLAIMS_PATH, doc.createNode({}));
  }
  writeClaimParts(doc, index, claim, claims[index]);
}

/** Applies one resolved form edit to `doc`; `object` is the same manifest as plain data. Throws where a path runs through a scalar or an alias. */
export function applyEdit(doc: Document, object: unknown, ref: FieldRef, value: unknown): void {
  if (ref.type === "path") return writePath(doc, ref.field, value);
  if (ref.type === "claim") return writeClaim(doc, object, ref.index, value as VolumeClaimValues | undefined);
  if (ref.toggle === "leaderTemplate") return toggleLeader(doc, object, value === true);
  toggleSubGroups(doc, object, value === true);
}
