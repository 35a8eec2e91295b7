import type { ClusterState } from "./cluster-state";
import { diagnose, type Verdict } from "./diagnosis";
import { groupsText } from "./group-ranges";
import { groupHref } from "./links";
import type { PodView } from "./view-models";

export interface GroupInTrouble {
  /** `namespace/name/index` */
  key: string;
  /** `namespace/name` of its LWS */
  lws: string;
  index: number;
  verdict: Verdict;
  /** its diagnosis */
  href: string;
  /** its first cause */
  summary: string;
}

/** A line of the overview's lists: one group, or several of one LWS in trouble for the same reason. */
export interface TroubleRow {
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
  const allPods = [...state.pod.values()];
  const found: GroupsInTrouble = { stuck: [], degraded: [] };
  for (const lws of state.lws.values()) {
    const key = `${lws.metadata.namespace}/${lws.metadata.name}`;
    for (const g of diagnose({ lws, pods: pods.get(key) ?? [], namespacePods: allPods, statefulSets, nodes: state.node, events, claims })) {
      if (!STUCK.has(g.verdict) && g.verdict !== "degraded") continue;
      const entry = { key: `${key}/${g.index}`, lws: key, index: g.index, verdict: g.verdict, href: groupHref(lws, g.index, "diagnosis"), summary: g.causes[0]?.summary ?? "pods are failing" };
      (STUCK.has(g.verdict) ? found.stuck : found.degraded).push(entry);
    }
  }
  return found;
}

/** The groups of one LWS with the same verdict and first cause on one line, linked to the first one's diagnosis. */
export function troubleRows(groups: readonly GroupInTrouble[]): TroubleRow[] {
  const rows = new Map<string, { first: GroupInTrouble; indexes: number[] }>();
  for (const group of groups) {
    const key = `${group.lws}\u0000${group.verdict}\u0000${group.summary}`;
    const row = rows.get(key);
    if (row) row.indexes.push(group.index);
    else rows.set(key, { first: group, indexes: [group.index] });
  }
  return [...rows.values()].map(({ first, indexes }) => ({ key: first.key, href: first.href, label: `${first.lws} ${groupsText(indexes)} (${first.verdict})`, summary: first.summary }));
}
