"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { groupsInTrouble } from "@/lib/dashboard/groups-in-trouble";
import { useCluster } from "../stream/use-cluster";
import { ClusterSummary } from "./cluster-summary";
import { LwsCard } from "./lws-card";
import { GroupsInTroubleList } from "./groups-in-trouble";

const OVERVIEW = { overview: true };

/** `/`: every LWS with per-group health, filterable by namespace (kept in the URL). */
export function LwsOverview() {
  const { data: state, loaded } = useCluster(OVERVIEW);
  const params = useSearchParams();
  const router = useRouter();
  const namespace = params.get("namespace") ?? "";
  const all = [...state.lws.values()].sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
  const namespaces = [...new Set(all.map((l) => l.metadata.namespace ?? ""))].sort();
  const shown = all.filter((l) => !namespace || l.metadata.namespace === namespace);
  const trouble = groupsInTrouble(state);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-semibold">LeaderWorkerSets</h1>
        <label className="ml-auto flex items-center gap-2 text-sm">
          Namespace
          <select value={namespace} onChange={(e) => router.replace(e.target.value ? `/?namespace=${encodeURIComponent(e.target.value)}` : "/")} className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900">
            <option value="">All namespaces</option>
            {namespaces.map((ns) => (
              <option key={ns} value={ns}>
                {ns}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ClusterSummary state={state} stuckGroups={trouble.stuck.length} degradedGroups={trouble.degraded.length} />
      <GroupsInTroubleList title="Stuck groups" tone="stuck" groups={trouble.stuck} />
      <GroupsInTroubleList title="Degraded groups" tone="degraded" groups={trouble.degraded} />
      {!loaded ? (
        <p className="text-slate-500">Loading…</p>
      ) : shown.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <p className="font-medium">No LeaderWorkerSets{namespace ? ` in ${namespace}` : ""} yet.</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            Apply one with <code className="font-mono">kubectl apply -f</code>, or <Link href="/lws/new" className="text-sky-700 underline dark:text-sky-300">create one here</Link>.
          </p>
        </div>
      ) : (
        <ul className="space-y-3" aria-label="LeaderWorkerSets">
          {shown.map((lws) => (
            <li key={lws.metadata.uid}>
              <LwsCard lws={lws} summary={state.summary.get(`${lws.metadata.namespace}/${lws.metadata.name}`)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
