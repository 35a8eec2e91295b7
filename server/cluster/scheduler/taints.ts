/** Node taints and pod tolerations as the scheduler reads them from objects; matching lives in lib/k8s/tolerations. */
import type { Toleration } from "@/lib/k8s/tolerations";
import { arrayAt, recordAt, stringAt } from "./narrow";

export { firstUntoleratedTaint, tolerates, toleratesTaint, type Toleration } from "@/lib/k8s/tolerations";

export interface Taint {
  key: string;
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
