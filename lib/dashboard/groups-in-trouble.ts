import type { ClusterState } from "./cluster-state";
import type { Verdict } from "./diagnosis";
import { groupsText } from "./group-ranges";
import { groupHref } from "./links";

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

/** Every group of the cluster that is stuck, failing or degraded, from the LWS summaries, each linked to its diagnosis. */
export function groupsInTrouble(state: ClusterState): GroupsInTrouble {
  const found: GroupsInTrouble = { stuck: [], degraded: [] };
  for (const [key, summary] of state.summary) {
    const lws = state.lws.get(key);
    if (!lws) continue;
    for (const { index, verdict, summary: cause } of summary.trouble) {
      const entry = { key: `${key}/${index}`, lws: key, index, verdict, href: groupHref(lws, index, "diagnosis"), summary: cause };
      (STUCK.has(verdict) ? found.stuck : found.degraded).push(entry);
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
