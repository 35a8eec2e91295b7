import type { KubeObject } from "@/lib/k8s/types";
import type { ResourceInfo } from "@/lib/k8s/resources";
import { badRequest, unsupportedMediaType } from "@/lib/k8s/api-errors";
import { applyJsonPatch } from "../patch/json-patch";
import { applyMergePatch } from "../patch/merge-patch";
import { applyStrategicMergePatch } from "../patch/strategic-merge-patch";

export type PatchType = "json" | "merge" | "strategic" | "apply";

const CONTENT_TYPES: Record<string, PatchType> = {
  "application/json-patch+json": "json",
  "application/merge-patch+json": "merge",
  "application/strategic-merge-patch+json": "strategic",
  "application/apply-patch+yaml": "apply",
};

/** The patch type a PATCH's Content-Type asks for; 415 for anything else, and for SMP on a CRD, as upstream. */
export function patchTypeOf(contentType: string | undefined, info: ResourceInfo): PatchType {
  const mediaType = (contentType ?? "").split(";")[0].trim().toLowerCase();
  const type = CONTENT_TYPES[mediaType];
  if (!type || (type === "strategic" && !info.builtin)) {
    const accepted = info.builtin ? Object.keys(CONTENT_TYPES) : Object.keys(CONTENT_TYPES).filter((t) => !t.startsWith("application/strategic"));
    throw unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: ${accepted.join(", ")}`);
  }
  return type;
}

/** Applies a JSON, merge or strategic merge patch to the live object. */
export function applyPatch(type: Exclude<PatchType, "apply">, live: KubeObject, patch: unknown, info: ResourceInfo): KubeObject {
  const result = type === "json" ? applyJsonPatch(live, patch) : type === "merge" ? applyMergePatch(live, patch) : applyStrategicMergePatch(live, patch, info.kind);
  if (typeof result !== "object" || result === null || Array.isArray(result)) throw badRequest("the patch turned the object into something that is not an object");
  const object = result as KubeObject;
  object.metadata ??= {};
  return object;
}
