/**
 * "Will it fit?" before an LWS is applied: a greedy simulation of placing its groups on the
 * nodes as they are now, from what the dashboard already holds (NodeView, PodView). It
 * approximates the embedded scheduler's filters (resources, nodeSelector, required node
 * affinity, taints, cordoned and NotReady nodes) and upstream's exclusive-topology placement
 * (lws-upstream-spec §5, §6.3); it does not preempt, spread or score, so a "fits" is a good
 * sign, not a promise.
 */
import type { KubeObject } from "@/lib/k8s/types";
import { LABELS } from "@/lib/lws/constants";
import { applyWebhookDefaults } from "@/lib/lws/defaults";
import { lwsReplicas } from "./groups";
import { groupDemand } from "./capacity-demand";
import { domainHolders, NodePool } from "./capacity-nodes";
import { GroupPlacer } from "./capacity-placement";
import { capacityReasons, podShortfall } from "./capacity-reasons";
import type { NodeView, PodView } from "./view-models";

export interface CapacityResult {
  /** every group placed */
  fits: boolean;
  /** groups placed before the first that did not fit */
  groupsPlaced: number;
  /** spec.replicas */
  groupsWanted: number;
  /** with exclusive topology: the domains the placed groups (or sub-groups) took, in order */
  domainsUsed?: string[];
  /** why it does not fit, first the count, then the cause; empty when it fits */
  reasons: string[];
}

/**
 * Can `lws` (webhook defaults applied here) be placed on `nodes` as full as they are now? `pods`
 * are at least those of its namespace: exclusive placement avoids the domains their groups hold,
 * and those of an LWS of the same namespace and name are the ones an update replaces, so their
 * room counts as free.
 */
export function checkCapacity(lws: KubeObject, nodes: readonly NodeView[], pods: readonly PodView[]): CapacityResult {
  const defaulted = applyWebhookDefaults(lws);
  const namespace = lws.metadata.namespace ?? "default";
  const own = (pod: PodView) => pod.namespace === namespace && pod.lws === lws.metadata.name;
  const pool = new NodePool(nodes, pods.filter(own));
  const demand = groupDemand(defaulted);
  // Every LWS pod of the namespace carries a group key, so exclusive anti-affinity matches them all.
  const blocked = (key: string, label: string) => new Set(domainHolders(pool, pods, key, label, (pod) => pod.namespace === namespace && !own(pod)).keys());
  const placer = new GroupPlacer(pool, demand, { blockedDomains: blocked, groupLabel: LABELS.groupKey, explainPod: (pod) => podShortfall(pool, pod) });
  const groupsWanted = Math.max(0, lwsReplicas(defaulted));
  let groupsPlaced = 0;
  while (groupsPlaced < groupsWanted && placer.placeGroup()) groupsPlaced++;
  const exclusive = demand.exclusiveKey !== undefined || demand.units.some((u) => u.exclusiveKey);
  return {
    fits: groupsPlaced === groupsWanted,
    groupsPlaced,
    groupsWanted,
    ...(exclusive ? { domainsUsed: placer.domainsUsed } : {}),
    reasons: groupsPlaced < groupsWanted ? capacityReasons(pool, placer, demand, groupsWanted, groupsPlaced, namespace) : [],
  };
}
