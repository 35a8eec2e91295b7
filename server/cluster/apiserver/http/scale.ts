import type { KubeObject, Scale } from "@/lib/k8s/types";
import { isRecord } from "@/lib/k8s/types";
import { selectorToString, labelSelectorFromObject } from "@/lib/k8s/label-selector";
import type { LabelSelector } from "@/lib/k8s/types";
import type { ResourceInfo } from "@/lib/k8s/resources";
import { badRequest } from "@/lib/k8s/api-errors";


function selectorOf(info: ResourceInfo, object: KubeObject): string | undefined {
  const status = isRecord(object.status) ? object.status : {};
  if (info.kind === "LeaderWorkerSet") return typeof status.hpaPodSelector === "string" ? status.hpaPodSelector : undefined;
  const spec = isRecord(object.spec) ? object.spec : {};
  return isRecord(spec.selector) ? selectorToString(labelSelectorFromObject(spec.selector as LabelSelector)) : undefined;
}

export function toScale(info: ResourceInfo, object: KubeObject): Scale {
  const spec = isRecord(object.spec) ? object.spec : {};
  const status = isRecord(object.status) ? object.status : {};
  const { name, namespace, uid, resourceVersion, creationTimestamp } = object.metadata;
  const selector = selectorOf(info, object);
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: typeof spec.replicas === "number" ? spec.replicas : 1 },
    status: { replicas: typeof status.replicas === "number" ? status.replicas : 0, ...(selector ? { selector } : {}) },
  };
}

/** The object with spec.replicas taken from a Scale (and its resourceVersion as the precondition). */
export function fromScale(object: KubeObject, scale: unknown): KubeObject {
  if (!isRecord(scale) || !isRecord(scale.spec)) throw badRequest("the body must be an autoscaling/v1 Scale with spec.replicas");
  const replicas = scale.spec.replicas;
  if (replicas !== undefined && (typeof replicas !== "number" || !Number.isInteger(replicas))) throw badRequest("spec.replicas must be an integer");
  const meta = isRecord(scale.metadata) ? scale.metadata : {};
  const rv = typeof meta.resourceVersion === "string" ? meta.resourceVersion : undefined;
  return {
    ...object,
    metadata: { ...object.metadata, resourceVersion: rv },
    spec: { ...(isRecord(object.spec) ? object.spec : {}), replicas: replicas ?? 0 },
  };
}
