/**
 * What pods take from their nodes: the rule behind NodeView.requested, which the stream hub keeps
 * up to date pod by pod and every placement check subtracts from allocatable.
 */
import type { PodView, ResourceAmounts } from "./view-models";

export const NO_USAGE: ResourceAmounts = Object.freeze({ cpu: 0, memory: 0, gpu: 0, pods: 0 });

/** Pods that hold their node's resources: bound and not finished (terminating ones still do, as kube-scheduler counts them). */
export function occupies(pod: PodView): pod is PodView & { nodeName: string } {
  return pod.nodeName !== undefined && pod.phase !== "Succeeded" && pod.phase !== "Failed";
}

/** `total` plus `sign` times one pod's requests (and the pod itself). */
export function addPod(total: ResourceAmounts, pod: PodView, sign: 1 | -1 = 1): ResourceAmounts {
  const r = pod.requests;
  return { cpu: total.cpu + sign * r.cpu, memory: total.memory + sign * r.memory, gpu: total.gpu + sign * r.gpu, pods: total.pods + sign };
}

/** What the occupying pods among `pods` ask of each node, by node name. */
export function usageByNode(pods: Iterable<PodView>): Map<string, ResourceAmounts> {
  const usage = new Map<string, ResourceAmounts>();
  for (const pod of pods) if (occupies(pod)) usage.set(pod.nodeName, addPod(usage.get(pod.nodeName) ?? NO_USAGE, pod));
  return usage;
}
