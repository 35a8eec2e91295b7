/**
 * kube-scheduler's default Filter plugins, in the default profile's order, each returning the
 * reasons upstream reports for a rejected node. `unresolvable` is upstream's
 * UnschedulableAndUnresolvable: removing pods from the node (preemption) cannot help.
 */
import { matchesLabels } from "@/lib/k8s/label-selector";
import type { SchedulerCache } from "./cache";
import { satisfiesExistingPodsAntiAffinity, satisfiesPodAffinity, satisfiesPodAntiAffinity, type PodAffinityState } from "./inter-pod-affinity";
import type { NodeInfo } from "./node-info";
import { PODS } from "./resources";
import type { SchedulingPod } from "./scheduling-pod";
import { firstUntoleratedTaint, tolerates, TAINT_UNSCHEDULABLE } from "./taints";

export interface Rejection {
  reasons: readonly string[];
  unresolvable: boolean;
}

/** Per-decision state shared by the filters (upstream's CycleState). */
export interface FilterContext {
  cache: SchedulerCache;
  podAffinity: PodAffinityState;
}

export type Filter = (pod: SchedulingPod, node: NodeInfo, ctx: FilterContext) => Rejection | undefined;

export const REASON_UNSCHEDULABLE = "node(s) were unschedulable";
export const REASON_NODE_NAME = "node(s) didn't match the requested node name";
export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const REASON_TOO_MANY_PODS = "Too many pods";
export const REASON_POD_AFFINITY = "node(s) didn't match pod affinity rules";
export const REASON_POD_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

const unresolvable = (reason: string): Rejection => ({ reasons: [reason], unresolvable: true });
const UNSCHEDULABLE_TAINT = { key: TAINT_UNSCHEDULABLE, value: "", effect: "NoSchedule" };
const resolvable = (...reasons: string[]): Rejection => ({ reasons, unresolvable: false });

// The filters run for every node a decision examines: they allocate nothing for a node that passes.
export const nodeUnschedulable: Filter = (pod, { node }) => {
  if (!node.unschedulable) return undefined;
  return tolerates(pod.tolerations, UNSCHEDULABLE_TAINT) ? undefined : unresolvable(REASON_UNSCHEDULABLE);
};

export const nodeName: Filter = (pod, { node }) => (pod.nodeName && pod.nodeName !== node.name ? unresolvable(REASON_NODE_NAME) : undefined);

export const taintToleration: Filter = (pod, { node }) => {
  const taint = firstUntoleratedTaint(node.taints, pod.tolerations);
  return taint ? unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value}}`) : undefined;
};

/** nodeSelector and required node affinity must both match; the affinity's terms are ORed. */
export const nodeAffinity: Filter = (pod, { node }) => {
  for (const key in pod.nodeSelector) if (node.labels[key] !== pod.nodeSelector[key]) return unresolvable(REASON_NODE_AFFINITY);
  const terms = pod.requiredNodeAffinity;
  if (!terms) return undefined;
  const fields = { "metadata.name": node.name };
  return terms.some((t) => matchesLabels(t.labels, node.labels) && matchesLabels(t.fields, fields)) ? undefined : unresolvable(REASON_NODE_AFFINITY);
};

/** Every shortfall is reported, not only the first: one node can lack cpu and memory at once. */
export const nodeResourcesFit: Filter = (pod, node) => {
  let reasons: string[] | undefined;
  if (node.pods.size + 1 > (node.node.allocatable[PODS] ?? 0)) reasons = [REASON_TOO_MANY_PODS];
  for (const name of pod.fitResources) {
    const request = pod.requests[name] ?? 0;
    const free = (node.node.allocatable[name] ?? 0) - (node.requested[name] ?? 0);
    if (request > 0 && request > free) (reasons ??= []).push(`Insufficient ${name}`);
  }
  return reasons ? resolvable(...reasons) : undefined;
};

/** Incoming affinity failures cannot be fixed by evicting pods; anti-affinity ones can. */
export const interPodAffinity: Filter = (pod, node, { cache, podAffinity }) => {
  if (!satisfiesPodAffinity(pod, node, podAffinity, cache)) return unresolvable(REASON_POD_AFFINITY);
  if (!satisfiesPodAntiAffinity(node, podAffinity)) return resolvable(REASON_POD_ANTI_AFFINITY);
  if (!satisfiesExistingPodsAntiAffinity(node, podAffinity)) return resolvable(REASON_EXISTING_ANTI_AFFINITY);
  return undefined;
};

/** The default profile's filters that apply here, in upstream order (volume and port filters have nothing to check). */
export const DEFAULT_FILTERS: readonly Filter[] = [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodeResourcesFit, interPodAffinity];

/** Like the framework, a node's verdict is its first failing filter. */
export function runFilters(pod: SchedulingPod, node: NodeInfo, ctx: FilterContext, filters: readonly Filter[] = DEFAULT_FILTERS): Rejection | undefined {
  for (const filter of filters) {
    const rejection = filter(pod, node, ctx);
    if (rejection) return rejection;
  }
  return undefined;
}
