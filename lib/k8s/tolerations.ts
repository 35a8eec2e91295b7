/** Node taints and pod tolerations, matched as k8s.io/api/core/v1 Toleration.ToleratesTaint does. */

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface Toleration {
  key: string;
  operator: string;
  value: string;
  effect: string;
}

/** An empty key or effect matches any; an empty operator means Equal. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === "Exists") return true;
  return (t.operator === "" || t.operator === "Equal") && t.value === (taint.value ?? "");
}

// Loops, not some/find with an arrow: the scheduler asks for every node it examines, and each
// arrow capturing its arguments was an allocation per node per decision.
export function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const toleration of tolerations) if (toleratesTaint(toleration, taint)) return true;
  return false;
}

/** NoSchedule and NoExecute keep pods off a node; PreferNoSchedule only affects scoring upstream. */
export function blocksScheduling(taint: Taint): boolean {
  return taint.effect === "NoSchedule" || taint.effect === "NoExecute";
}

/** The first taint that keeps the pod off the node, if any. */
export function firstUntoleratedTaint<T extends Taint>(taints: readonly T[], tolerations: readonly Toleration[]): T | undefined {
  for (const taint of taints) if (blocksScheduling(taint) && !tolerates(tolerations, taint)) return taint;
  return undefined;
}
