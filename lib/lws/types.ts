/**
 * The leaderworkerset.x-k8s.io/v1 API (lws-upstream-spec §1) as TypeScript types. Fields the
 * CRD or the webhook default are optional here: objects read before admission may lack them.
 */
import { isRecord, type KubeObject, type ObjectMeta } from "@/lib/k8s/types";
import {
  LWS_API_VERSION,
  LWS_KIND,
  RESTART_POLICIES,
  ROLLOUT_STRATEGY_TYPES,
  STARTUP_POLICIES,
  SUBDOMAIN_POLICIES,
  SUBGROUP_POLICY_TYPES,
} from "./constants";

export type StartupPolicy = (typeof STARTUP_POLICIES)[number];
export type RestartPolicy = (typeof RESTART_POLICIES)[number];
export type RolloutStrategyType = (typeof ROLLOUT_STRATEGY_TYPES)[number];
export type SubdomainPolicy = (typeof SUBDOMAIN_POLICIES)[number];
export type SubGroupPolicyType = (typeof SUBGROUP_POLICY_TYPES)[number];

/** intstr.IntOrString: an absolute count or a percentage such as "25%". */
export type IntOrString = number | string;

/** core/v1 PodTemplateSpec; the pod spec stays untyped until a pod model narrows it. */
export interface PodTemplateSpec {
  metadata?: ObjectMeta;
  spec?: Record<string, unknown>;
}

/** core/v1 PersistentVolumeClaim as a claim template. */
export interface PersistentVolumeClaimTemplate {
  metadata?: ObjectMeta;
  spec?: Record<string, unknown>;
}

/** apps/v1 StatefulSetPersistentVolumeClaimRetentionPolicy. */
export interface PersistentVolumeClaimRetentionPolicy {
  whenDeleted?: string;
  whenScaled?: string;
}

export interface SubGroupPolicy {
  /** CRD default LeaderWorker */
  subGroupPolicyType?: SubGroupPolicyType;
  /** immutable; must divide size or size-1 */
  subGroupSize?: number;
}

export interface LeaderWorkerTemplate {
  /** the leader's template; the worker template when absent */
  leaderTemplate?: PodTemplateSpec;
  workerTemplate: PodTemplateSpec;
  /** pods per group, leader included; CRD default 1 */
  size?: number;
  /** CRD and webhook default RecreateGroupOnPodRestart */
  restartPolicy?: RestartPolicy;
  subGroupPolicy?: SubGroupPolicy;
  volumeClaimTemplates?: PersistentVolumeClaimTemplate[];
  persistentVolumeClaimRetentionPolicy?: PersistentVolumeClaimRetentionPolicy;
}

export interface RollingUpdateConfiguration {
  /** CRD default 0 */
  partition?: number;
  /** CRD default 1; percent of replicas rounds down */
  maxUnavailable?: IntOrString;
  /** CRD default 0; percent of replicas rounds up */
  maxSurge?: IntOrString;
}

export interface RolloutStrategy {
  type: RolloutStrategyType;
  rollingUpdateConfiguration?: RollingUpdateConfiguration;
}

export interface NetworkConfig {
  /** required by the CRD; the webhook defaults it to Shared */
  subdomainPolicy?: SubdomainPolicy;
}

export interface LeaderWorkerSetSpec {
  /** groups; CRD default 1, 0..1000000 */
  replicas?: number;
  leaderWorkerTemplate: LeaderWorkerTemplate;
  /** webhook default RollingUpdate with maxUnavailable 1, maxSurge 0, partition 0 */
  rolloutStrategy?: RolloutStrategy;
  /** CRD default LeaderCreated; empty behaves as LeaderCreated */
  startupPolicy?: StartupPolicy;
  /** webhook default {subdomainPolicy: Shared} */
  networkConfig?: NetworkConfig;
}

/** meta/v1 Condition. */
export interface Condition {
  type: string;
  status: "True" | "False" | "Unknown";
  observedGeneration?: number;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface LeaderWorkerSetStatus {
  /** Available, Progressing, UpdateInProgress; keyed by type */
  conditions?: Condition[];
  /** groups (surge included) whose leader is running and ready and whose workers are ready */
  readyReplicas?: number;
  /** groups (surge included) whose leader and workers carry the current revision */
  updatedReplicas?: number;
  /** the leader StatefulSet's status.replicas */
  replicas?: number;
  /** label selector of the leader pods, for the scale subresource */
  hpaPodSelector?: string;
  observedGeneration?: number;
}

export interface LeaderWorkerSet extends KubeObject {
  spec: LeaderWorkerSetSpec;
  status?: LeaderWorkerSetStatus;
}

/** An LWS to embed in another API (as DisaggregatedSet does). */
export interface LeaderWorkerSetTemplateSpec {
  metadata?: ObjectMeta;
  spec: LeaderWorkerSetSpec;
}

/** The kind check plus the one structural guarantee the API server gives: spec.leaderWorkerTemplate is an object. */
export function isLeaderWorkerSet(obj: unknown): obj is LeaderWorkerSet {
  if (!isRecord(obj) || obj.apiVersion !== LWS_API_VERSION || obj.kind !== LWS_KIND) return false;
  return isRecord(obj.metadata) && isRecord(obj.spec) && isRecord(obj.spec.leaderWorkerTemplate);
}
