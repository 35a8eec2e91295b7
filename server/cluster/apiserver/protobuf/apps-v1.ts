/** k8s.io/api/apps/v1 Deployment (numbers from its generated.proto). */
import { bool, int, intOrString, list, msg, ptr, str, time, type MessageDescriptor } from "./descriptors";
import { PodTemplateSpec } from "./core-v1-pod";
import { LabelSelector, ObjectMeta } from "./meta-v1";

export const Deployment: MessageDescriptor = {
  1: msg("metadata", () => ObjectMeta),
  2: msg("spec", () => DeploymentSpec),
  3: msg("status", () => DeploymentStatus),
};

const DeploymentSpec: MessageDescriptor = {
  1: ptr(int("replicas")),
  2: msg("selector", () => LabelSelector),
  3: msg("template", () => PodTemplateSpec),
  4: msg("strategy", () => DeploymentStrategy),
  5: int("minReadySeconds"),
  6: ptr(int("revisionHistoryLimit")),
  7: bool("paused"),
  9: ptr(int("progressDeadlineSeconds")),
  10: ptr(str("podReplacementPolicy")),
};

const DeploymentStrategy: MessageDescriptor = {
  1: str("type"),
  2: msg("rollingUpdate", () => ({ 1: ptr(intOrString("maxUnavailable")), 2: ptr(intOrString("maxSurge")) })),
};

const DeploymentStatus: MessageDescriptor = {
  1: int("observedGeneration"),
  2: int("replicas"),
  3: int("updatedReplicas"),
  7: int("readyReplicas"),
  4: int("availableReplicas"),
  5: int("unavailableReplicas"),
  9: ptr(int("terminatingReplicas")),
  6: list(msg("conditions", () => DeploymentCondition)),
  8: ptr(int("collisionCount")),
};

const DeploymentCondition: MessageDescriptor = {
  1: str("type"),
  2: str("status"),
  6: time("lastUpdateTime"),
  7: time("lastTransitionTime"),
  4: str("reason"),
  5: str("message"),
};
