import { fieldRequired, invalid } from "@/lib/k8s/api-errors";
import type { Patch, PatchOptions } from "./client";

/** The Content-Type a PATCH request of each type carries, as kube-apiserver tells them apart. */
export const PATCH_CONTENT_TYPES: Record<Patch["type"], string> = {
  merge: "application/merge-patch+json",
  json: "application/json-patch+json",
  strategic: "application/strategic-merge-patch+json",
  apply: "application/apply-patch+yaml",
};

/**
 * kube-apiserver's PatchOptions validation: server-side apply needs a field manager. Every Client checks it
 * before sending, so a controller that forgets one fails on the embedded cluster as it would on a real one.
 */
export function checkPatchOptions(patch: Patch, options: PatchOptions): void {
  if (patch.type === "apply" && !options.fieldManager) throw invalid("PatchOptions", "meta.k8s.io", "", [fieldRequired("fieldManager", "is required for apply patch")]);
}
