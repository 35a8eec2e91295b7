import { isAlreadyExists, isNotFound } from "@/lib/k8s/api-errors";
import { containsFields, deepEqual } from "@/lib/k8s/deep-equal";
import { integer, record, records } from "@/lib/k8s/object-fields";
import { LEADER_WORKER_SETS, SERVICES, STATEFUL_SETS } from "@/lib/k8s/resources";
import { rfc3339 } from "@/lib/k8s/time";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, EVENT_REASONS, LABELS, LWS_CONTROLLER_NAME } from "@/lib/lws/constants";
import type { Client } from "@/server/runtime/client";
import type { EventRecorder } from "@/server/runtime/event-recorder";
import type { ReconcileResult } from "@/server/runtime/work-queue";
import type { LwsRevisions } from "./controller-revisions";
import { judgeGroup } from "./group-readiness";
import { accountGroups, nextConditions, type Condition, type GroupObservation } from "./group-status";
import { sharedService } from "./headless-services";
import { leaderStatefulSet } from "./leader-statefulset";
import { LEADERS_INDEX, type LwsInformers } from "./lws-informers";
import { lwsSpec, type LwsSpec } from "./lws-spec";
import { isOwnedBy } from "./owner-references";
import { deletingSurgeNote, leaderStatefulSetRollout, statefulSetMaxUnavailable, type GroupState } from "./rollout";

/**
 * The LeaderWorkerSet reconciler (§8.2): revisions, the leader StatefulSet and its rollout
 * position, the shared headless Service, status and conditions, revision truncation.
 */
export class LwsReconciler {
  // The last leader StatefulSet applied per StatefulSet UID, as JSON: one entry per LWS.
  private readonly lastApplied = new Map<string, string>();

  constructor(
    private readonly client: Client,
    private readonly informers: LwsInformers,
    private readonly revisions: LwsRevisions,
    private readonly recorder: EventRecorder,
  ) {}

  /** How many leader StatefulSets this remembers an apply for. */
  get rememberedApplies(): number {
    return this.lastApplied.size;
  }

  /** A leader StatefulSet is gone: its last apply is of no more use. */
  forgetStatefulSet(sts: KubeObject): void {
    this.lastApplied.delete(sts.metadata.uid ?? "");
  }

  async reconcile(key: string): Promise<ReconcileResult | void> {
    const [namespace, name] = key.split("/");
    const lws = this.informers.lws.get(namespace, name);
    if (!lws || lws.metadata.deletionTimestamp) return;
    const existing = this.informers.statefulSets.get(namespace, name);
    // A leader StatefulSet still being deleted (an LWS re-created quickly) must not get our revision.
    if (existing?.metadata.deletionTimestamp) return { requeueAfterMs: 5000 };
    const leaderSts = existing && isOwnedBy(existing, lws) ? existing : undefined;
    const spec = lwsSpec(lws);
    const { key: revisionKey, newRevision } = await this.revisions.current(lws, leaderSts);
    const applied = await this.applyLeaderStatefulSet(lws, spec, leaderSts, revisionKey, newRevision);
    if (spec.subdomainPolicy === "Shared") await this.ensureSharedService(lws);
    const updateDone = await this.updateStatus(lws, spec, applied, revisionKey);
    if (updateDone) await this.revisions.truncate(lws, revisionKey);
  }

  private groupStates(lws: KubeObject, spec: LwsSpec, revisionKey: string, count: number): GroupState[] {
    const name = lws.metadata.name ?? "";
    const namespace = lws.metadata.namespace ?? "";
    return Array.from({ length: count }, (_, i) => {
      const leader = this.informers.pods.get(namespace, `${name}-${i}`);
      const workers = this.informers.statefulSets.get(namespace, `${name}-${i}`);
      const isLeader = leader?.metadata.labels?.[LABELS.workerIndex] === "0" && leader.metadata.labels?.[LABELS.groupIndex] === String(i);
      if (!isLeader) return { ready: false, updated: false };
      return judgeGroup({ leader, workers: workers?.metadata.labels?.[LABELS.groupIndex] === String(i) ? workers : undefined }, spec.size, revisionKey);
    });
  }

  private async applyLeaderStatefulSet(lws: KubeObject, spec: LwsSpec, current: KubeObject | undefined, revisionKey: string, newRevision: boolean): Promise<KubeObject> {
    const stsSpec = record(current?.spec);
    const stsReplicas = integer(stsSpec.replicas) ?? 0;
    const decision = leaderStatefulSetRollout({
      replicas: spec.replicas,
      maxUnavailable: spec.maxUnavailable,
      maxSurge: spec.maxSurge,
      userPartition: spec.partition,
      leaderStatefulSet: current ? { replicas: stsReplicas, partition: integer(record(record(stsSpec.updateStrategy).rollingUpdate).partition) ?? 0, replicasAnnotation: current.metadata.annotations?.[ANNOTATIONS.replicas] } : undefined,
      newRevision,
      groups: current ? this.groupStates(lws, spec, revisionKey, stsReplicas) : [],
    });
    const desired = leaderStatefulSet(lws, { revisionKey, replicas: decision.replicas, partition: decision.partition, maxUnavailable: statefulSetMaxUnavailable(spec.replicas, spec.maxUnavailable, spec.maxSurge) });
    const name = lws.metadata.name ?? "";
    if (current && this.alreadyApplied(current, desired)) return current;
    let applied: KubeObject;
    try {
      applied = await this.client.patch(STATEFUL_SETS, lws.metadata.namespace ?? "", name, { type: "apply", body: desired }, { fieldManager: LWS_CONTROLLER_NAME, force: true });
      this.lastApplied.set(applied.metadata.uid ?? "", JSON.stringify(desired));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (current) this.recorder.event(lws, "Warning", EVENT_REASONS.failedUpdate, `Failed to update leader statefulset ${name}: ${message}`);
      else this.recorder.event(lws, "Warning", EVENT_REASONS.failedCreate, `Failed to create leader statefulset ${name}: ${message}`);
      throw err;
    }
    if (!current) this.recorder.event(lws, "Normal", EVENT_REASONS.groupsProgressing, `Created leader statefulset ${name}`);
    else if (decision.updatingNote) this.recorder.event(lws, "Normal", EVENT_REASONS.groupsUpdating, decision.updatingNote);
    if (decision.deletedSurge) this.recorder.event(lws, "Normal", EVENT_REASONS.groupsProgressing, deletingSurgeNote(name, decision.deletedSurge));
    return applied;
  }

  /**
   * Whether applying `desired` again would change nothing: we applied exactly this before (so no
   * field we own would be dropped) and the live object still holds every value. Skipping those
   * no-op applies spares a server-side apply of the whole pod template per reconcile.
   */
  private alreadyApplied(live: KubeObject, desired: KubeObject): boolean {
    const previous = this.lastApplied.get(live.metadata.uid ?? "");
    return previous !== undefined && previous === JSON.stringify(desired) && containsFields(live, desired);
  }

  private async ensureSharedService(lws: KubeObject): Promise<void> {
    if (this.informers.services.get(lws.metadata.namespace ?? "", lws.metadata.name ?? "")) return;
    try {
      await this.client.create(SERVICES, sharedService(lws), { fieldManager: LWS_CONTROLLER_NAME });
    } catch (err) {
      if (isAlreadyExists(err)) return;
      this.recorder.event(lws, "Warning", EVENT_REASONS.failedCreate, `Failed to create headless service for error: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    }
  }

  /** Status from every leader pod (§8.5) and the conditions (§8.6); returns whether the update is done. */
  private async updateStatus(lws: KubeObject, spec: LwsSpec, leaderSts: KubeObject, revisionKey: string): Promise<boolean> {
    const name = lws.metadata.name ?? "";
    const namespace = lws.metadata.namespace ?? "";
    const groups: GroupObservation[] = this.informers.pods
      .byIndex(LEADERS_INDEX, `${namespace}/${name}`)
      .map((leader) => {
        const index = Number(leader.metadata.labels?.[LABELS.groupIndex] ?? leader.metadata.name?.split("-").pop());
        const workers = this.informers.statefulSets.get(namespace, leader.metadata.name ?? "");
        return { index, exists: spec.size === 1 || workers !== undefined, ...judgeGroup({ leader, workers }, spec.size, revisionKey) };
      });
    const accounting = accountGroups(groups, spec.replicas, spec.partition);
    const status = record(lws.status);
    const generation = lws.metadata.generation ?? 1;
    const conditions = nextConditions(records(status.conditions) as unknown as Condition[], accounting, spec.replicas, generation, rfc3339(new Date()));
    const next = {
      ...status,
      replicas: integer(record(leaderSts.status).replicas) ?? 0,
      readyReplicas: accounting.readyReplicas,
      updatedReplicas: accounting.updatedReplicas,
      hpaPodSelector: status.hpaPodSelector ?? `${LABELS.name}=${name},${LABELS.workerIndex}=0`,
      observedGeneration: generation,
      conditions: conditions.conditions,
    };
    if (!deepEqual(next, status)) {
      try {
        await this.client.updateStatus(LEADER_WORKER_SETS, { ...lws, status: next }, { fieldManager: LWS_CONTROLLER_NAME });
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
      if (conditions.event) this.recorder.event(lws, "Normal", conditions.event.reason, conditions.event.note);
    }
    return accounting.updateDone;
  }
}
