import { deepEqual } from "@/lib/k8s/deep-equal";
import { isRecord, type KubeObject, type StatusCause } from "@/lib/k8s/types";
import { toStatusCause } from "@/lib/k8s/validation";
import { applyWebhookDefaults } from "@/lib/lws/defaults";
import { validateLeaderWorkerSet, validateLeaderWorkerSetUpdate } from "@/lib/lws/validation";
import { mutateLeaderWorkerSetPod, type PodWebhookOptions } from "./pod-mutation";

/** Upstream's webhook paths (§2), so a real cluster's webhook configurations can point here unchanged. */
export const WEBHOOK_PATHS = {
  mutateLws: "/mutate-leaderworkerset-x-k8s-io-v1-leaderworkerset",
  validateLws: "/validate-leaderworkerset-x-k8s-io-v1-leaderworkerset",
  mutatePod: "/mutate--v1-pod",
  validatePod: "/validate--v1-pod",
} as const;

interface AdmissionRequest {
  uid: string;
  operation?: string;
  object?: KubeObject;
  oldObject?: KubeObject;
}

interface AdmissionResponse {
  uid: string;
  allowed: boolean;
  status?: { code: number; message: string; reason?: string; details?: { causes: StatusCause[] } };
  patchType?: "JSONPatch";
  patch?: string;
}

/** A JSON patch turning `before` into `after`, one `add` (add-or-replace) per changed top-level field. */
function topLevelPatch(before: KubeObject, after: KubeObject): unknown[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !deepEqual(before[k], after[k])).map((k) => (after[k] === undefined ? { op: "remove", path: `/${k}` } : { op: "add", path: `/${k}`, value: after[k] }));
}

function mutated(uid: string, before: KubeObject, after: KubeObject): AdmissionResponse {
  const patch = topLevelPatch(before, after);
  if (patch.length === 0) return { uid, allowed: true };
  return { uid, allowed: true, patchType: "JSONPatch", patch: Buffer.from(JSON.stringify(patch)).toString("base64") };
}

function denied(uid: string, message: string, causes: StatusCause[] = []): AdmissionResponse {
  return { uid, allowed: false, status: { code: causes.length ? 422 : 400, reason: causes.length ? "Invalid" : "BadRequest", message, ...(causes.length ? { details: { causes } } : {}) } };
}

function decide(path: string, request: AdmissionRequest, options: PodWebhookOptions): AdmissionResponse {
  const { uid, object, oldObject } = request;
  if (!object) return { uid, allowed: true };
  switch (path) {
    case WEBHOOK_PATHS.mutateLws:
      return mutated(uid, object, applyWebhookDefaults(object));
    case WEBHOOK_PATHS.validateLws: {
      const errors = oldObject && request.operation === "UPDATE" ? validateLeaderWorkerSetUpdate(object, oldObject) : validateLeaderWorkerSet(object);
      const causes = errors.map(toStatusCause);
      return causes.length ? denied(uid, causes.map((c) => `${c.field}: ${c.message}`).join(", "), causes) : { uid, allowed: true };
    }
    case WEBHOOK_PATHS.mutatePod:
      try {
        return mutated(uid, object, mutateLeaderWorkerSetPod(object, options));
      } catch (err) {
        return denied(uid, err instanceof Error ? err.message : String(err));
      }
    default:
      // The validating pod webhook is registered upstream but admits everything (§2.4).
      return { uid, allowed: true };
  }
}

/** Answers an admission.k8s.io/v1 AdmissionReview for one of the LWS webhook paths. */
export function reviewAdmission(path: string, review: unknown, options: PodWebhookOptions = {}): { apiVersion: string; kind: string; response: AdmissionResponse } {
  const request = isRecord(review) && isRecord(review.request) ? (review.request as unknown as AdmissionRequest) : undefined;
  if (!request || typeof request.uid !== "string") throw new Error("the body must be an admission.k8s.io/v1 AdmissionReview with a request");
  return { apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", response: decide(path, request, options) };
}
