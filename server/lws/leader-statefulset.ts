import { clone } from "@/lib/k8s/deep-equal";
import { record } from "@/lib/k8s/object-fields";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, LABELS } from "@/lib/lws/constants";
import { claimTemplates, lwsSpec } from "./lws-spec";
import { controllerRef } from "./owner-references";

export interface LeaderStatefulSetShape {
  revisionKey: string;
  replicas: number;
  partition: number;
  maxUnavailable: number;
}

/** Annotations the leader pod template carries (§3.2). */
function leaderTemplateAnnotations(lws: KubeObject): Record<string, string> {
  const spec = lwsSpec(lws);
  const own = lws.metadata.annotations ?? {};
  const annotations: Record<string, string> = { [ANNOTATIONS.size]: String(spec.size) };
  if (own[ANNOTATIONS.exclusiveTopology]) annotations[ANNOTATIONS.exclusiveTopology] = own[ANNOTATIONS.exclusiveTopology];
  if (spec.subGroupPolicy) {
    annotations[ANNOTATIONS.subGroupPolicyType] = spec.subGroupPolicy.type ?? "LeaderWorker";
    annotations[ANNOTATIONS.subGroupSize] = String(spec.subGroupPolicy.size);
    if (own[ANNOTATIONS.subGroupExclusiveTopology]) annotations[ANNOTATIONS.subGroupExclusiveTopology] = own[ANNOTATIONS.subGroupExclusiveTopology];
  }
  if (spec.subdomainPolicy === "UniquePerReplica") annotations[ANNOTATIONS.subdomainPolicy] = "UniquePerReplica";
  return annotations;
}

/** The leader StatefulSet `<lws>` as the LWS controller server-side applies it (§3.2). */
export function leaderStatefulSet(lws: KubeObject, shape: LeaderStatefulSetShape): KubeObject {
  const name = lws.metadata.name ?? "";
  const spec = lwsSpec(lws);
  const template = clone(spec.leaderTemplate ?? spec.workerTemplate);
  const meta = record(template.metadata);
  const identity = { [LABELS.name]: name, [LABELS.templateRevisionHash]: shape.revisionKey };
  template.metadata = {
    ...meta,
    labels: { ...record(meta.labels), [LABELS.workerIndex]: "0", ...identity },
    annotations: { ...record(meta.annotations), ...leaderTemplateAnnotations(lws) },
  };
  const claims = claimTemplates(spec.volumeClaimTemplates);
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: {
      name,
      namespace: lws.metadata.namespace,
      labels: { ...lws.metadata.labels, ...identity },
      annotations: { ...lws.metadata.annotations, [ANNOTATIONS.replicas]: String(spec.replicas) },
      ownerReferences: [controllerRef(lws)],
    },
    spec: {
      replicas: shape.replicas,
      serviceName: name,
      podManagementPolicy: "Parallel",
      selector: { matchLabels: { [LABELS.name]: name, [LABELS.workerIndex]: "0" } },
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: shape.partition, maxUnavailable: shape.maxUnavailable } },
      template,
      ...(claims ? { volumeClaimTemplates: claims } : {}),
      ...(spec.retentionPolicy ? { persistentVolumeClaimRetentionPolicy: spec.retentionPolicy } : {}),
    },
  };
}
