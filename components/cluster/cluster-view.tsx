"use client";

import { useState } from "react";
import type { NodeView } from "@/lib/dashboard/view-models";
import { RackMap } from "../placement/rack-map";
import { useCluster } from "../stream/use-cluster";
import { CapacityBar } from "./capacity-bar";
import { placedPods, POD_COUNTS, podsFilter } from "./cluster-filter";
import { injectFault, type Fault } from "./fault-client";

/** `/cluster`: racks as columns, nodes with allocation bars, and (embedded cluster) faults to inject. */
export function ClusterView() {
  // The counts first: they say whether the cluster is small enough to stream and draw pod by pod.
  const { data: counted, loaded: countsLoaded } = useCluster(POD_COUNTS);
  const filter = podsFilter(countsLoaded ? counted : undefined);
  const { data: state, loaded } = useCluster(filter);
  const [message, setMessage] = useState<string>();
  const pods = [...state.pod.values()];
  const run = async (fault: Fault, confirmText: string) => {
    if (!window.confirm(confirmText)) return;
    const error = await injectFault(fault);
    setMessage(error ? `Failed: ${error}` : `Done: ${fault.action} ${"node" in fault ? fault.node : fault.pod}`);
  };
  const actions = (node: NodeView) => {
    return (
      <span className="flex w-full flex-col gap-0.5">
        <CapacityBar label="cpu" used={node.requested.cpu} total={node.allocatable.cpu} />
        <CapacityBar label="gpu" used={node.requested.gpu} total={node.allocatable.gpu} />
        <span className="flex gap-1">
          <ActionButton label={node.unschedulable ? "Uncordon" : "Cordon"} onClick={() => run({ action: node.unschedulable ? "uncordon" : "cordon", node: node.name }, `${node.unschedulable ? "Uncordon" : "Cordon"} ${node.name}?`)} />
          <ActionButton label={node.ready ? "Fail node" : "Recover"} onClick={() => run({ action: "setNodeReady", node: node.name, ready: !node.ready }, node.ready ? `Mark ${node.name} NotReady? Its ${node.requested.pods} pods will be evicted.` : `Mark ${node.name} Ready again?`)} />
        </span>
      </span>
    );
  };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Cluster</h1>
      {message && (
        <p role="status" className="rounded bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800">
          {message}
        </p>
      )}
      {filter.podCounts && countsLoaded && <p className="text-sm text-slate-600 dark:text-slate-300">{placedPods(counted)} pods on nodes: counted by state on each node, too many to draw one by one.</p>}
      {!loaded ? <p className="text-slate-500">Loading…</p> : <RackMap nodes={[...state.node.values()]} pods={pods} podCounts={filter.podCounts ? state.nodePods : undefined} nodeActions={actions} onSelectPod={(pod) => void run({ action: "crashContainer", namespace: pod.namespace, pod: pod.name }, `Crash the container of ${pod.namespace}/${pod.name}?`)} />}
    </div>
  );
}

function ActionButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className="rounded border border-slate-300 px-1 text-[10px] hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:hover:bg-slate-800">
      {label}
    </button>
  );
}
