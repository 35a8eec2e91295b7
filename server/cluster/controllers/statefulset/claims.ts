import { clone } from "@/lib/k8s/deep-equal";
import type { KubeObject, OwnerReference } from "@/lib/k8s/types";
import type { StatefulSetSpec } from "./statefulset-spec";

/** `<claim template>-<sts>-<ordinal>`: the PersistentVolumeClaim a pod's ordinal keeps across restarts. */
export const claimName = (template: string, setName: string, ordinal: number): string => `${template}-${setName}-${ordinal}`;

/** The claims the pod at `ordinal` mounts, made from the volumeClaimTemplates and labelled with the selector's labels. */
export function claimsFor(set: KubeObject, spec: StatefulSetSpec, ordinal: number): KubeObject[] {
  return spec.volumeClaimTemplates.map((template) => {
    const claim = clone(template);
    delete claim.status;
    return {
      ...claim,
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: {
        ...claim.metadata,
        name: claimName(template.metadata.name ?? "", set.metadata.name ?? "", ordinal),
        namespace: set.metadata.namespace,
        labels: { ...claim.metadata.labels, ...spec.selector.matchLabels },
      },
    };
  });
}

const reference = (object: KubeObject): OwnerReference => ({ apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name ?? "", uid: object.metadata.uid ?? "" });

/**
 * The ownerReferences a claim should carry under persistentVolumeClaimRetentionPolicy, as upstream
 * sets them so the garbage collector does the deleting: whenDeleted=Delete makes the StatefulSet an
 * owner; whenScaled=Delete makes the pod an owner once its ordinal is scaled away (and, with both
 * Delete, the pod replaces the StatefulSet). Other owners are kept.
 */
export function desiredClaimOwners(claim: KubeObject, set: KubeObject, pod: KubeObject, spec: StatefulSetSpec, scaledDown: boolean): OwnerReference[] {
  const { whenDeleted, whenScaled } = spec.retention;
  const ownedBySet = whenDeleted === "Delete" && !(whenScaled === "Delete" && scaledDown);
  const ownedByPod = whenScaled === "Delete" && scaledDown;
  const ours = new Set([set.metadata.uid, pod.metadata.uid]);
  const refs = (claim.metadata.ownerReferences ?? []).filter((ref) => !ours.has(ref.uid));
  const keep = (owner: KubeObject) => claim.metadata.ownerReferences?.find((ref) => ref.uid === owner.metadata.uid) ?? reference(owner);
  if (ownedBySet) refs.push(keep(set));
  if (ownedByPod && pod.metadata.uid) refs.push(keep(pod));
  return refs;
}

export function claimOwnersMatch(claim: KubeObject, desired: OwnerReference[]): boolean {
  const uids = (refs: OwnerReference[]) => refs.map((ref) => ref.uid).sort().join(",");
  return uids(claim.metadata.ownerReferences ?? []) === uids(desired);
}

/** The claim still belongs to an earlier pod of the same name, which the garbage collector will take it with. */
export function hasStaleOwnerRef(claim: KubeObject, podName: string, podUid: string | undefined): boolean {
  return (claim.metadata.ownerReferences ?? []).some((ref) => ref.name === podName && ref.uid !== podUid);
}
