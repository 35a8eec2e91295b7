import type { KubeObject, LabelSelector, StatusCause } from "@/lib/k8s/types";
import { isRecord } from "@/lib/k8s/types";
import { deepEqual } from "@/lib/k8s/deep-equal";
import { labelSelectorFromObject, matchesLabels } from "@/lib/k8s/label-selector";
import { defaultPodSpec } from "./pod-defaults";
import { validatePodSpec } from "./pod-strategy";
import type { KindStrategy } from "./strategy";

type Json = Record<string, unknown>;

const UPDATABLE = ["replicas", "ordinals", "template", "updateStrategy", "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"];

function spec(object: KubeObject): Json {
  return isRecord(object.spec) ? object.spec : {};
}

function defaultStatefulSet(s: Json): void {
  s.replicas ??= 1;
  s.podManagementPolicy ??= "OrderedReady";
  s.revisionHistoryLimit ??= 10;
  s.updateStrategy ??= { type: "RollingUpdate", rollingUpdate: { partition: 0 } };
  const strategy = s.updateStrategy as Json;
  if (strategy.type === "RollingUpdate") strategy.rollingUpdate ??= { partition: 0 };
  s.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: "Retain", whenScaled: "Retain" };
  const template = isRecord(s.template) ? s.template : {};
  if (isRecord(template.spec)) defaultPodSpec(template.spec, false);
  for (const claim of Array.isArray(s.volumeClaimTemplates) ? s.volumeClaimTemplates : []) {
    if (!isRecord(claim)) continue;
    claim.apiVersion ??= "v1";
    claim.kind ??= "PersistentVolumeClaim";
    if (isRecord(claim.spec)) claim.spec.volumeMode ??= "Filesystem";
    claim.status ??= { phase: "Pending" };
  }
}

function validateStatefulSet(s: Json): StatusCause[] {
  const causes: StatusCause[] = [];
  const template = isRecord(s.template) ? s.template : {};
  const labels = isRecord(template.metadata) && isRecord(template.metadata.labels) ? (template.metadata.labels as Record<string, string>) : {};
  if (!isRecord(s.selector)) causes.push({ reason: "FieldValueRequired", field: "spec.selector", message: "Required value" });
  else {
    try {
      const selector = labelSelectorFromObject(s.selector as LabelSelector);
      if (selector.length === 0) causes.push({ reason: "FieldValueInvalid", field: "spec.selector", message: "Invalid value: \"null\": empty selector is invalid for statefulset" });
      else if (!matchesLabels(selector, labels)) causes.push({ reason: "FieldValueInvalid", field: "spec.template.metadata.labels", message: `Invalid value: ${JSON.stringify(labels)}: \`selector\` does not match template \`labels\`` });
    } catch (err) {
      causes.push({ reason: "FieldValueInvalid", field: "spec.selector", message: `Invalid value: ${JSON.stringify(s.selector)}: ${(err as Error).message}` });
    }
  }
  if (typeof s.replicas === "number" && s.replicas < 0) causes.push({ reason: "FieldValueInvalid", field: "spec.replicas", message: `Invalid value: ${s.replicas}: must be greater than or equal to 0` });
  causes.push(...validatePodSpec(isRecord(template.spec) ? template.spec : {}, "spec.template.spec"));
  return causes;
}

export const statefulSetStrategy: KindStrategy = {
  prepareForCreate(object) {
    object.spec = spec(object);
    defaultStatefulSet(object.spec as Json);
    object.status = { replicas: 0, availableReplicas: 0 };
  },
  prepareForUpdate(object) {
    object.spec = spec(object);
    defaultStatefulSet(object.spec as Json);
  },
  validate(object) {
    return validateStatefulSet(spec(object));
  },
  validateUpdate(object, old) {
    const causes = validateStatefulSet(spec(object));
    const frozen = (s: Json) => Object.fromEntries(Object.entries(s).filter(([k]) => !UPDATABLE.includes(k)));
    if (!deepEqual(frozen(spec(object)), frozen(spec(old)))) {
      causes.push({ reason: "FieldValueForbidden", field: "spec", message: `Forbidden: updates to statefulset spec for fields other than ${UPDATABLE.slice(0, -1).map((f) => `'${f}'`).join(", ")} and '${UPDATABLE[UPDATABLE.length - 1]}' are forbidden` });
    }
    return causes;
  },
};
