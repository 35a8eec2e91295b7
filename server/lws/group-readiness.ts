import { integer, record, records, text } from "@/lib/k8s/object-fields";
import type { KubeObject } from "@/lib/k8s/types";
import { LABELS } from "@/lib/lws/constants";

/** A leader pod counts as ready when Running with its Ready condition True (§8.3). */
export function leaderReady(pod: KubeObject | undefined): boolean {
  const status = record(pod?.status);
  return text(status.phase) === "Running" && records(status.conditions).some((c) => c.type === "Ready" && c.status === "True");
}

/** A worker StatefulSet is ready when all its replicas are available on one revision. */
export function workerStatefulSetReady(sts: KubeObject | undefined): boolean {
  if (!sts) return false;
  const spec = record(sts.spec);
  const status = record(sts.status);
  return (integer(spec.replicas) ?? 1) === (integer(status.availableReplicas) ?? 0) && text(status.currentRevision) === text(status.updateRevision);
}

export function revisionOf(object: KubeObject | undefined): string | undefined {
  return object?.metadata.labels?.[LABELS.templateRevisionHash];
}

export interface GroupObjects {
  leader?: KubeObject;
  workers?: KubeObject;
}

/** ready/updated of one group from its leader pod and worker StatefulSet. */
export function judgeGroup(group: GroupObjects, size: number, currentKey: string): { ready: boolean; updated: boolean } {
  const hasWorkers = size === 1 || group.workers !== undefined;
  const ready = hasWorkers && leaderReady(group.leader) && (size === 1 || workerStatefulSetReady(group.workers));
  const updated = hasWorkers && revisionOf(group.leader) === currentKey && (size === 1 || revisionOf(group.workers) === currentKey);
  return { ready, updated };
}
