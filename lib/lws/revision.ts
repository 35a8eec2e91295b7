import { isRecord, type KubeObject } from "@/lib/k8s/types";

/**
 * ControllerRevision payload and key of an LWS (lws-upstream-spec §8.1): the template part of
 * the spec as a strategic-merge patch, serialized like Go's encoding/json (sorted keys, <>&
 * escaped), hashed with 32-bit FNV-1 and printed through Kubernetes' safe-encode alphabet.
 */

const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** JSON as Go's encoding/json writes maps: keys sorted at every level, <, > and & escaped. */
export function goJson(value: unknown): string {
  const write = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(write).join(",")}]`;
    if (isRecord(v)) {
      const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort();
      return `{${keys.map((k) => `${escape(JSON.stringify(k))}:${write(v[k])}`).join(",")}}`;
    }
    return v === undefined ? "null" : escape(JSON.stringify(v));
  };
  return write(value);
}

function escape(json: string): string {
  return json.replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

/** The revision payload: leaderWorkerTemplate and networkConfig, each marked `$patch: replace`. */
export function revisionData(lws: KubeObject): string {
  const spec = isRecord(lws.spec) ? lws.spec : {};
  const template = isRecord(spec.leaderWorkerTemplate) ? spec.leaderWorkerTemplate : {};
  // Objects from before networkConfig existed hash like defaulted ones.
  const network = isRecord(spec.networkConfig) ? spec.networkConfig : { subdomainPolicy: "Shared" };
  return goJson({ spec: { leaderWorkerTemplate: { ...template, $patch: "replace" }, networkConfig: { ...network, $patch: "replace" } } });
}

/** 32-bit FNV-1 (multiply, then xor) of the UTF-8 bytes. */
function fnv1(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash = Math.imul(hash, 0x01000193) >>> 0;
    hash = (hash ^ byte) >>> 0;
  }
  return hash >>> 0;
}

export function revisionKey(data: string): string {
  return [...String(fnv1(data))].map((c) => SAFE_ALPHABET[c.charCodeAt(0) % SAFE_ALPHABET.length]).join("");
}

/** The LWS as it was at a revision: the stored template part replaces the live one. */
export function applyRevision(lws: KubeObject, data: string | unknown): KubeObject {
  const patch = typeof data === "string" ? (JSON.parse(data) as unknown) : data;
  const spec = isRecord(patch) && isRecord(patch.spec) ? patch.spec : {};
  const strip = (v: unknown) => {
    if (!isRecord(v)) return undefined;
    const { $patch: _ignored, ...rest } = v;
    return rest;
  };
  const live = isRecord(lws.spec) ? lws.spec : {};
  return { ...lws, spec: { ...live, leaderWorkerTemplate: strip(spec.leaderWorkerTemplate) ?? live.leaderWorkerTemplate, networkConfig: strip(spec.networkConfig) ?? live.networkConfig } };
}
