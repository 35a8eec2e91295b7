import type { ClusterState } from "./cluster-state";
import { diagnose, type Verdict } from "./diagnosis";
import { groupHref } from "./links";
import type { PodView } from "./view-models";

export interface GroupInTrouble {
  key: string;
  href: string;
  label: string;
  summary: string;
}

/** The groups an operator should look at: stuck or failing ones, and Ready ones with something wrong (degraded). */
export interface GroupsInTrouble {
  stuck: GroupInTrouble[];
  degraded: GroupInTrouble[];
}

const STUCK: ReadonlySet<Verdict> = new Set(["stuck", "failing"]);

/** The pods of each LWS, keyed `namespace/name`. */
export function podsByLws(state: ClusterState): Map<string, PodView[]> {
  const byLws = new Map<string, PodView[]>();
  for (const pod of state.pod.values()) {
    if (!pod.lws) continue;
    const key = `${pod.namespace}/${pod.lws}`;
    const list = byLws.get(key);
    if (list) list.push(pod);
    else byLws.set(key, [pod]);
  }
  return byLws;
}

/** Every group of the cluster that is stuck, failing or degraded, with its first cause and a link to its diagnosis. */
export function groupsInTrouble(state: ClusterState, pods: ReadonlyMap<string, PodView[]>): GroupsInTrouble {
  const statefulSets = [...state.statefulset.values()];
  const events = [...state.event.values()];
  const claims = [...state.pvc.values()];
  const clusterPods = [...state.pod.values()];
  const found: GroupsInTrouble = { stuck: [], degraded: [] };
  for (const lws of state.lws.values()) {
    const key = `${lws.metadata.namespace}/${lws.metadata.name}`;
    for (const g of diagnose({ lws, pods: pods.get(key) ?? [], clusterPods, statefulSets, nodes: state.node, events, claims })) {
      if (!STUCK.has(g.verdict) && g.verdict !== "degraded") continue;
      const entry = { key: `${key}/${g.index}`, href: groupHref(lws, g.index, "diagnosis"), label: `${key} group ${g.index} (${g.verdict})`, summary: g.causes[0]?.summary ?? "pods are failing" };
      (STUCK.has(g.verdict) ? found.stuck : found.degraded).push(entry);
    }
  }
  return found;
}
