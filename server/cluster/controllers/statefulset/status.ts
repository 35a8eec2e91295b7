import { isNotFound } from "@/lib/k8s/api-errors";
import { STATEFUL_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";
import { availableAt, isRunningAndAvailable, isRunningAndReady, isTerminating, podRevision } from "./pod-state";
import { readStatus, type StatefulSetSpec, type StatefulSetStatus } from "./statefulset-spec";
import { KUBE_CONTROLLER_MANAGER } from "@/server/cluster/field-managers";

export interface StatusInput {
  set: KubeObject;
  spec: StatefulSetSpec;
  /** every pod of the StatefulSet, in range or condemned */
  pods: readonly KubeObject[];
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
  now: number;
}

/** The status the pods give (computeReplicaStatus), with a finished rolling update made current. */
export function computeStatus(input: StatusInput): StatefulSetStatus {
  const { pods, spec, now, currentRevision, updateRevision } = input;
  const live = pods.filter((pod) => !isTerminating(pod));
  const status: StatefulSetStatus = {
    observedGeneration: input.set.metadata.generation,
    replicas: pods.length,
    readyReplicas: pods.filter(isRunningAndReady).length,
    availableReplicas: pods.filter((pod) => isRunningAndAvailable(pod, spec.minReadySeconds, now)).length,
    currentReplicas: live.filter((pod) => podRevision(pod) === currentRevision).length,
    updatedReplicas: live.filter((pod) => podRevision(pod) === updateRevision).length,
    currentRevision,
    updateRevision,
    collisionCount: input.collisionCount,
  };
  return completeRollingUpdate(spec, status);
}

/** Once every pod is updated and ready, the update revision becomes the current one. */
function completeRollingUpdate(spec: StatefulSetSpec, status: StatefulSetStatus): StatefulSetStatus {
  if (spec.updateStrategy.type !== "RollingUpdate") return status;
  if (status.updatedReplicas !== status.replicas || status.readyReplicas !== status.replicas) return status;
  return { ...status, currentReplicas: status.updatedReplicas, currentRevision: status.updateRevision };
}

const FIELDS: ReadonlyArray<keyof StatefulSetStatus> = ["observedGeneration", "replicas", "readyReplicas", "availableReplicas", "currentReplicas", "updatedReplicas", "currentRevision", "updateRevision", "collisionCount"];

export function statusChanged(set: KubeObject, status: StatefulSetStatus): boolean {
  const old = readStatus(set);
  return FIELDS.some((field) => (old[field] ?? 0) !== (status[field] ?? 0));
}

/** Writes the status when it differs from the StatefulSet's (the status subresource, merge patch). */
export async function writeStatus(client: Client, set: KubeObject, status: StatefulSetStatus): Promise<void> {
  if (!statusChanged(set, status)) return;
  try {
    await client.patchStatus(STATEFUL_SETS, set.metadata.namespace ?? "", set.metadata.name ?? "", { type: "merge", body: { status } }, { fieldManager: KUBE_CONTROLLER_MANAGER });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** Milliseconds until the next Ready pod has been Ready for minReadySeconds; undefined when none waits. */
export function nextAvailableIn(pods: readonly KubeObject[], minReadySeconds: number, now: number): number | undefined {
  const waits = pods.map((pod) => availableAt(pod, minReadySeconds)).filter((at): at is number => at !== undefined && at > now);
  return waits.length > 0 ? Math.min(...waits) - now : undefined;
}
