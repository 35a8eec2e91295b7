import type { KubeObject } from "@/lib/k8s/types";
import type { EventRecorder } from "@/server/runtime/event-recorder";
import type { StatefulPodControl } from "./pod-control";
import { identityMatches, newStatefulSetPod } from "./pod-identity";
import { isFailed, isHealthy, isPending, isRunningAndAvailable, isSucceeded, isTerminating } from "./pod-state";
import { maxUnavailableOf, podsToUpdate } from "./rolling-update";
import { runForAll } from "./slow-start";
import type { PodTemplate, StatefulSetSpec } from "./statefulset-spec";

export interface RevisionTemplate {
  name: string;
  template: PodTemplate;
}

/** One sync's view of a StatefulSet's pods and what it may do to them. */
export interface ReplicaSync {
  set: KubeObject;
  spec: StatefulSetSpec;
  current: RevisionTemplate;
  update: RevisionTemplate;
  /** index = ordinal - spec.ordinals.start; undefined where no pod exists (yet) */
  replicas: Array<KubeObject | undefined>;
  /** pods with ordinals outside the wanted range, highest ordinal first */
  condemned: KubeObject[];
  now: number;
  control: StatefulPodControl;
  recorder: EventRecorder;
  /** told of every pod this sync deleted */
  deleted(pod: KubeObject): void;
}

/**
 * updateStatefulSet: create missing and replace failed replicas, delete condemned ones (highest
 * ordinal first), then roll pods onto the update revision. OrderedReady (monotonic) stops at the
 * first pod that is not yet Running and Available, and moves one pod per sync; Parallel does all.
 */
export async function syncReplicas(s: ReplicaSync): Promise<void> {
  if (s.set.metadata.deletionTimestamp) return;
  const monotonic = s.spec.monotonic;
  if (await runForAll(s.replicas.length, (i) => processReplica(s, i), monotonic)) return;
  if (await runForAll(s.condemned.length, (i) => fixCondemnedClaims(s, i), monotonic)) return;
  const firstUnhealthy = s.replicas.every((pod) => pod && isHealthy(pod)) ? [...s.condemned].reverse().find((pod) => !isHealthy(pod)) : undefined;
  if (await runForAll(s.condemned.length, (i) => processCondemned(s, firstUnhealthy, i), monotonic)) return;
  if (s.spec.updateStrategy.type === "RollingUpdate") await rollingUpdate(s);
}

/** A pod below the partition is made at the current revision, any other at the update revision. */
function versionedPod(s: ReplicaSync, ordinal: number): KubeObject {
  const { type, partition } = s.spec.updateStrategy;
  const revision = type === "RollingUpdate" && ordinal < s.spec.start + partition ? s.current : s.update;
  return newStatefulSetPod(s.set, s.spec, revision.template, revision.name, ordinal);
}

async function deletePod(s: ReplicaSync, pod: KubeObject): Promise<void> {
  await s.control.deletePod(s.set, pod);
  s.deleted(pod);
}

/** True when a monotonic sync must stop here. */
async function processReplica(s: ReplicaSync, i: number): Promise<boolean> {
  const pod = s.replicas[i];
  if (pod && (isFailed(pod) || isSucceeded(pod))) {
    const [type, reason, what] = isFailed(pod) ? (["Warning", "RecreatingFailedPod", "failed"] as const) : (["Normal", "RecreatingTerminatedPod", "terminated"] as const);
    s.recorder.event(s.set, type, reason, `StatefulSet ${s.set.metadata.namespace}/${s.set.metadata.name} is recreating ${what} Pod ${pod.metadata.name}`);
    await deletePod(s, pod);
    s.replicas[i] = undefined;
  }
  const replica = s.replicas[i];
  if (!replica) return createReplica(s, i);
  if (isPending(replica)) await s.control.createMissingClaims(s.set, s.spec, replica);
  if (s.spec.monotonic && (isTerminating(replica) || !isRunningAndAvailable(replica, s.spec.minReadySeconds, s.now))) return true;
  if (!identityMatches(s.set, replica)) await s.control.restoreIdentity(s.set, replica);
  if (!s.control.claimOwnersMatch(s.set, s.spec, replica, false)) await s.control.updateClaimOwners(s.set, s.spec, replica, false);
  return false;
}

async function createReplica(s: ReplicaSync, i: number): Promise<boolean> {
  const pod = versionedPod(s, s.spec.start + i);
  // A claim still owned by a scaled-away pod of this name goes with it: wait, then start afresh.
  if (s.control.claimsAreStale(s.set, s.spec, pod)) return true;
  const created = await s.control.createPod(s.set, s.spec, pod);
  s.replicas[i] = created;
  return s.spec.monotonic || !created;
}

async function fixCondemnedClaims(s: ReplicaSync, i: number): Promise<boolean> {
  const pod = s.condemned[i];
  if (!s.control.claimOwnersMatch(s.set, s.spec, pod, true)) await s.control.updateClaimOwners(s.set, s.spec, pod, true);
  return false;
}

async function processCondemned(s: ReplicaSync, firstUnhealthy: KubeObject | undefined, i: number): Promise<boolean> {
  const pod = s.condemned[i];
  if (isTerminating(pod)) return s.spec.monotonic;
  // OrderedReady scales down one pod at a time, and only healthy ones, except the lowest broken one.
  if (s.spec.monotonic && pod !== firstUnhealthy && !isRunningAndAvailable(pod, s.spec.minReadySeconds, s.now)) return true;
  await deletePod(s, pod);
  return true;
}

async function rollingUpdate(s: ReplicaSync): Promise<void> {
  const { partition, maxUnavailable } = s.spec.updateStrategy;
  const budget = { partition, maxUnavailable: maxUnavailableOf(maxUnavailable, s.spec.replicas) };
  const available = (pod: KubeObject) => isRunningAndAvailable(pod, s.spec.minReadySeconds, s.now);
  for (const pod of podsToUpdate(s.replicas, s.update.name, budget, available)) await deletePod(s, pod);
}
