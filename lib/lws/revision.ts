/**
 * ControllerRevision payload and key of an LWS (lws-upstream-spec §8.1): the template part of the
 * spec as a strategic-merge patch, serialized like Go's encoding/json (keys sorted at every level,
 * HTML characters escaped), hashed with 32-bit FNV-1 and printed through the safe-encode alphabet
 * of k8s.io/apimachinery/pkg/util/rand.
 */
import { clone } from "@/lib/k8s/deep-equal";
import { isRecord, type KubeObject } from "@/lib/k8s/types";
import { DEFAULTS } from "./constants";
import type { LeaderWorkerSet } from "./types";

const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
const REPLACE_DIRECTIVE = "$patch";
/** The spec fields a revision captures: everything whose change rolls the groups. */
const REVISION_FIELDS = ["leaderWorkerTemplate", "networkConfig"] as const;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const GO_ESCAPED = /[<>&\u2028\u2029]/g;

/** Go writes invalid UTF-16 as U+FFFD and escapes <, >, &, U+2028 and U+2029 as \u00XX. */
function goString(text: string): string {
  const json = JSON.stringify(text.replace(LONE_SURROGATE, "\ufffd"));
  return json.replace(GO_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** UTF-16 code units ranked in code point order, so that keys sort as Go compares UTF-8 bytes. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}

function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = codePointRank(a.charCodeAt(i)) - codePointRank(b.charCodeAt(i));
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/** JSON as Go's encoding/json writes a map[string]interface{}. Absent (undefined) fields are left out. */
export function goJson(value: unknown): string {
  if (typeof value === "string") return goString(value);
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(",")}]`;
  if (!isRecord(value)) return "null";
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort(compareKeys);
  return `{${keys.map((k) => `${goString(k)}:${goJson(value[k])}`).join(",")}}`;
}

/**
 * The revision payload: leaderWorkerTemplate and networkConfig, each marked `$patch: replace`.
 * An LWS without networkConfig hashes as a defaulted one, so objects from before the field
 * existed keep their key once the webhook fills it in.
 */
export function revisionData(lws: KubeObject): string {
  const spec = isRecord(lws.spec) ? lws.spec : {};
  const template = isRecord(spec.leaderWorkerTemplate) ? spec.leaderWorkerTemplate : {};
  const network = isRecord(spec.networkConfig) ? spec.networkConfig : { subdomainPolicy: DEFAULTS.subdomainPolicy };
  const patch = { leaderWorkerTemplate: { ...template, [REPLACE_DIRECTIVE]: "replace" }, networkConfig: { ...network, [REPLACE_DIRECTIVE]: "replace" } };
  return goJson({ spec: patch });
}

/** 32-bit FNV-1 (multiply, then xor; not FNV-1a) of the UTF-8 bytes. */
function fnv1(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = (Math.imul(hash, 0x01000193) ^ byte) >>> 0;
  return hash;
}

/** The template-revision-hash of a revision payload: FNV-1 in decimal, each digit safe-encoded. */
export function revisionKey(data: string): string {
  return Array.from(String(fnv1(data)), (c) => SAFE_ALPHABET[c.charCodeAt(0) % SAFE_ALPHABET.length]).join("");
}

function withoutDirective(value: Record<string, unknown>): Record<string, unknown> {
  const { [REPLACE_DIRECTIVE]: _directive, ...rest } = value;
  return rest;
}

/**
 * The LWS as it was at a revision: the stored leaderWorkerTemplate and networkConfig replace the
 * live ones, as applying the strategic-merge patch does; a field the revision lacks stays live,
 * one it nulls is removed. `data` is the payload as text or as the parsed ControllerRevision data.
 */
export function applyRevision(lws: KubeObject, data: unknown): LeaderWorkerSet {
  const patch: unknown = typeof data === "string" ? JSON.parse(data) : data;
  const patchSpec = isRecord(patch) && isRecord(patch.spec) ? patch.spec : {};
  const result = clone(lws);
  const spec: Record<string, unknown> = isRecord(result.spec) ? result.spec : {};
  for (const field of REVISION_FIELDS) {
    const stored = patchSpec[field];
    if (stored === null) delete spec[field];
    else if (isRecord(stored)) spec[field] = clone(withoutDirective(stored));
  }
  result.spec = spec;
  return result as LeaderWorkerSet;
}
