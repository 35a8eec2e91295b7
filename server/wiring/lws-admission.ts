import { LEADER_WORKER_SETS, PODS } from "@/lib/k8s/resources";
import { applyWebhookDefaults } from "@/lib/lws/defaults";
import { toStatusCause } from "@/lib/k8s/validation";
import { validateLeaderWorkerSet, validateLeaderWorkerSetUpdate } from "@/lib/lws/validation";
import type { AdmissionChain } from "@/server/cluster/apiserver/admission/admission";
import { badRequest } from "@/lib/k8s/api-errors";
import { mutateLeaderWorkerSetPod, type PodWebhookOptions } from "@/server/lws/pod-mutation";

/**
 * Plugs upstream's LWS webhooks into the embedded API server's admission chain: LWS defaulting
 * and validation on create/update, pod mutation on create. (On a real cluster the same functions
 * serve AdmissionReview requests.)
 */
export function registerLwsAdmission(chain: AdmissionChain, options: PodWebhookOptions = {}): void {
  const isLws = (resource: { group: string; resource: string }) => resource.group === LEADER_WORKER_SETS.group && resource.resource === LEADER_WORKER_SETS.resource;
  chain.register({
    name: "LeaderWorkerSetWebhook",
    appliesTo: (r) => isLws(r.resource) && r.subresource === "" && r.operation !== "DELETE",
    mutate: (r) => applyWebhookDefaults(r.object),
    validate: (r) => (r.oldObject ? validateLeaderWorkerSetUpdate(r.object, r.oldObject) : validateLeaderWorkerSet(r.object)).map(toStatusCause),
  });
  chain.register({
    name: "LeaderWorkerSetPodWebhook",
    appliesTo: (r) => r.resource.group === "" && r.resource.resource === PODS.resource && r.subresource === "" && r.operation === "CREATE",
    mutate: (r) => {
      try {
        return mutateLeaderWorkerSetPod(r.object, options);
      } catch (err) {
        throw badRequest(`admission webhook "mpod.kb.io" denied the request: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  });
}
