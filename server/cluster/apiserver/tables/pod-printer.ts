/**
 * Pod rows as kube-apiserver prints them (printPod in pkg/printers/internalversion): the
 * READY/STATUS/RESTARTS summary kubectl users read to judge a pod at a glance.
 */
import type { KubeObject } from "@/lib/k8s/types";
import { AGE_COLUMN, NAME_COLUMN, age, column, type KindPrinter, type PrintedRow, type TableRowCondition } from "./columns";
import { humanDuration } from "./human-duration";
import { record, records, text } from "@/lib/k8s/object-fields";
import { summarizePod } from "@/lib/k8s/pod-summary";

const COLUMNS = [
  NAME_COLUMN,
  column("Ready", "The aggregate readiness state of this pod for accepting traffic."),
  column("Status", "The aggregate status of the containers in this pod."),
  column("Restarts", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
  AGE_COLUMN,
  column("IP", "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.", { priority: 1 }),
  column(
    "Node",
    "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
    { priority: 1 },
  ),
  column(
    "Nominated Node",
    "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
    { priority: 1 },
  ),
  column(
    "Readiness Gates",
    'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates',
    { priority: 1 },
  ),
];

const COMPLETED_CONDITIONS: Record<string, TableRowCondition[]> = {
  Succeeded: [{ type: "Completed", status: "True", reason: "Succeeded", message: "The pod has completed successfully." }],
  Failed: [{ type: "Completed", status: "True", reason: "Failed", message: "The pod failed." }],
};

export const podPrinter: KindPrinter = { columns: COLUMNS, print: printPod };

function printPod(pod: KubeObject, now: number): PrintedRow {
  const spec = record(pod.spec);
  const status = record(pod.status);
  const summary = summarizePod(pod);
  const { count, last } = summary.restarts;
  const restarts = count !== 0 && last !== undefined ? `${count} (${humanDuration(now - last)} ago)` : String(count);
  const cells = [pod.metadata.name ?? "", `${summary.ready}/${summary.total}`, summary.reason, restarts, age(pod, now)];
  const conditions = COMPLETED_CONDITIONS[text(status.phase)];
  return { cells: [...cells, ...wideCells(spec, status)], ...(conditions ? { conditions } : {}) };
}

function wideCells(spec: Record<string, unknown>, status: Record<string, unknown>): string[] {
  // v1 pods may carry only the legacy podIP; upstream's conversion copies it into podIPs.
  const ip = text(records(status.podIPs)[0]?.ip) || text(status.podIP);
  return [ip || "<none>", text(spec.nodeName) || "<none>", text(status.nominatedNodeName) || "<none>", readinessGates(spec, status)];
}

function hasConditionTrue(status: Record<string, unknown>, type: string): boolean {
  return records(status.conditions).find((c) => c.type === type)?.status === "True";
}

function readinessGates(spec: Record<string, unknown>, status: Record<string, unknown>): string {
  const gates = records(spec.readinessGates);
  if (gates.length === 0) return "<none>";
  const passed = gates.filter((gate) => hasConditionTrue(status, text(gate.conditionType))).length;
  return `${passed}/${gates.length}`;
}
