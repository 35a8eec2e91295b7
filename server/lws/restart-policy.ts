import { records, text } from "@/lib/k8s/object-fields";
import { PODS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, EVENT_REASONS, LABELS } from "@/lib/lws/constants";
import type { Client } from "@/server/runtime/client";
import type { EventRecorder } from "@/server/runtime/event-recorder";
import type { LwsInformers } from "./lws-informers";
import { lwsSpec } from "./lws-spec";
import { controllerOf } from "./owner-references";

/** A container of the pod restarted (§7.2): Running or Pending with a non-zero restartCount. */
export function containerRestarted(pod: KubeObject): boolean {
  const status = (pod.status ?? {}) as Record<string, unknown>;
  const phase = text(status.phase);
  if (phase !== "Running" && phase !== "Pending") return false;
  return [...records(status.containerStatuses), ...records(status.initContainerStatuses)].some((c) => typeof c.restartCount === "number" && c.restartCount > 0);
}

/**
 * The group restart policies (§7): a restarted or deleted pod of a group makes the controller
 * delete the leader with foreground propagation, which tears the whole group down for the
 * leader StatefulSet to recreate. Returns true when the group is (being) recreated.
 */
export class GroupRestartPolicy {
  constructor(
    private readonly client: Client,
    private readonly informers: LwsInformers,
    private readonly recorder: EventRecorder,
  ) {}

  async handle(pod: KubeObject, lws: KubeObject): Promise<boolean> {
    const spec = lwsSpec(lws);
    if (spec.restartPolicy !== "RecreateGroupOnPodRestart" && spec.restartPolicy !== "RecreateGroupAfterStart") return false;
    if (!containerRestarted(pod) && !pod.metadata.deletionTimestamp) return false;
    const afterStart = spec.restartPolicy === "RecreateGroupAfterStart" || lws.metadata.annotations?.[ANNOTATIONS.experimentalRecreateGroupAfterStart] !== undefined;
    if (afterStart && this.groupPending(pod, lws, spec.size)) return false;
    const leader = this.leaderOf(pod);
    if (!leader) return false;
    if (leader.metadata.deletionTimestamp) return true;
    await this.client.delete(PODS, leader.metadata.namespace ?? "", leader.metadata.name ?? "", { propagationPolicy: "Foreground", preconditions: { uid: leader.metadata.uid } });
    const group = leader.metadata.labels?.[LABELS.groupIndex] ?? "";
    this.recorder.event(lws, "Normal", EVENT_REASONS.recreateGroup, `Worker pod ${pod.metadata.name} failed, deleted leader pod ${leader.metadata.name} to recreate group ${group}`);
    return true;
  }

  /** RecreateGroupAfterStart waits until every pod of the group exists and none is Pending. */
  private groupPending(pod: KubeObject, lws: KubeObject, size: number): boolean {
    const group = pod.metadata.labels?.[LABELS.groupIndex];
    const members = this.informers.pods.byLabel(LABELS.groupIndex, group ?? "").filter((p) => p.metadata.namespace === pod.metadata.namespace && p.metadata.labels?.[LABELS.name] === lws.metadata.name);
    return members.length !== size || members.some((p) => text((p.status as Record<string, unknown> | undefined)?.phase) === "Pending");
  }

  /** The pod's leader, verified to be the incarnation this worker belongs to (prevents double recreation). */
  private leaderOf(pod: KubeObject): KubeObject | undefined {
    if (pod.metadata.labels?.[LABELS.workerIndex] === "0") return pod;
    const namespace = pod.metadata.namespace ?? "";
    const leaderName = (pod.metadata.name ?? "").replace(/-\d+$/, "");
    const leader = this.informers.pods.get(namespace, leaderName);
    if (!leader || leader.metadata.labels?.[LABELS.templateRevisionHash] !== pod.metadata.labels?.[LABELS.templateRevisionHash]) return undefined;
    const owner = controllerOf(pod);
    if (owner?.kind === "Pod") return owner.name === leader.metadata.name && owner.uid === leader.metadata.uid ? leader : undefined;
    if (owner?.kind !== "StatefulSet") return undefined;
    const sts = this.informers.statefulSets.get(namespace, owner.name);
    const stsOwner = sts && controllerOf(sts);
    return sts?.metadata.uid === owner.uid && stsOwner?.name === leader.metadata.name && stsOwner?.uid === leader.metadata.uid ? leader : undefined;
  }
}

