import Link from "next/link";
import type { ClusterState } from "@/lib/dashboard/cluster-state";
import { diagnose } from "@/lib/dashboard/diagnosis";
import type { PodView } from "@/lib/dashboard/view-models";
import { lwsHref } from "./lws-card";

export interface StuckGroup {
  key: string;
  href: string;
  label: string;
  summary: string;
}

/** Every stuck or failing group of the cluster, with its first cause: where an operator starts. */
export function stuckGroups(state: ClusterState, podsByLws: ReadonlyMap<string, PodView[]>): StuckGroup[] {
  const statefulSets = [...state.statefulset.values()];
  const events = [...state.event.values()];
  const claims = [...state.pvc.values()];
  const clusterPods = [...state.pod.values()];
  return [...state.lws.values()].flatMap((lws) => {
    const key = `${lws.metadata.namespace}/${lws.metadata.name}`;
    return diagnose({ lws, pods: podsByLws.get(key) ?? [], clusterPods, statefulSets, nodes: state.node, events, claims })
      .filter((g) => g.verdict === "stuck" || g.verdict === "failing")
      .map((g) => ({ key: `${key}/${g.index}`, href: `${lwsHref(lws)}?tab=diagnosis`, label: `${key} group ${g.index} (${g.verdict})`, summary: g.causes[0]?.summary ?? "pods are failing" }));
  });
}

export function StuckGroupsList({ groups }: { groups: StuckGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="stuck-heading" className="rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950">
      <h2 id="stuck-heading" className="font-semibold text-red-900 dark:text-red-100">Stuck groups</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {groups.slice(0, 50).map((g) => (
          <li key={g.key}>
            <Link href={g.href} className="font-medium underline">{g.label}</Link>: {g.summary}
          </li>
        ))}
      </ul>
      {groups.length > 50 && <p className="mt-1 text-sm">and {groups.length - 50} more</p>}
    </section>
  );
}
