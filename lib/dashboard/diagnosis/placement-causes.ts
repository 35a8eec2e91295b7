import { ANNOTATIONS } from "@/lib/lws/constants";
import type { GroupView } from "../groups";
import type { NodeView, PodView } from "../view-models";
import { podsOf } from "./group-pods";
import type { Cause } from "./types";

export function notReadyNodes(group: GroupView, nodes: ReadonlyMap<string, NodeView>): Cause[] {
  const down = podsOf(group).filter((p) => p.nodeName && nodes.get(`/${p.nodeName}`)?.ready === false);
  if (down.length === 0) return [];
  const names = [...new Set(down.map((p) => p.nodeName))];
  return [{ summary: `node${names.length > 1 ? "s" : ""} ${names.join(", ")} NotReady under this group`, evidence: down.map((p) => `pod/${p.name} on ${p.nodeName}`), suggestion: "the pods will be evicted and the group recreated; recover or drain the node" }];
}

export function splitAcrossDomains(group: GroupView, nodes: ReadonlyMap<string, NodeView>, exclusive: string | undefined): Cause[] {
  if (!exclusive) return [];
  const placed = podsOf(group)
    .map((pod) => ({ pod, domain: pod.nodeName ? nodes.get(`/${pod.nodeName}`)?.labels[exclusive] : undefined }))
    .filter((p): p is { pod: PodView; domain: string } => p.domain !== undefined);
  const domains = new Set(placed.map((p) => p.domain));
  if (domains.size < 2) return [];
  return [{
    summary: `group spread over ${domains.size} ${exclusive} domains (${[...domains].join(", ")}) despite exclusive placement`,
    evidence: [`annotation ${ANNOTATIONS.exclusiveTopology}=${exclusive}`, ...placed.map(({ pod, domain }) => `pod/${pod.name} on ${pod.nodeName} in ${domain}`)],
    suggestion: `delete the group's leader so the whole group is placed again in one ${exclusive} domain`,
  }];
}
