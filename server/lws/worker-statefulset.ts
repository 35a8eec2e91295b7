import { clone } from "@/lib/k8s/deep-equal";
import { record } from "@/lib/k8s/object-fields";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, LABELS } from "@/lib/lws/constants";
import { claimTemplates, lwsSpec } from "./lws-spec";
import { controllerRef } from "./owner-references";

export interface WorkerStatefulSetInput {
  /** the LWS as it was at the leader's revision (templates, size, subgroups, network) */
  revision: KubeObject;
  /** the live LWS (labels, annotations) */
  live: KubeObject;
  leader: KubeObject;
  /** `{<topologyKey>: <value>}` when the LWS has exclusive placement */
  nodeSelector?: Record<string, string>;
  leaderRequestsTpus: boolean;
}

function workerAnnotations(input: WorkerStatefulSetInput): Record<string, string> {
  const spec = lwsSpec(input.revision);
  const own = input.live.metadata.annotations ?? {};
  const annotations: Record<string, string> = { [ANNOTATIONS.size]: String(spec.size), [ANNOTATIONS.leaderName]: input.leader.metadata.name ?? "" };
  if (own[ANNOTATIONS.exclusiveTopology]) annotations[ANNOTATIONS.exclusiveTopology] = own[ANNOTATIONS.exclusiveTopology];
  if (spec.subGroupPolicy) {
    if (spec.subGroupPolicy.type) annotations[ANNOTATIONS.subGroupPolicyType] = spec.subGroupPolicy.type;
    annotations[ANNOTATIONS.subGroupSize] = String(spec.subGroupPolicy.size);
    if (own[ANNOTATIONS.subGroupExclusiveTopology]) annotations[ANNOTATIONS.subGroupExclusiveTopology] = own[ANNOTATIONS.subGroupExclusiveTopology];
  }
  if (input.leaderRequestsTpus) annotations[ANNOTATIONS.leaderRequestsTpus] = "true";
  return annotations;
}

/** The worker StatefulSet `<lws>-<i>` of one leader pod, built from the leader's revision (§3.3). */
export function workerStatefulSet(input: WorkerStatefulSetInput): KubeObject {
  const { revision, live, leader } = input;
  const lwsName = live.metadata.name ?? "";
  const spec = lwsSpec(revision);
  const leaderLabels = leader.metadata.labels ?? {};
  const identity = {
    [LABELS.groupIndex]: leaderLabels[LABELS.groupIndex] ?? "",
    [LABELS.name]: lwsName,
    [LABELS.groupKey]: leaderLabels[LABELS.groupKey] ?? "",
  };
  const template = clone(spec.workerTemplate);
  const meta = record(template.metadata);
  template.metadata = {
    ...meta,
    labels: { ...record(meta.labels), ...identity, [LABELS.templateRevisionHash]: leaderLabels[LABELS.templateRevisionHash] ?? "" },
    annotations: { ...record(meta.annotations), ...workerAnnotations(input) },
  };
  if (input.nodeSelector) {
    const podSpec = record(template.spec);
    template.spec = { ...podSpec, nodeSelector: { ...record(podSpec.nodeSelector), ...input.nodeSelector } };
  }
  const claims = claimTemplates(spec.volumeClaimTemplates);
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: {
      name: leader.metadata.name,
      namespace: live.metadata.namespace,
      labels: { ...live.metadata.labels, ...identity, [LABELS.templateRevisionHash]: leaderLabels[LABELS.templateRevisionHash] ?? "" },
      annotations: { ...live.metadata.annotations },
      ownerReferences: [controllerRef(leader)],
    },
    spec: {
      replicas: spec.size - 1,
      serviceName: spec.subdomainPolicy === "UniquePerReplica" ? leader.metadata.name : lwsName,
      podManagementPolicy: "Parallel",
      ordinals: { start: 1 },
      selector: { matchLabels: identity },
      template,
      ...(claims ? { volumeClaimTemplates: claims } : {}),
      ...(spec.retentionPolicy ? { persistentVolumeClaimRetentionPolicy: spec.retentionPolicy } : {}),
    },
  };
}
