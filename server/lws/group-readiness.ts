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

export interface GroupJudgment {
  readonly ready: boolean;
  readonly updated: boolean;
}

interface Judged {
  workers: KubeObject | undefined;
  size: number;
  currentKey: string;
  judgment: GroupJudgment;
}

// Informer objects are immutable: a leader judged with the same worker StatefulSet, size and
// revision is judged the same. Every reconcile of an LWS judges all its groups, most unchanged.
const JUDGED = new WeakMap<KubeObject, Judged>();

/** ready/updated of one group from its leader pod and worker StatefulSet. */
export function judgeGroup(group: GroupObjects, size: number, currentKey: string): GroupJudgment {
  const judged = group.leader ? JUDGED.get(group.leader) : undefined;
  if (judged && judged.workers === group.workers && judged.size === size && judged.currentKey === currentKey) return judged.judgment;
  const judgment = Object.freeze(judgeNow(group, size, currentKey));
  if (group.leader) JUDGED.set(group.leader, { workers: group.workers, size, currentKey, judgment });
  return judgment;
}

function judgeNow(group: GroupObjects, size: number, currentKey: string): GroupJudgment {
  const hasWorkers = size === 1 || group.workers !== undefined;
  const ready = hasWorkers && leaderReady(group.leader) && (size === 1 || workerStatefulSetReady(group.workers));
  const updated = hasWorkers && revisionOf(group.leader) === currentKey && (size === 1 || revisionOf(group.workers) === currentKey);
  return { ready, updated };
}
