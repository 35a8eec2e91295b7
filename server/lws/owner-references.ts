import type { KubeObject, OwnerReference } from "@/lib/k8s/types";

/** The controller reference LWS sets on everything it creates (blockOwnerDeletion, as upstream). */
export function controllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name ?? "", uid: owner.metadata.uid ?? "", controller: true, blockOwnerDeletion: true };
}

export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((ref) => ref.controller);
}

export function isOwnedBy(object: KubeObject, owner: KubeObject): boolean {
  return object.metadata.ownerReferences?.some((ref) => ref.uid === owner.metadata.uid) ?? false;
}
