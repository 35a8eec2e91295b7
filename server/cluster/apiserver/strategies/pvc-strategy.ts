import type { StatusCause } from "@/lib/k8s/types";
import { isRecord } from "@/lib/k8s/types";
import type { KindStrategy } from "./strategy";

export const pvcStrategy: KindStrategy = {
  prepareForCreate(object) {
    const spec = isRecord(object.spec) ? object.spec : {};
    object.spec = spec;
    spec.volumeMode ??= "Filesystem";
    object.status = { phase: "Pending" };
  },
  validate(object): StatusCause[] {
    const spec = isRecord(object.spec) ? object.spec : {};
    const causes: StatusCause[] = [];
    if (!Array.isArray(spec.accessModes) || spec.accessModes.length === 0) causes.push({ reason: "FieldValueRequired", field: "spec.accessModes", message: "Required value: at least 1 access mode is required" });
    const requests = isRecord(spec.resources) && isRecord(spec.resources.requests) ? spec.resources.requests : {};
    if (requests.storage === undefined) causes.push({ reason: "FieldValueRequired", field: "spec.resources[storage]", message: "Required value" });
    return causes;
  },
};
