/** The part of a Node the scheduler reads, narrowed once from the API object. */
import type { KubeObject } from "@/lib/k8s/types";
import { arrayAt, recordAt, stringAt, stringMapAt } from "./narrow";
import { resourceAmounts, type ResourceAmounts } from "./resources";
import { TAINT_NOT_READY, TAINT_UNREACHABLE, taintsAt, type Taint } from "./taints";

export interface SchedulingNode {
  name: string;
  labels: Readonly<Record<string, string>>;
  unschedulable: boolean;
  taints: readonly Taint[];
  /** status.allocatable (capacity when absent), including `pods`. */
  allocatable: Readonly<ResourceAmounts>;
}

function readyStatus(status: Record<string, unknown>): string | undefined {
  const ready = arrayAt(status.conditions).map(recordAt).find((c) => c.type === "Ready");
  return ready ? stringAt(ready.status) : undefined;
}

/**
 * kube-scheduler never reads node conditions: the node lifecycle controller turns Ready=False
 * into a `not-ready` NoSchedule taint and Ready=Unknown into `unreachable` (TaintNodesByCondition).
 * The embedded cluster has no such controller, so the taint it would add is derived here.
 */
function lifecycleTaint(status: Record<string, unknown>, taints: readonly Taint[]): Taint | undefined {
  const ready = readyStatus(status);
  const key = ready === "False" ? TAINT_NOT_READY : ready === "Unknown" ? TAINT_UNREACHABLE : undefined;
  if (!key || taints.some((t) => t.key === key && t.effect === "NoSchedule")) return undefined;
  return { key, value: "", effect: "NoSchedule" };
}

export function schedulingNodeFromObject(node: KubeObject): SchedulingNode {
  const spec = recordAt(node.spec);
  const status = recordAt(node.status);
  const taints = taintsAt(spec.taints);
  const extra = lifecycleTaint(status, taints);
  return {
    name: node.metadata.name ?? "",
    labels: stringMapAt(node.metadata.labels),
    unschedulable: spec.unschedulable === true,
    taints: extra ? [...taints, extra] : taints,
    allocatable: resourceAmounts(status.allocatable ?? status.capacity),
  };
}
