/** StatefulSet and ControllerRevision rows as kube-apiserver prints them. */
import type { KubeObject, OwnerReference } from "@/lib/k8s/types";
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, age, column, containerCells, type KindPrinter } from "./columns";
import { integer, record } from "@/lib/k8s/object-fields";

export const statefulSetPrinter: KindPrinter = {
  columns: [NAME_COLUMN, column("Ready", "Number of the pod with ready state"), AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN],
  print(statefulSet: KubeObject, now: number) {
    const spec = record(statefulSet.spec);
    // Upstream defaults spec.replicas to 1 on create.
    const ready = `${integer(record(statefulSet.status).readyReplicas) ?? 0}/${integer(spec.replicas) ?? 1}`;
    return { cells: [statefulSet.metadata.name ?? "", ready, age(statefulSet, now), ...containerCells(spec.template)] };
  },
};

export const controllerRevisionPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column("Controller", "Controller of the object"),
    column("Revision", "Revision indicates the revision of the state represented by Data."),
    AGE_COLUMN,
  ],
  print(revision: KubeObject, now: number) {
    const cells = [revision.metadata.name ?? "", controllerName(revision), integer(revision.revision) ?? 0, age(revision, now)];
    return { cells };
  },
};

/** "<kind>.<group>/<name>" of the controlling owner, e.g. statefulset.apps/web; core kinds have no group. */
function controllerName(object: KubeObject): string {
  const owner = object.metadata.ownerReferences?.find((ref: OwnerReference) => ref.controller === true);
  if (!owner) return "<none>";
  const slash = owner.apiVersion.indexOf("/");
  const group = slash === -1 ? "" : owner.apiVersion.slice(0, slash);
  const groupKind = group ? `${owner.kind}.${group}` : owner.kind;
  return groupKind ? `${groupKind.toLowerCase()}/${owner.name}` : owner.name;
}
