import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";
import type { EventRecorder } from "@/server/runtime/event-recorder";
import type { ReconcileResult } from "@/server/runtime/work-queue";
import type { StatefulPodControl } from "./pod-control";
import { ordinalOf } from "./pod-identity";
import { podRevision } from "./pod-state";
import { syncReplicas, type ReplicaSync } from "./replica-sync";
import { templateOf, type RevisionHistory } from "./revisions";
import { computeStatus, nextAvailableIn, writeStatus } from "./status";
import type { StatefulSetSpec } from "./statefulset-spec";

export interface StatefulSetControlDeps {
  client: Client;
  pods: StatefulPodControl;
  history: RevisionHistory;
  recorder: EventRecorder;
  clock: () => number;
}

/**
 * One sync of one StatefulSet (upstream's defaultStatefulSetControl.UpdateStatefulSet): resolve
 * the revisions, converge the pods, write the status (also after a failed step, so it shows how
 * far things got), then prune the revision history.
 */
export async function syncStatefulSet(deps: StatefulSetControlDeps, set: KubeObject, spec: StatefulSetSpec, pods: KubeObject[], deleted: (pod: KubeObject) => void): Promise<ReconcileResult | void> {
  // A StatefulSet being deleted is the garbage collector's: making revisions or pods for it now
  // would keep its foreground deletion from ever finishing.
  if (set.metadata.deletionTimestamp) return;
  const revisions = deps.history.list(set);
  const { current, update, collisionCount } = await deps.history.resolve(set, spec, revisions);
  const s: ReplicaSync = {
    set,
    spec,
    current: { name: current.metadata.name ?? "", template: templateOf(current) },
    update: { name: update.metadata.name ?? "", template: templateOf(update) },
    ...partitionByOrdinal(spec, pods),
    now: deps.clock(),
    control: deps.pods,
    recorder: deps.recorder,
    deleted,
  };
  let failure: unknown;
  try {
    await syncReplicas(s);
  } catch (err) {
    failure = err;
  }
  const all = [...s.replicas.filter((pod): pod is KubeObject => pod !== undefined), ...s.condemned];
  const status = computeStatus({ set, spec, pods: all, currentRevision: s.current.name, updateRevision: s.update.name, collisionCount, now: s.now });
  await writeStatus(deps.client, set, status);
  if (failure !== undefined) throw failure;
  const live = new Set([status.currentRevision ?? "", status.updateRevision ?? "", ...all.map((pod) => podRevision(pod) ?? "")]);
  await deps.history.truncate(revisions, live, spec.revisionHistoryLimit);
  const wait = spec.minReadySeconds > 0 ? nextAvailableIn(all, spec.minReadySeconds, deps.clock()) : undefined;
  return wait === undefined ? undefined : { requeueAfterMs: wait };
}

/** Pods in [start, start+replicas) by index; the rest, highest ordinal first, to be removed. */
function partitionByOrdinal(spec: StatefulSetSpec, pods: KubeObject[]): Pick<ReplicaSync, "replicas" | "condemned"> {
  const replicas: Array<KubeObject | undefined> = Array.from({ length: spec.replicas }, () => undefined);
  const condemned: KubeObject[] = [];
  for (const pod of pods) {
    const index = ordinalOf(pod) - spec.start;
    if (index >= 0 && index < spec.replicas) replicas[index] = pod;
    else if (ordinalOf(pod) >= 0) condemned.push(pod);
  }
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
  return { replicas, condemned };
}
