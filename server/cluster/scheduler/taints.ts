/** Node taints and pod tolerations, matched as k8s.io/api/core/v1 Toleration.ToleratesTaint does. */
import { arrayAt, recordAt, stringAt } from "./narrow";

export interface Taint {
  key: string;
  value: string;
  effect: string;
}

export interface Toleration {
  key: string;
  operator: string;
  value: string;
  effect: string;
}

export const TAINT_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
export const TAINT_NOT_READY = "node.kubernetes.io/not-ready";
export const TAINT_UNREACHABLE = "node.kubernetes.io/unreachable";

export function taintsAt(value: unknown): Taint[] {
  return arrayAt(value).map((t) => {
    const r = recordAt(t);
    return { key: stringAt(r.key) ?? "", value: stringAt(r.value) ?? "", effect: stringAt(r.effect) ?? "" };
  });
}

export function tolerationsAt(value: unknown): Toleration[] {
  return arrayAt(value).map((t) => {
    const r = recordAt(t);
    return {
      key: stringAt(r.key) ?? "",
      operator: stringAt(r.operator) ?? "",
      value: stringAt(r.value) ?? "",
      effect: stringAt(r.effect) ?? "",
    };
  });
}

/** An empty key or effect matches any; an empty operator means Equal. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === "Exists") return true;
  return (t.operator === "" || t.operator === "Equal") && t.value === taint.value;
}

export function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => toleratesTaint(t, taint));
}

/** The first NoSchedule/NoExecute taint the pod does not tolerate (PreferNoSchedule only affects scoring upstream). */
export function firstUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[]): Taint | undefined {
  return taints.find((taint) => (taint.effect === "NoSchedule" || taint.effect === "NoExecute") && !tolerates(tolerations, taint));
}
