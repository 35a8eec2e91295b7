/**
 * JSON Merge Patch (RFC 7386), the body of `application/merge-patch+json` — what kubectl
 * sends for label, annotate, scale and for every patch of a custom resource.
 */
import { isRecord } from "@/lib/k8s/types";

/** Applies an RFC 7386 merge patch; the result shares nothing with `doc` or `patch`. */
export function applyMergePatch(doc: unknown, patch: unknown): unknown {
  return mergeInto(structuredClone(doc), patch);
}

/** Merges `patch` into `target`, which the caller owns and may be changed in place. */
function mergeInto(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return structuredClone(patch);
  const result = isRecord(target) ? target : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergeInto(result[key], value);
  }
  return result;
}
