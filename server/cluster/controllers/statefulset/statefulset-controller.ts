import { LabelSelectorError } from "@/lib/k8s/label-selector";
import { CONTROLLER_REVISIONS, PERSISTENT_VOLUME_CLAIMS, PODS, STATEFUL_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";
import { EventRecorder } from "@/server/runtime/event-recorder";
import type { Informer } from "@/server/runtime/informer";
import type { InformerFactory } from "@/server/runtime/informer-factory";
import { WorkQueue, type ReconcileResult } from "@/server/runtime/work-queue";
import { OwnedPods } from "./owned-pods";
import { PendingDeletes } from "./pending-deletes";
import { StatefulPodControl } from "./pod-control";
import { parentAndOrdinal } from "./pod-identity";
import { RevisionHistory, type ControllerRevision } from "./revisions";
import { syncStatefulSet, type StatefulSetControlDeps } from "./stateful-set-control";
import { controllingStatefulSet, readSpec } from "./statefulset-spec";

export const STATEFULSET_CONTROLLER = "statefulset-controller";

const keyOf = (namespace: string | undefined, name: string | undefined) => `${namespace ?? ""}/${name ?? ""}`;

/**
 * kube-controller-manager's StatefulSet controller: keeps each StatefulSet's pods (and their
 * PersistentVolumeClaims) at the wanted count, ordinals and revision, and reports it in status.
 * Level-triggered: every sync reads the StatefulSet, its pods and revisions from the informers
 * and converges, so a restart in the middle of a rollout just carries on.
 */
export class StatefulSetController {
  private readonly queue: WorkQueue<string>;
  private readonly sets: Informer;
  private readonly pods: Informer;
  private readonly revisions: Informer<ControllerRevision>;
  private readonly claims: Informer;
  private readonly owned: OwnedPods;
  private readonly pendingDeletes = new PendingDeletes();
  private readonly deps: StatefulSetControlDeps;

  constructor(client: Client, informers: InformerFactory, options: { workers?: number } = {}) {
    this.queue = new WorkQueue({ name: STATEFULSET_CONTROLLER, concurrency: options.workers ?? 5 });
    this.sets = informers.informer(STATEFUL_SETS);
    this.pods = informers.informer(PODS);
    this.revisions = informers.informer<ControllerRevision>(CONTROLLER_REVISIONS);
    this.claims = informers.informer(PERSISTENT_VOLUME_CLAIMS);
    this.owned = new OwnedPods(client, this.pods);
    const recorder = new EventRecorder(client, STATEFULSET_CONTROLLER);
    this.deps = { client, recorder, pods: new StatefulPodControl(client, recorder, this.claims), history: new RevisionHistory(client, this.revisions), clock: Date.now };
  }

  async start(): Promise<void> {
    const enqueueSet = (set: KubeObject) => this.queue.add(keyOf(set.metadata.namespace, set.metadata.name));
    this.sets.addHandler({ add: enqueueSet, update: (_, set) => enqueueSet(set), delete: enqueueSet });
    const onPod = (pod: KubeObject) => this.enqueueOwnerOf(pod);
    this.pods.addHandler({
      add: onPod,
      update: (old, pod) => {
        onPod(old);
        onPod(pod);
      },
      delete: onPod,
    });
    const onRevision = (revision: KubeObject) => this.enqueueController(revision);
    this.revisions.addHandler({ add: onRevision, update: (_, revision) => onRevision(revision), delete: onRevision });
    const onClaim = (claim: KubeObject) => this.enqueueClaimOwners(claim);
    this.claims.addHandler({ update: (_, claim) => onClaim(claim), delete: onClaim });
    await Promise.all([this.sets.start(), this.pods.start(), this.revisions.start(), this.claims.start()]);
    this.queue.run((key) => this.sync(key));
  }

  stop(): void {
    this.queue.shutdown();
  }

  /** Resolves when no sync is queued or running (for tests). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private enqueueController(object: KubeObject): boolean {
    const ref = controllingStatefulSet(object);
    if (ref) this.queue.add(keyOf(object.metadata.namespace, ref.name));
    return !!ref;
  }

  /** A pod's controller, or for an orphan the StatefulSet its name says it belongs to (which may adopt it). */
  private enqueueOwnerOf(pod: KubeObject): void {
    if (this.enqueueController(pod) || pod.metadata.ownerReferences?.some((ref) => ref.controller)) return;
    this.enqueueByPodName(pod.metadata.namespace, pod.metadata.name ?? "");
  }

  private enqueueByPodName(namespace: string | undefined, podName: string): void {
    const { parent, ordinal } = parentAndOrdinal(podName);
    if (ordinal >= 0 && this.sets.get(namespace ?? "", parent)) this.queue.add(keyOf(namespace, parent));
  }

  /** A claim changing ownership or going away may unblock a pod waiting on it. */
  private enqueueClaimOwners(claim: KubeObject): void {
    for (const ref of claim.metadata.ownerReferences ?? []) {
      if (ref.kind === "StatefulSet") this.queue.add(keyOf(claim.metadata.namespace, ref.name));
      else if (ref.kind === "Pod") this.enqueueByPodName(claim.metadata.namespace, ref.name);
    }
  }

  private async sync(key: string): Promise<ReconcileResult | void> {
    const [namespace, name] = key.split("/");
    const set = this.sets.get(namespace, name);
    if (!set) return this.pendingDeletes.forget(key);
    if (!this.pendingDeletes.observed(key, (podName) => this.pods.get(namespace, podName))) return;
    const spec = readSpec(set);
    try {
      const pods = await this.owned.of(set, spec);
      return await syncStatefulSet(this.deps, set, spec, pods, (pod) => this.pendingDeletes.expect(key, pod));
    } catch (err) {
      // A selector the API should have refused: nothing to do until the StatefulSet is fixed.
      if (err instanceof LabelSelectorError) return;
      throw err;
    }
  }
}
