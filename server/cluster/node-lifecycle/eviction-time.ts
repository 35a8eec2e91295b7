/** When the taint manager evicts a pod from a node with NoExecute taints, from the pod's tolerations. */
import { arrayAt, numberAt, recordAt, stringAt } from "../scheduler/narrow";
import { toleratesTaint, type Taint, type Toleration } from "../scheduler/taints";

export interface NoExecuteTaint extends Taint {
  /** when the taint was added (ms since the epoch) */
  addedAt: number;
}

export interface TimedToleration extends Toleration {
  tolerationSeconds?: number;
}

export function timedTolerationsAt(value: unknown): TimedToleration[] {
  return arrayAt(value).map((t) => {
    const r = recordAt(t);
    const seconds = numberAt(r.tolerationSeconds);
    return { key: stringAt(r.key) ?? "", operator: stringAt(r.operator) ?? "", value: stringAt(r.value) ?? "", effect: stringAt(r.effect) ?? "", ...(seconds === undefined ? {} : { tolerationSeconds: seconds }) };
  });
}

/**
 * Milliseconds until the pod must go: 0 when a taint is not tolerated, otherwise the shortest
 * tolerationSeconds of the tolerations in use counted from its taint's addition (one toleration
 * "second" lasting `msPerSecond`); undefined when every taint is tolerated for ever.
 */
export function evictionDelayMs(taints: readonly NoExecuteTaint[], tolerations: readonly TimedToleration[], nowMs: number, msPerSecond: number): number | undefined {
  let evictAt = Infinity;
  for (const taint of taints) {
    const used = tolerations.filter((t) => toleratesTaint(t, taint));
    if (used.length === 0) return 0;
    const seconds = used.flatMap((t) => (t.tolerationSeconds === undefined ? [] : [Math.max(0, t.tolerationSeconds)]));
    if (seconds.length > 0) evictAt = Math.min(evictAt, taint.addedAt + Math.min(...seconds) * msPerSecond);
  }
  return evictAt === Infinity ? undefined : Math.max(0, evictAt - nowMs);
}
