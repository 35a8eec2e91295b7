import { isAlreadyExists } from "@/lib/k8s/api-errors";
import { record, text } from "@/lib/k8s/object-fields";
import { POD_GROUPS, SERVICES, STATEFUL_SETS, type ResourceInfo } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, EVENT_REASONS, LABELS, LWS_CONTROLLER_NAME } from "@/lib/lws/constants";
import type { Client } from "@/server/runtime/client";
import type { EventRecorder } from "@/server/runtime/event-recorder";
import type { ReconcileResult } from "@/server/runtime/work-queue";
import type { LwsRevisions } from "./controller-revisions";
import { leaderReady } from "./group-readiness";
import { perReplicaService } from "./headless-services";
import type { LwsInformers } from "./lws-informers";
import { lwsSpec } from "./lws-spec";
import type { GroupRestartPolicy } from "./restart-policy";
import { podRequestsTpus } from "./tpu-env";
import { volcanoPodGroup } from "./volcano-pod-group";
import { workerStatefulSet } from "./worker-statefulset";

/**
 * The pod reconciler (§3.4, §7): restart policy for every LWS pod; for a leader pod, its
 * per-replica Service, its PodGroup (gang scheduling) and its group's worker StatefulSet, built
 * from the leader's revision.
 */
export class PodReconciler {
  constructor(
    private readonly client: Client,
    private readonly informers: LwsInformers,
    private readonly revisions: LwsRevisions,
    private readonly restarts: GroupRestartPolicy,
    private readonly recorder: EventRecorder,
  ) {}

  async reconcile(key: string): Promise<ReconcileResult | void> {
    const [namespace, name] = key.split("/");
    const pod = this.informers.pods.get(namespace, name);
    const lwsName = pod?.metadata.labels?.[LABELS.name];
    if (!pod || !lwsName || pod.metadata.labels?.[LABELS.workerIndex] === undefined) return;
    const lws = this.informers.lws.get(namespace, lwsName);
    if (!lws) return;
    if (await this.restarts.handle(pod, lws)) return;
    if (pod.metadata.labels?.[LABELS.workerIndex] !== "0") return;
    if (pod.metadata.annotations?.[ANNOTATIONS.leaderName] !== undefined) {
      this.recorder.event(lws, "Warning", EVENT_REASONS.failedCreate, `Pod ${name} is a leader but carries the ${ANNOTATIONS.leaderName} annotation: the cluster must be Kubernetes >= v1.27 (or v1.26 with StatefulSetStartOrdinal enabled)`);
      return;
    }
    if (pod.metadata.deletionTimestamp) return;
    return this.reconcileLeader(pod, lws);
  }

  private async reconcileLeader(leader: KubeObject, lws: KubeObject): Promise<ReconcileResult | void> {
    const spec = lwsSpec(lws);
    const namespace = leader.metadata.namespace ?? "";
    if (spec.subdomainPolicy === "UniquePerReplica" && !this.informers.services.get(namespace, leader.metadata.name ?? "")) {
      await this.createIgnoringExisting(SERVICES, perReplicaService(lws.metadata.name ?? "", leader));
    }
    await this.createPodGroupIfAbsent(lws, leader);
    if (spec.size === 1) return;
    if (spec.startupPolicy === "LeaderReady" && !leaderReady(leader)) return;
    const revision = this.revisions.rebuild(lws, leader.metadata.labels?.[LABELS.templateRevisionHash] ?? "");
    if (!revision) return { requeueAfterMs: 1000 };
    const topologyKey = lws.metadata.annotations?.[ANNOTATIONS.exclusiveTopology];
    let nodeSelector: Record<string, string> | undefined;
    if (topologyKey) {
      const nodeName = text(record(leader.spec).nodeName);
      if (!nodeName) return;
      const value = this.informers.nodes.get("", nodeName)?.metadata.labels?.[topologyKey];
      if (value === undefined) throw new Error(`node ${nodeName} of leader ${leader.metadata.name} has no ${topologyKey} label (or is not known yet)`);
      nodeSelector = { [topologyKey]: value };
    }
    if (this.informers.statefulSets.get(namespace, leader.metadata.name ?? "")) return;
    const sts = workerStatefulSet({ revision, live: lws, leader, nodeSelector, leaderRequestsTpus: podRequestsTpus(leader.spec) });
    try {
      if (await this.createIgnoringExisting(STATEFUL_SETS, sts)) this.recorder.event(lws, "Normal", EVENT_REASONS.groupsProgressing, `Created worker statefulset for leader pod ${leader.metadata.name}`);
    } catch (err) {
      this.recorder.event(lws, "Warning", EVENT_REASONS.failedCreate, `Failed to create worker statefulset for leader pod ${leader.metadata.name}: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    }
  }

  /** With gang scheduling (the only case with a PodGroup informer): the group's PodGroup, never updated once it exists. */
  private async createPodGroupIfAbsent(lws: KubeObject, leader: KubeObject): Promise<void> {
    const name = leader.metadata.annotations?.[ANNOTATIONS.volcanoGroupName];
    // A leader admitted before gang scheduling was enabled names no PodGroup.
    if (!this.informers.podGroups || !name || this.informers.podGroups.get(leader.metadata.namespace ?? "", name)) return;
    await this.createIgnoringExisting(POD_GROUPS, volcanoPodGroup(lws, leader));
  }

  /** Creates the object; false when it already existed (the informer had not caught up). */
  private async createIgnoringExisting(resource: ResourceInfo, object: KubeObject): Promise<boolean> {
    try {
      await this.client.create(resource, object, { fieldManager: LWS_CONTROLLER_NAME });
      return true;
    } catch (err) {
      if (isAlreadyExists(err)) return false;
      throw err;
    }
  }
}
