import type { KubeObject } from "@/lib/k8s/types";
import { isRecord } from "@/lib/k8s/types";
import type { KindStrategy } from "./strategy";

/** The finalizer the namespace controller removes once a namespace's contents are gone. */
export const NAMESPACE_FINALIZER = "kubernetes";

function specFinalizers(object: KubeObject): string[] {
  const spec = isRecord(object.spec) ? object.spec : {};
  return Array.isArray(spec.finalizers) ? spec.finalizers.filter((f): f is string => typeof f === "string") : [];
}

export const namespaceStrategy: KindStrategy = {
  prepareForCreate(object) {
    object.spec = { ...(isRecord(object.spec) ? object.spec : {}), finalizers: [NAMESPACE_FINALIZER] };
    object.status = { phase: "Active" };
    object.metadata.labels = { ...object.metadata.labels, "kubernetes.io/metadata.name": object.metadata.name ?? "" };
  },
  prepareForUpdate(object) {
    object.metadata.labels = { ...object.metadata.labels, "kubernetes.io/metadata.name": object.metadata.name ?? "" };
  },
  holdsDeletion(object) {
    return specFinalizers(object).length > 0;
  },
};
