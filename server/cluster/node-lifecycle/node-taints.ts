/** The taints kube-controller-manager keeps on a node from its conditions and spec.unschedulable (TaintNodesByCondition, taint-based eviction). */
import { deepEqual } from "@/lib/k8s/deep-equal";
import { rfc3339 } from "@/lib/k8s/time";
import type { KubeObject } from "@/lib/k8s/types";
import { nodeReadyStatus } from "../kubelet/node-conditions";
import { arrayAt, recordAt, stringAt } from "../scheduler/narrow";
import { TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE } from "../scheduler/taints";

export interface NodeTaint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

const CONTROLLED = new Set([TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE]);

export function nodeTaintsOf(node: KubeObject): NodeTaint[] {
  return arrayAt(recordAt(node.spec).taints).map(recordAt).map((t) => ({ ...t, key: stringAt(t.key) ?? "", effect: stringAt(t.effect) ?? "" }));
}

function wanted(node: KubeObject): Array<Pick<NodeTaint, "key" | "effect">> {
  const ready = nodeReadyStatus(node);
  const condition = ready === "False" ? TAINT_NOT_READY : ready === "Unknown" ? TAINT_UNREACHABLE : undefined;
  const taints = condition ? [{ key: condition, effect: "NoSchedule" }, { key: condition, effect: "NoExecute" }] : [];
  if (recordAt(node.spec).unschedulable === true) taints.push({ key: TAINT_UNSCHEDULABLE, effect: "NoSchedule" });
  return taints;
}

/** The node's taints as they should be, or undefined when they already are; other taints are kept as they are. */
export function controlledTaints(node: KubeObject, now: Date): NodeTaint[] | undefined {
  const current = nodeTaintsOf(node);
  const kept = wanted(node).map((w) => current.find((t) => t.key === w.key && t.effect === w.effect) ?? { ...w, ...(w.effect === "NoExecute" ? { timeAdded: rfc3339(now) } : {}) });
  const next = [...current.filter((t) => !CONTROLLED.has(t.key)), ...kept];
  return deepEqual(next, current) ? undefined : next;
}

export function hasTaint(taints: readonly NodeTaint[], key: string, effect: string): boolean {
  return taints.some((t) => t.key === key && t.effect === effect);
}
