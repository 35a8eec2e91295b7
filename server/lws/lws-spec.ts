import { integer, record, text } from "@/lib/k8s/object-fields";
import type { KubeObject } from "@/lib/k8s/types";

/** The parts of an LWS spec the controller reads, with upstream's defaults for what is unset. */
export interface LwsSpec {
  replicas: number;
  size: number;
  leaderTemplate?: Record<string, unknown>;
  workerTemplate: Record<string, unknown>;
  restartPolicy: string;
  startupPolicy: string;
  subGroupPolicy?: { type?: string; size: number };
  volumeClaimTemplates?: unknown[];
  retentionPolicy?: Record<string, unknown>;
  subdomainPolicy: string;
  maxUnavailable: number | string;
  maxSurge: number | string;
  partition: number;
}

function intOrString(value: unknown, fallback: number): number | string {
  return typeof value === "number" || typeof value === "string" ? value : fallback;
}

export function lwsSpec(lws: KubeObject): LwsSpec {
  const spec = record(lws.spec);
  const template = record(spec.leaderWorkerTemplate);
  const rolling = record(record(spec.rolloutStrategy).rollingUpdateConfiguration);
  const subGroup = template.subGroupPolicy === undefined ? undefined : record(template.subGroupPolicy);
  return {
    replicas: integer(spec.replicas) ?? 1,
    size: integer(template.size) ?? 1,
    leaderTemplate: template.leaderTemplate === undefined ? undefined : record(template.leaderTemplate),
    workerTemplate: record(template.workerTemplate),
    restartPolicy: text(template.restartPolicy) || "RecreateGroupOnPodRestart",
    startupPolicy: text(spec.startupPolicy) || "LeaderCreated",
    subGroupPolicy: subGroup ? { type: text(subGroup.subGroupPolicyType) || undefined, size: integer(subGroup.subGroupSize) ?? 1 } : undefined,
    volumeClaimTemplates: Array.isArray(template.volumeClaimTemplates) ? template.volumeClaimTemplates : undefined,
    retentionPolicy: template.persistentVolumeClaimRetentionPolicy === undefined ? undefined : record(template.persistentVolumeClaimRetentionPolicy),
    subdomainPolicy: text(record(spec.networkConfig).subdomainPolicy) || "Shared",
    maxUnavailable: intOrString(rolling.maxUnavailable, 1),
    maxSurge: intOrString(rolling.maxSurge, 0),
    partition: integer(rolling.partition) ?? 0,
  };
}

/** Only these PVC fields travel from the LWS into its StatefulSets (§3.6). */
export function claimTemplates(templates: unknown[] | undefined): unknown[] | undefined {
  return templates?.map((t) => {
    const claim = record(t);
    const spec = record(claim.spec);
    const resources = record(spec.resources);
    return {
      metadata: { name: text(record(claim.metadata).name) },
      spec: {
        ...(spec.accessModes ? { accessModes: spec.accessModes } : {}),
        ...(spec.storageClassName ? { storageClassName: spec.storageClassName } : {}),
        ...(spec.volumeMode ? { volumeMode: spec.volumeMode } : {}),
        resources: { ...(resources.requests ? { requests: resources.requests } : {}), ...(resources.limits ? { limits: resources.limits } : {}) },
      },
    };
  });
}
