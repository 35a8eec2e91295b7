import type { KubeObject } from "@/lib/k8s/types";
import { isTerminating, podRevision } from "./pod-state";

/**
 * spec.updateStrategy.rollingUpdate.maxUnavailable as a pod count: an integer, or a percentage of
 * replicas rounded down; never less than 1 (a rollout must be able to move). Unset means 1.
 */
export function maxUnavailableOf(value: number | string | undefined, replicas: number): number {
  if (typeof value === "number") return Math.max(1, Math.floor(value));
  const percent = typeof value === "string" ? /^(\d+)%$/.exec(value) : null;
  return percent ? Math.max(1, Math.floor((Number(percent[1]) * replicas) / 100)) : 1;
}

/**
 * The pods a RollingUpdate deletes now so that they come back at the update revision: from the
 * highest ordinal down to the partition (an index from spec.ordinals.start, as upstream counts it),
 * those not at the update revision and not already terminating, as many as maxUnavailable leaves
 * room for after the replicas that are unavailable already (missing ones included).
 */
export function podsToUpdate(
  replicas: ReadonlyArray<KubeObject | undefined>,
  updateRevision: string,
  rollingUpdate: { partition: number; maxUnavailable: number },
  isAvailable: (pod: KubeObject) => boolean,
): KubeObject[] {
  const unavailable = replicas.filter((pod) => !pod || isTerminating(pod) || !isAvailable(pod)).length;
  const room = rollingUpdate.maxUnavailable - unavailable;
  const chosen: KubeObject[] = [];
  for (let i = replicas.length - 1; i >= rollingUpdate.partition && chosen.length < room; i--) {
    const pod = replicas[i];
    if (pod && podRevision(pod) !== updateRevision && !isTerminating(pod)) chosen.push(pod);
  }
  return chosen;
}
