/**
 * Upstream's LWS validating webhook (lws-upstream-spec §2.2, §2.3), plus the CRD schema rules the
 * webhook leans on (required templates, enums) so the browser editor reports them too. Messages,
 * paths and values are upstream's, including the `SubGroupPolicy` capital S.
 */
import { deepEqual } from "@/lib/k8s/deep-equal";
import { integer, optionalRecord, record } from "@/lib/k8s/object-fields";
import type { KubeObject } from "@/lib/k8s/types";
import { fieldError, validateObjectMeta, type FieldError } from "@/lib/k8s/validation";
import {
  ANNOTATIONS,
  DEFAULTS,
  MAX_REPLICAS,
  RESTART_POLICIES,
  ROLLOUT_STRATEGY_TYPES,
  STARTUP_POLICIES,
  SUBDOMAIN_POLICIES,
  SUBGROUP_POLICY_TYPES,
} from "./constants";
import { scaledValue, validateIntOrPercent } from "./int-or-percent";

const ROLLING_PATH = "spec.rolloutStrategy.rollingUpdateConfiguration";
const SUBGROUP_SIZE_PATH = "spec.leaderWorkerTemplate.SubGroupPolicy.subGroupSize";
const MAX_INT32 = 2147483647;

type Fields = Record<string, unknown>;

/** The spec as the webhook sees it: CRD defaults standing in for absent fields. */
interface SpecView {
  spec: Fields;
  template: Fields;
  replicas: number;
  size: number;
  /** undefined when nil, as Go's pointer */
  rolling?: Fields;
  subGroupPolicy?: Fields;
}

function viewOf(lws: KubeObject): SpecView {
  const spec = record(lws.spec);
  const template = record(spec.leaderWorkerTemplate);
  return {
    spec,
    template,
    replicas: integer(spec.replicas) ?? DEFAULTS.replicas,
    size: integer(template.size) ?? DEFAULTS.size,
    rolling: optionalRecord(record(spec.rolloutStrategy).rollingUpdateConfiguration),
    subGroupPolicy: optionalRecord(template.subGroupPolicy),
  };
}

/** [path, value, allowed values, whether "" means unset because the webhook defaults it] */
type EnumRule = [string, unknown, readonly string[], boolean];

function enumRules({ spec, template, subGroupPolicy }: SpecView): EnumRule[] {
  return [
    ["spec.startupPolicy", spec.startupPolicy, STARTUP_POLICIES, false],
    ["spec.leaderWorkerTemplate.restartPolicy", template.restartPolicy, RESTART_POLICIES, true],
    ["spec.rolloutStrategy.type", record(spec.rolloutStrategy).type, ROLLOUT_STRATEGY_TYPES, true],
    ["spec.networkConfig.subdomainPolicy", record(spec.networkConfig).subdomainPolicy, SUBDOMAIN_POLICIES, false],
    ["spec.leaderWorkerTemplate.subGroupPolicy.subGroupPolicyType", subGroupPolicy?.subGroupPolicyType, SUBGROUP_POLICY_TYPES, false],
  ];
}

/** What the CRD schema rejects before the webhook runs: missing templates and values outside the enums. */
function schemaErrors(view: SpecView): FieldError[] {
  const errors: FieldError[] = [];
  if (optionalRecord(view.spec.leaderWorkerTemplate) === undefined) errors.push(fieldError.required("spec.leaderWorkerTemplate"));
  else if (optionalRecord(view.template.workerTemplate) === undefined) errors.push(fieldError.required("spec.leaderWorkerTemplate.workerTemplate"));
  for (const [path, value, allowed, emptyIsUnset] of enumRules(view)) {
    if (value === undefined || value === null || (emptyIsUnset && value === "")) continue;
    if (typeof value !== "string" || !allowed.includes(value)) errors.push(fieldError.notSupported(path, value, allowed));
  }
  return errors;
}

function countErrors({ replicas, size }: SpecView): FieldError[] {
  const errors: FieldError[] = [];
  if (replicas < 0) errors.push(fieldError.invalid("spec.replicas", replicas, "replicas must be equal or greater than 0"));
  if (replicas > MAX_REPLICAS) errors.push(fieldError.invalid("spec.replicas", replicas, `replicas must be equal or less than ${MAX_REPLICAS}`));
  if (size < 1) errors.push(fieldError.invalid("spec.leaderWorkerTemplate.size", size, "size must be equal or greater than 1"));
  if (replicas * size > MAX_INT32) {
    errors.push(fieldError.invalid("spec.replicas", replicas, `the product of replicas and worker replicas must not exceed ${MAX_INT32}`));
  }
  return errors;
}

/** A failed scaling reports "invalid value" and counts as 0, as upstream's ignored return value does. */
function scaledOrError(value: unknown, replicas: number, roundUp: boolean, path: string, errors: FieldError[]): number {
  try {
    return scaledValue(value, replicas, roundUp);
  } catch {
    errors.push(fieldError.invalid(path, value, "invalid value"));
    return 0;
  }
}

/** The webhook always fills rollingUpdateConfiguration for RollingUpdate; without it there is nothing to check. */
function rolloutErrors({ rolling, replicas }: SpecView): FieldError[] {
  if (!rolling) return [];
  const maxUnavailable = rolling.maxUnavailable ?? DEFAULTS.maxUnavailable;
  const maxSurge = rolling.maxSurge ?? DEFAULTS.maxSurge;
  const partition = integer(rolling.partition) ?? DEFAULTS.partition;
  const errors = [...validateIntOrPercent(maxUnavailable, `${ROLLING_PATH}.maxUnavailable`), ...validateIntOrPercent(maxSurge, `${ROLLING_PATH}.maxSurge`)];
  if (partition < 0) errors.push(fieldError.invalid(`${ROLLING_PATH}.partition`, partition, "must be greater than or equal to 0"));
  const unavailable = scaledOrError(maxUnavailable, replicas, false, `${ROLLING_PATH}.maxUnavailable`, errors);
  const surge = scaledOrError(maxSurge, replicas, true, `${ROLLING_PATH}.maxSurge`, errors);
  if (unavailable === 0 && surge === 0 && replicas !== 0) {
    errors.push(fieldError.invalid(`${ROLLING_PATH}.maxUnavailable`, maxUnavailable, "must not be 0 when `maxSurge` is 0"));
  }
  return errors;
}

/** Upstream divides by subGroupSize unchecked and so panics on 0 or nil; here those stop at the first rule. */
function subGroupSizeErrors(policy: Fields, size: number): FieldError[] {
  const sgs = integer(policy.subGroupSize);
  const invalid = (message: string) => fieldError.invalid(SUBGROUP_SIZE_PATH, sgs ?? null, message);
  if (sgs === undefined || sgs === 0) return [invalid("subGroupSize must be equal or greater than 1")];
  const errors = sgs < 1 ? [invalid("subGroupSize must be equal or greater than 1")] : [];
  if (size % sgs !== 0 && (size - 1) % sgs !== 0) errors.push(invalid("size or size - 1 must be divisible by subGroupSize"));
  if (size < sgs) errors.push(invalid("subGroupSize cannot be larger than size"));
  if (policy.subGroupPolicyType === "LeaderExcluded" && (size - 1) % sgs !== 0) {
    errors.push(invalid("size-1 must be divisible by subGroupSize when using LeaderExcluded"));
  }
  return errors;
}

function subGroupErrors(lws: KubeObject, { subGroupPolicy, size }: SpecView): FieldError[] {
  if (subGroupPolicy) return subGroupSizeErrors(subGroupPolicy, size);
  const annotations = lws.metadata.annotations ?? {};
  const key = ANNOTATIONS.subGroupExclusiveTopology;
  if (!(key in annotations)) return [];
  // Upstream builds this path with Child(), not Key(): a dot, not brackets.
  return [fieldError.invalid(`metadata.annotations.${key}`, annotations[key], "cannot have subgroup-exclusive-topology without subGroupSize set")];
}

/** The validating webhook's checks on create and update, after the CRD schema's. */
export function validateLeaderWorkerSet(lws: KubeObject): FieldError[] {
  const view = viewOf(lws);
  return [
    ...schemaErrors(view),
    ...validateObjectMeta(lws.metadata ?? {}, { namespaced: true, nameRule: "dns1035" }),
    ...countErrors(view),
    ...rolloutErrors(view),
    ...subGroupErrors(lws, view),
  ];
}

function subGroupUpdateErrors(policy: Fields | undefined, oldPolicy: Fields | undefined): FieldError[] {
  const size = (p: Fields) => p.subGroupSize ?? null;
  if (policy && oldPolicy) return deepEqual(size(policy), size(oldPolicy)) ? [] : [fieldError.invalid(SUBGROUP_SIZE_PATH, size(policy), "field is immutable")];
  if (policy) return [fieldError.invalid(SUBGROUP_SIZE_PATH, size(policy), "cannot enable subGroupSize after the lws is already created")];
  if (oldPolicy) return [fieldError.invalid(SUBGROUP_SIZE_PATH, size(oldPolicy), "cannot remove subGroupSize after enabled")];
  return [];
}

/** On update, on top of the general checks: subGroupSize is fixed at creation and subdomainPolicy cannot be nulled. */
export function validateLeaderWorkerSetUpdate(lws: KubeObject, old: KubeObject): FieldError[] {
  const view = viewOf(lws);
  const oldView = viewOf(old);
  const errors = [...validateLeaderWorkerSet(lws), ...subGroupUpdateErrors(view.subGroupPolicy, oldView.subGroupPolicy)];
  const network = optionalRecord(view.spec.networkConfig);
  if (network && (network.subdomainPolicy === undefined || network.subdomainPolicy === null)) {
    const oldPolicy = record(oldView.spec.networkConfig).subdomainPolicy ?? null;
    errors.push(fieldError.invalid("spec.networkConfig.subdomainPolicy", oldPolicy, "cannot set subdomainPolicy as null"));
  }
  return errors;
}
