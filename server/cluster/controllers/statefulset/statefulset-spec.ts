import { isRecord, type KubeObject, type LabelSelector, type ObjectMeta, type OwnerReference } from "@/lib/k8s/types";

export interface PodTemplate {
  metadata?: ObjectMeta;
  spec?: Record<string, unknown>;
}

export type RetentionPolicyType = "Retain" | "Delete";

/** apps/v1 StatefulSetSpec as the controller reads it, with the API's defaults filled in. */
export interface StatefulSetSpec {
  replicas: number;
  /** spec.ordinals.start */
  start: number;
  /** OrderedReady: one pod at a time, each after its predecessors are Running and Ready */
  monotonic: boolean;
  serviceName: string;
  selector: LabelSelector;
  template: PodTemplate;
  volumeClaimTemplates: KubeObject[];
  updateStrategy: { type: "RollingUpdate" | "OnDelete"; partition: number; maxUnavailable?: number | string };
  retention: { whenDeleted: RetentionPolicyType; whenScaled: RetentionPolicyType };
  minReadySeconds: number;
  revisionHistoryLimit: number;
}

export interface StatefulSetStatus {
  observedGeneration?: number;
  replicas: number;
  readyReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  currentRevision?: string;
  updateRevision?: string;
  collisionCount?: number;
}

type Json = Record<string, unknown>;

const record = (value: unknown): Json => (isRecord(value) ? value : {});
const count = (value: unknown, fallback: number): number => (typeof value === "number" && Number.isFinite(value) ? value : fallback);
const policy = (value: unknown): RetentionPolicyType => (value === "Delete" ? "Delete" : "Retain");

export function readSpec(set: KubeObject): StatefulSetSpec {
  const spec = record(set.spec);
  const strategy = record(spec.updateStrategy);
  const rolling = record(strategy.rollingUpdate);
  const retention = record(spec.persistentVolumeClaimRetentionPolicy);
  const maxUnavailable = rolling.maxUnavailable;
  return {
    replicas: count(spec.replicas, 1),
    start: count(record(spec.ordinals).start, 0),
    monotonic: spec.podManagementPolicy !== "Parallel",
    serviceName: typeof spec.serviceName === "string" ? spec.serviceName : "",
    selector: record(spec.selector) as LabelSelector,
    template: record(spec.template) as PodTemplate,
    volumeClaimTemplates: (Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []).filter(isRecord) as KubeObject[],
    updateStrategy: {
      type: strategy.type === "OnDelete" ? "OnDelete" : "RollingUpdate",
      partition: count(rolling.partition, 0),
      maxUnavailable: typeof maxUnavailable === "number" || typeof maxUnavailable === "string" ? maxUnavailable : undefined,
    },
    retention: { whenDeleted: policy(retention.whenDeleted), whenScaled: policy(retention.whenScaled) },
    minReadySeconds: count(spec.minReadySeconds, 0),
    revisionHistoryLimit: count(spec.revisionHistoryLimit, 10),
  };
}

export function readStatus(set: KubeObject): Partial<StatefulSetStatus> {
  return record(set.status) as Partial<StatefulSetStatus>;
}

/** The reference that makes the StatefulSet its pods' and revisions' controller (metav1.NewControllerRef). */
export function controllerRef(set: KubeObject): OwnerReference {
  return { apiVersion: "apps/v1", kind: "StatefulSet", name: set.metadata.name ?? "", uid: set.metadata.uid ?? "", controller: true, blockOwnerDeletion: true };
}

/** The StatefulSet that controls `object`, if any. */
export function controllingStatefulSet(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((ref) => ref.controller && ref.kind === "StatefulSet" && ref.apiVersion.startsWith("apps/"));
}

export function isControlledBy(object: KubeObject, set: KubeObject): boolean {
  return controllingStatefulSet(object)?.uid === set.metadata.uid;
}
