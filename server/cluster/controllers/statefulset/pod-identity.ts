import { clone } from "@/lib/k8s/deep-equal";
import { isRecord, type KubeObject } from "@/lib/k8s/types";
import { claimName } from "./claims";
import { POD_REVISION_LABEL } from "./pod-state";
import { controllerRef, type PodTemplate, type StatefulSetSpec } from "./statefulset-spec";

export const POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
export const POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";

export const podName = (setName: string, ordinal: number): string => `${setName}-${ordinal}`;

/** `<sts>-<ordinal>` split into the StatefulSet's name and the ordinal; ordinal -1 when the name has none. */
export function parentAndOrdinal(name: string): { parent: string; ordinal: number } {
  const match = /^(.*)-(\d+)$/.exec(name);
  if (!match) return { parent: "", ordinal: -1 };
  const ordinal = Number(match[2]);
  return Number.isSafeInteger(ordinal) ? { parent: match[1], ordinal } : { parent: "", ordinal: -1 };
}

export const ordinalOf = (pod: KubeObject): number => parentAndOrdinal(pod.metadata.name ?? "").ordinal;

/** The labels that give a pod its stable identity. */
export function identityLabels(setName: string, ordinal: number): Record<string, string> {
  return { [POD_NAME_LABEL]: podName(setName, ordinal), [POD_INDEX_LABEL]: String(ordinal) };
}

export function identityMatches(set: KubeObject, pod: KubeObject): boolean {
  const { parent, ordinal } = parentAndOrdinal(pod.metadata.name ?? "");
  if (ordinal < 0 || parent !== set.metadata.name || pod.metadata.namespace !== set.metadata.namespace) return false;
  const labels = pod.metadata.labels ?? {};
  return Object.entries(identityLabels(parent, ordinal)).every(([key, value]) => labels[key] === value);
}

/** The pod's volumes: one per claim template, bound to that ordinal's claim, then the template's own. */
function volumes(set: KubeObject, spec: StatefulSetSpec, ordinal: number, own: unknown): unknown[] {
  const claimVolumes = spec.volumeClaimTemplates.map((claim) => ({
    name: claim.metadata.name ?? "",
    persistentVolumeClaim: { claimName: claimName(claim.metadata.name ?? "", set.metadata.name ?? "", ordinal) },
  }));
  const names = new Set(claimVolumes.map((v) => v.name));
  const rest = (Array.isArray(own) ? own : []).filter((v) => !(isRecord(v) && names.has(String(v.name))));
  return [...claimVolumes, ...rest];
}

/** The pod at `ordinal`, made from `template` (the revision's) and labelled with that revision. */
export function newStatefulSetPod(set: KubeObject, spec: StatefulSetSpec, template: PodTemplate, revision: string, ordinal: number): KubeObject {
  const name = podName(set.metadata.name ?? "", ordinal);
  const meta = template.metadata ?? {};
  const podSpec = clone(template.spec ?? {});
  podSpec.hostname = name;
  if (spec.serviceName) podSpec.subdomain = spec.serviceName;
  const podVolumes = volumes(set, spec, ordinal, podSpec.volumes);
  if (podVolumes.length > 0) podSpec.volumes = podVolumes;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: set.metadata.namespace,
      labels: Object.assign({}, meta.labels, identityLabels(set.metadata.name ?? "", ordinal), { [POD_REVISION_LABEL]: revision }),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers?.length ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [controllerRef(set)],
    },
    spec: podSpec,
  };
}
