/**
 * Resource names and amounts as kube-scheduler checks and scores them. The pod request
 * calculation itself (component-helpers resource.PodRequests) lives in lib/k8s/pod-requests,
 * shared with the LWS controller's PodGroups.
 */
export {
  CPU,
  DEFAULT_MEMORY_REQUEST,
  MEMORY,
  addInto,
  podRequests,
  resourceAmounts,
  type ResourceAmounts,
} from "@/lib/k8s/pod-requests";

export const PODS = "pods";

/** Extended resources (vendor-domain names like nvidia.com/gpu) and hugepages: the ones checked and scored by name. */
export function isScalarResource(name: string): boolean {
  return name.startsWith("hugepages-") || (name.includes("/") && !name.startsWith("kubernetes.io/"));
}
