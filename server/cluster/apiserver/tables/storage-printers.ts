/** PersistentVolumeClaim rows as kube-apiserver prints them. */
import type { KubeObject } from "@/lib/k8s/types";
import { AGE_COLUMN, NAME_COLUMN, age, column, type KindPrinter } from "./columns";
import { record, text, texts } from "@/lib/k8s/object-fields";

/** The annotation that predates spec.storageClassName and still wins over it. */
const BETA_STORAGE_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

/** Access modes in upstream's fixed display order. */
const ACCESS_MODE_ABBREVIATIONS: ReadonlyArray<[mode: string, short: string]> = [
  ["ReadWriteOnce", "RWO"],
  ["ReadOnlyMany", "ROX"],
  ["ReadWriteMany", "RWX"],
  ["ReadWriteOncePod", "RWOP"],
];

const COLUMNS = [
  NAME_COLUMN,
  column("Status", "phase represents the current phase of PersistentVolumeClaim."),
  column("Volume", "volumeName is the binding reference to the PersistentVolume backing this claim."),
  column("Capacity", "capacity represents the actual resources of the underlying volume."),
  column(
    "Access Modes",
    "accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1",
  ),
  column("StorageClass", "StorageClass of the pvc"),
  column("VolumeAttributesClass", "VolumeAttributesClass of the pvc"),
  AGE_COLUMN,
  column(
    "VolumeMode",
    "volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.",
    { priority: 1 },
  ),
];

export const persistentVolumeClaimPrinter: KindPrinter = {
  columns: COLUMNS,
  print(claim: KubeObject, now: number) {
    const spec = record(claim.spec);
    const status = record(claim.status);
    const phase = claim.metadata.deletionTimestamp !== undefined ? "Terminating" : text(status.phase);
    const volumeName = text(spec.volumeName);
    // Capacity and access modes describe the bound volume, so they stay blank until binding.
    const capacity = volumeName ? text(record(status.capacity).storage) : "";
    const accessModes = volumeName ? formatAccessModes(texts(status.accessModes)) : "";
    const attributesClass = text(spec.volumeAttributesClassName) || "<unset>";
    // Upstream defaults spec.volumeMode to Filesystem on create.
    const volumeMode = text(spec.volumeMode) || "Filesystem";
    const cells = [claim.metadata.name ?? "", phase, volumeName, capacity, accessModes, storageClass(claim), attributesClass];
    return { cells: [...cells, age(claim, now), volumeMode] };
  },
};

function formatAccessModes(modes: string[]): string {
  return ACCESS_MODE_ABBREVIATIONS.filter(([mode]) => modes.includes(mode))
    .map(([, short]) => short)
    .join(",");
}

function storageClass(claim: KubeObject): string {
  const annotations = claim.metadata.annotations ?? {};
  if (BETA_STORAGE_CLASS_ANNOTATION in annotations) return annotations[BETA_STORAGE_CLASS_ANNOTATION];
  return text(record(claim.spec).storageClassName);
}
