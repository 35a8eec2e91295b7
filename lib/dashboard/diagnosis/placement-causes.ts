import { ANNOTATIONS } from "@/lib/lws/constants";
import type { GroupView } from "../groups";
import type { NodeView } from "../view-models";
import { plural, podsOf } from "./group-pods";
import type { Cause } from "./types";

function schedulingAdvice(message: string, exclusive: string | undefined): string {
  if (/anti-affinity/.test(message) && exclusive) {
    return `exclusive-topology "${exclusive}" needs a free ${exclusive} domain per group, and its anti-affinity also repels every other LWS pod in the namespace (upstream #539): add capacity, lower replicas, or move other LWS to another namespace`;
  }
  if (/Insufficient/.test(message)) return "free capacity (scale down other workloads, add nodes) or lower the group's resource requests";
  return "check nodeSelector, affinity and taints against the nodes' labels";
}

/** `explained`: pods whose Pending claims already account for them (the claim is the root cause). */
export function unschedulable(group: GroupView, exclusive: string | undefined, explained: ReadonlySet<string>): Cause[] {
  const stuck = podsOf(group).filter((p) => p.unschedulable !== undefined && !explained.has(p.name));
  if (stuck.length === 0) return [];
  const message = stuck[0].unschedulable ?? "";
  return [{
    summary: `${plural(stuck.length, "pod")} cannot be scheduled: ${message}`,
    evidence: stuck.map((p) => `pod/${p.name}: PodScheduled=False (Unschedulable)`),
    suggestion: schedulingAdvice(message, exclusive),
  }];
}

export function notReadyNodes(group: GroupView, nodes: ReadonlyMap<string, NodeView>): Cause[] {
  const down = podsOf(group).filter((p) => p.nodeName && nodes.get(`/${p.nodeName}`)?.ready === false);
  if (down.length === 0) return [];
  const names = [...new Set(down.map((p) => p.nodeName))];
  return [{ summary: `node${names.length > 1 ? "s" : ""} ${names.join(", ")} NotReady under this group`, evidence: down.map((p) => `pod/${p.name} on ${p.nodeName}`), suggestion: "the pods will be evicted and the group recreated; recover or drain the node" }];
}

export function splitAcrossDomains(group: GroupView, nodes: ReadonlyMap<string, NodeView>, exclusive: string | undefined): Cause[] {
  if (!exclusive) return [];
  const domains = new Set(podsOf(group).map((p) => (p.nodeName ? nodes.get(`/${p.nodeName}`)?.labels[exclusive] : undefined)).filter(Boolean));
  return domains.size > 1 ? [{ summary: `group spread over ${domains.size} ${exclusive} domains (${[...domains].join(", ")}) despite exclusive placement`, evidence: [`annotation ${ANNOTATIONS.exclusiveTopology}=${exclusive}`] }] : [];
}
