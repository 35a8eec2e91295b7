import type { ClusterState } from "@/lib/dashboard/cluster-state";

/** Nodes, racks and GPUs in one line: the capacity every group is placed into. */
export function ClusterSummary({ state, stuckGroups, degradedGroups }: { state: ClusterState; stuckGroups: number; degradedGroups: number }) {
  const nodes = [...state.node.values()];
  const ready = nodes.filter((n) => n.ready && !n.unschedulable).length;
  const racks = new Set(nodes.map((n) => n.rack).filter(Boolean)).size;
  const gpus = nodes.reduce((sum, n) => sum + n.allocatable.gpu, 0);
  const gpusUsed = nodes.reduce((sum, n) => sum + n.requested.gpu, 0);
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Cluster summary">
      <Tile label="Nodes schedulable" value={`${ready}/${nodes.length}`} />
      <Tile label="Racks" value={String(racks)} />
      <Tile label="GPUs allocated" value={`${gpusUsed}/${gpus}`} />
      <Tile label="Stuck groups" value={degradedGroups > 0 ? `${stuckGroups} (+${degradedGroups} degraded)` : String(stuckGroups)} alert={stuckGroups > 0} />
    </dl>
  );
}

function Tile({ label, value, alert = false }: { label: string; value: string; alert?: boolean }) {
  return (
    <div className={`rounded-lg border p-3 ${alert ? "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950" : "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"}`}>
      <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className={`text-xl font-semibold ${alert ? "text-red-700 dark:text-red-300" : ""}`}>{value}</dd>
    </div>
  );
}
