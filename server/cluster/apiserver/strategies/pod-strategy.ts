import type { KubeObject, StatusCause } from "@/lib/k8s/types";
import { isRecord } from "@/lib/k8s/types";
import { deepEqual } from "@/lib/k8s/deep-equal";
import { validateDns1123Label } from "@/lib/k8s/validation";
import { defaultPodSpec, qosClass } from "./pod-defaults";
import type { KindStrategy } from "./strategy";

type Json = Record<string, unknown>;

const MUTABLE_SPEC_FIELDS = "spec.containers[*].image,spec.initContainers[*].image,spec.activeDeadlineSeconds,spec.tolerations (only additions to existing tolerations),spec.terminationGracePeriodSeconds (allow it to be set to 1 if it was previously negative)";

function spec(object: KubeObject): Json {
  return isRecord(object.spec) ? object.spec : {};
}

/** Validates the containers of a PodSpec at `path`; shared with pod templates. */
export function validatePodSpec(podSpec: Json, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
  if (containers.length === 0) causes.push({ reason: "FieldValueRequired", field: `${path}.containers`, message: "Required value" });
  const seen = new Set<string>();
  containers.forEach((c, i) => {
    const field = `${path}.containers[${i}]`;
    const name = isRecord(c) && typeof c.name === "string" ? c.name : "";
    if (!name) causes.push({ reason: "FieldValueRequired", field: `${field}.name`, message: "Required value" });
    else {
      for (const msg of validateDns1123Label(name)) causes.push({ reason: "FieldValueInvalid", field: `${field}.name`, message: `Invalid value: "${name}": ${msg}` });
      if (seen.has(name)) causes.push({ reason: "FieldValueDuplicate", field: `${field}.name`, message: `Duplicate value: "${name}"` });
      seen.add(name);
    }
    if (!isRecord(c) || typeof c.image !== "string" || c.image.trim() === "") causes.push({ reason: "FieldValueRequired", field: `${field}.image`, message: "Required value" });
  });
  return causes;
}

/** Strips what a pod update may change, so the rest can be compared for immutability. */
function immutablePart(podSpec: Json): Json {
  const strip = (list: unknown) => (Array.isArray(list) ? list.map((c) => (isRecord(c) ? { ...c, image: undefined } : c)) : list);
  return { ...podSpec, containers: strip(podSpec.containers), initContainers: strip(podSpec.initContainers), activeDeadlineSeconds: undefined, tolerations: undefined, terminationGracePeriodSeconds: undefined };
}

export const podStrategy: KindStrategy = {
  prepareForCreate(object) {
    const podSpec = spec(object);
    object.spec = podSpec;
    defaultPodSpec(podSpec, true);
    object.status = { phase: "Pending", qosClass: qosClass(podSpec) };
  },
  validate(object) {
    return validatePodSpec(spec(object), "spec");
  },
  validateUpdate(object, old) {
    const causes = validatePodSpec(spec(object), "spec");
    if (!deepEqual(immutablePart(spec(object)), immutablePart(spec(old)))) {
      causes.push({ reason: "FieldValueForbidden", field: "spec", message: `Forbidden: pod updates may not change fields other than ${MUTABLE_SPEC_FIELDS}` });
    }
    return causes;
  },
  gracefulDeletion(object, requested) {
    const phase = isRecord(object.status) ? object.status.phase : undefined;
    if (!spec(object).nodeName || phase === "Succeeded" || phase === "Failed") return 0;
    const configured = spec(object).terminationGracePeriodSeconds;
    return requested ?? (typeof configured === "number" ? configured : 30);
  },
};
