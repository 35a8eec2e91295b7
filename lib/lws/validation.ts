import { record, text } from "@/lib/k8s/object-fields";
import type { KubeObject } from "@/lib/k8s/types";
import { fieldError, validateDns1035Label, type FieldError } from "@/lib/k8s/validation";
import { ANNOTATIONS } from "./constants";
import { intOrPercentErrors, scaledValue } from "./int-or-percent";

const ROLLING = "spec.rolloutStrategy.rollingUpdateConfiguration";
// Upstream reports sub-group errors under this path, capital S included (§16.15).
const SUBGROUP_SIZE_PATH = "spec.leaderWorkerTemplate.SubGroupPolicy.subGroupSize";
const MAX_INT32 = 2147483647;

const ENUMS: Array<[string, (spec: Record<string, unknown>) => unknown, string[]]> = [
  ["spec.startupPolicy", (s) => s.startupPolicy, ["LeaderCreated", "LeaderReady"]],
  ["spec.leaderWorkerTemplate.restartPolicy", (s) => record(s.leaderWorkerTemplate).restartPolicy, ["Default", "RecreateGroupOnPodRestart", "RecreateGroupAfterStart", "None"]],
  ["spec.rolloutStrategy.type", (s) => record(s.rolloutStrategy).type, ["RollingUpdate"]],
  ["spec.networkConfig.subdomainPolicy", (s) => record(s.networkConfig).subdomainPolicy, ["Shared", "UniquePerReplica"]],
  ["spec.leaderWorkerTemplate.subGroupPolicy.subGroupPolicyType", (s) => record(record(s.leaderWorkerTemplate).subGroupPolicy).subGroupPolicyType, ["LeaderWorker", "LeaderExcluded"]],
];

function enumErrors(spec: Record<string, unknown>): FieldError[] {
  return ENUMS.flatMap(([path, read, allowed]) => {
    const value = read(spec);
    return value === undefined || value === "" || allowed.includes(String(value)) ? [] : [fieldError.notSupported(path, value, allowed)];
  });
}

function countErrors(spec: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const replicas = typeof spec.replicas === "number" ? spec.replicas : 1;
  const size = record(spec.leaderWorkerTemplate).size;
  const groupSize = typeof size === "number" ? size : 1;
  if (replicas < 0) errors.push(fieldError.invalid("spec.replicas", replicas, "replicas must be equal or greater than 0"));
  if (replicas > 1_000_000) errors.push(fieldError.invalid("spec.replicas", replicas, "replicas must be equal or less than 1000000"));
  if (groupSize < 1) errors.push(fieldError.invalid("spec.leaderWorkerTemplate.size", groupSize, "size must be equal or greater than 1"));
  if (replicas * groupSize > MAX_INT32) errors.push(fieldError.invalid("spec.replicas", replicas, "the product of replicas and worker replicas must not exceed 2147483647"));
  if (!record(record(spec.leaderWorkerTemplate).workerTemplate).spec) errors.push(fieldError.required("spec.leaderWorkerTemplate.workerTemplate.spec", ""));
  return errors;
}

function rolloutErrors(spec: Record<string, unknown>): FieldError[] {
  const config = record(record(spec.rolloutStrategy).rollingUpdateConfiguration);
  const errors: FieldError[] = [];
  for (const field of ["maxUnavailable", "maxSurge"]) {
    for (const message of intOrPercentErrors(config[field])) errors.push(fieldError.invalid(`${ROLLING}.${field}`, config[field], message));
  }
  if (typeof config.partition === "number" && config.partition < 0) errors.push(fieldError.invalid(`${ROLLING}.partition`, config.partition, "must be greater than or equal to 0"));
  if (errors.length > 0) return errors;
  const replicas = typeof spec.replicas === "number" ? spec.replicas : 1;
  const unavailable = config.maxUnavailable ?? 1;
  const surge = config.maxSurge ?? 0;
  if (replicas !== 0 && scaledValue(unavailable as number | string, replicas, false) === 0 && scaledValue(surge as number | string, replicas, true) === 0) {
    errors.push(fieldError.invalid(`${ROLLING}.maxUnavailable`, unavailable, "must not be 0 when `maxSurge` is 0"));
  }
  return errors;
}

function subGroupErrors(lws: KubeObject, spec: Record<string, unknown>): FieldError[] {
  const template = record(spec.leaderWorkerTemplate);
  const size = typeof template.size === "number" ? template.size : 1;
  if (template.subGroupPolicy === undefined || template.subGroupPolicy === null) {
    const annotation = `metadata.annotations[${ANNOTATIONS.subGroupExclusiveTopology}]`;
    return lws.metadata.annotations?.[ANNOTATIONS.subGroupExclusiveTopology] !== undefined ? [fieldError.invalid(annotation, lws.metadata.annotations[ANNOTATIONS.subGroupExclusiveTopology], "cannot have subgroup-exclusive-topology without subGroupSize set")] : [];
  }
  const policy = record(template.subGroupPolicy);
  const sgs = typeof policy.subGroupSize === "number" ? policy.subGroupSize : 0;
  if (sgs < 1) return [fieldError.invalid(SUBGROUP_SIZE_PATH, sgs, "subGroupSize must be equal or greater than 1")];
  const errors: FieldError[] = [];
  if (size % sgs !== 0 && (size - 1) % sgs !== 0) errors.push(fieldError.invalid(SUBGROUP_SIZE_PATH, sgs, "size or size - 1 must be divisible by subGroupSize"));
  if (size < sgs) errors.push(fieldError.invalid(SUBGROUP_SIZE_PATH, sgs, "subGroupSize cannot be larger than size"));
  if (text(policy.subGroupPolicyType) === "LeaderExcluded" && (size - 1) % sgs !== 0) errors.push(fieldError.invalid(SUBGROUP_SIZE_PATH, sgs, "size-1 must be divisible by subGroupSize when using LeaderExcluded"));
  return errors;
}

/** Upstream's validating webhook on create and update (§2.2), plus the CRD's enums. */
export function validateLeaderWorkerSet(lws: KubeObject): FieldError[] {
  const spec = record(lws.spec);
  const nameErrors = validateDns1035Label(lws.metadata.name ?? "").map((m) => fieldError.invalid("metadata.name", lws.metadata.name, m));
  return [...nameErrors, ...enumErrors(spec), ...countErrors(spec), ...rolloutErrors(spec), ...subGroupErrors(lws, spec)];
}

/** Update rules on top of the general ones (§2.3): sub-group size is fixed at creation. */
export function validateLeaderWorkerSetUpdate(lws: KubeObject, old: KubeObject): FieldError[] {
  const errors = validateLeaderWorkerSet(lws);
  const policy = record(lws.spec).leaderWorkerTemplate && record(record(lws.spec).leaderWorkerTemplate).subGroupPolicy;
  const oldPolicy = record(record(old.spec).leaderWorkerTemplate).subGroupPolicy;
  const size = (p: unknown) => record(p).subGroupSize;
  if (policy && oldPolicy && size(policy) !== size(oldPolicy)) errors.push(fieldError.invalid(SUBGROUP_SIZE_PATH, size(policy), "field is immutable"));
  if (policy && !oldPolicy) errors.push(fieldError.invalid(SUBGROUP_SIZE_PATH, size(policy), "cannot enable subGroupSize after the lws is already created"));
  if (!policy && oldPolicy) errors.push(fieldError.invalid(SUBGROUP_SIZE_PATH, undefined, "cannot remove subGroupSize after enabled"));
  const network = record(lws.spec).networkConfig;
  if (network && record(network).subdomainPolicy === null) errors.push(fieldError.invalid("spec.networkConfig.subdomainPolicy", null, "cannot set subdomainPolicy as null"));
  return errors;
}
