/**
 * Gang scheduling through volcano (lws-upstream-spec §10.1-10.2): the pod webhook names every
 * pod's PodGroup, and the pod reconciler creates one `scheduling.volcano.sh/v1beta1` PodGroup per
 * group and revision, owned by the group's leader pod.
 */
import { addInto, podRequests, resourceList } from "@/lib/k8s/pod-requests";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, LABELS } from "@/lib/lws/constants";
import { lwsSpec } from "./lws-spec";
import { controllerRef } from "./owner-references";

/** The schedulers LWS can create pod groups for (upstream's gangSchedulingManagement.schedulerProvider). */
export const GANG_SCHEDULER_PROVIDERS = ["volcano"] as const;
export type GangSchedulerProvider = (typeof GANG_SCHEDULER_PROVIDERS)[number];

/** LWS annotations with this prefix are copied onto its PodGroups. */
const VOLCANO_ANNOTATION_PREFIX = "volcano.sh/";

/** `<lws>-<group index>-<revision key>`: one PodGroup per group and template revision. */
export function podGroupName(lwsName: string, groupIndex: string, revisionKey: string): string {
  return `${lwsName}-${groupIndex}-${revisionKey}`;
}

/** The webhook's part: annotates a pod (mutated in place) with its PodGroup, named from the pod's own labels. */
export function annotatePodGroup(pod: KubeObject): void {
  const labels = pod.metadata.labels ?? {};
  const name = podGroupName(labels[LABELS.name] ?? "", labels[LABELS.groupIndex] ?? "", labels[LABELS.templateRevisionHash] ?? "");
  (pod.metadata.annotations ??= {})[ANNOTATIONS.volcanoGroupName] = name;
}

/**
 * What a whole group requests: one leader (leader template, else worker template) plus size-1
 * workers, each by the standard pod request calculation. Reserved even under LeaderReady.
 */
export function groupMinResources(lws: KubeObject): Record<string, string> {
  const spec = lwsSpec(lws);
  const total = podRequests((spec.leaderTemplate ?? spec.workerTemplate).spec);
  const worker = podRequests(spec.workerTemplate.spec);
  for (let i = 1; i < spec.size; i++) addInto(total, worker);
  return resourceList(total);
}

function volcanoAnnotations(lws: KubeObject): Record<string, string> | undefined {
  const entries = Object.entries(lws.metadata.annotations ?? {}).filter(([key]) => key.startsWith(VOLCANO_ANNOTATION_PREFIX));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * The PodGroup of a leader's group, named by the leader's group-name annotation. minMember is the
 * group size, or 1 under LeaderReady (workers only exist once the leader is ready, so the leader
 * must be able to go alone); minResources always covers the whole group.
 */
export function volcanoPodGroup(lws: KubeObject, leader: KubeObject): KubeObject {
  const spec = lwsSpec(lws);
  const leaderLabels = leader.metadata.labels ?? {};
  const queue = lws.metadata.annotations?.[ANNOTATIONS.volcanoQueueName];
  const annotations = volcanoAnnotations(lws);
  return {
    apiVersion: "scheduling.volcano.sh/v1beta1",
    kind: "PodGroup",
    metadata: {
      name: leader.metadata.annotations?.[ANNOTATIONS.volcanoGroupName] ?? "",
      namespace: lws.metadata.namespace,
      labels: {
        [LABELS.name]: lws.metadata.name ?? "",
        [LABELS.groupIndex]: leaderLabels[LABELS.groupIndex] ?? "",
        [LABELS.templateRevisionHash]: leaderLabels[LABELS.templateRevisionHash] ?? "",
      },
      ...(annotations ? { annotations } : {}),
      ownerReferences: [controllerRef(leader)],
    },
    spec: {
      minMember: spec.startupPolicy === "LeaderReady" ? 1 : spec.size,
      minResources: groupMinResources(lws),
      ...(queue !== undefined ? { queue } : {}),
    },
  };
}
