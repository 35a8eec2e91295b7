/**
 * k8s.io/api/core/v1 Volume and VolumeMount (numbers from its generated.proto). Only the volume
 * sources a local cluster can mean are described; the cloud and legacy ones are skipped.
 */
import { bool, inline, int, list, map, msg, ptr, quantity, str, type MessageDescriptor } from "./descriptors";
import { LocalObjectReference, PersistentVolumeClaimSpec } from "./core-v1";
import { ObjectFieldSelector, ResourceFieldSelector } from "./core-v1-container";
import { ObjectMeta } from "./meta-v1";

export const VolumeMount: MessageDescriptor = {
  1: str("name"),
  2: bool("readOnly"),
  7: ptr(str("recursiveReadOnly")),
  3: str("mountPath"),
  4: str("subPath"),
  5: ptr(str("mountPropagation")),
  6: str("subPathExpr"),
};

/** VolumeSource (field 2) is embedded, so `emptyDir`, `configMap`, ... sit beside `name`. */
export const Volume: MessageDescriptor = {
  1: str("name"),
  2: inline(() => VolumeSource),
};

const VolumeSource: MessageDescriptor = {
  1: msg("hostPath", () => ({ 1: str("path"), 2: ptr(str("type")) })),
  2: msg("emptyDir", () => ({ 1: str("medium"), 2: ptr(quantity("sizeLimit")) })),
  6: msg("secret", () => SecretVolumeSource),
  7: msg("nfs", () => ({ 1: str("server"), 2: str("path"), 3: bool("readOnly") })),
  10: msg("persistentVolumeClaim", () => ({ 1: str("claimName"), 2: bool("readOnly") })),
  16: msg("downwardAPI", () => ({ 1: list(msg("items", () => DownwardAPIVolumeFile)), 2: ptr(int("defaultMode")) })),
  19: msg("configMap", () => ConfigMapVolumeSource),
  26: msg("projected", () => ({ 1: list(msg("sources", () => VolumeProjection)), 2: ptr(int("defaultMode")) })),
  28: msg("csi", () => CSIVolumeSource),
  29: msg("ephemeral", () => ({ 1: msg("volumeClaimTemplate", () => PersistentVolumeClaimTemplate) })),
  30: msg("image", () => ({ 1: str("reference"), 2: str("pullPolicy") })),
};

const KeyToPath: MessageDescriptor = { 1: str("key"), 2: str("path"), 3: ptr(int("mode")) };

const SecretVolumeSource: MessageDescriptor = {
  1: str("secretName"),
  2: list(msg("items", () => KeyToPath)),
  3: ptr(int("defaultMode")),
  4: ptr(bool("optional")),
};

const ConfigMapVolumeSource: MessageDescriptor = {
  1: inline(() => LocalObjectReference),
  2: list(msg("items", () => KeyToPath)),
  3: ptr(int("defaultMode")),
  4: ptr(bool("optional")),
};

const DownwardAPIVolumeFile: MessageDescriptor = {
  1: str("path"),
  2: msg("fieldRef", () => ObjectFieldSelector),
  3: msg("resourceFieldRef", () => ResourceFieldSelector),
  4: ptr(int("mode")),
};

/** SecretProjection and ConfigMapProjection share this shape (no defaultMode). */
const ObjectProjection: MessageDescriptor = {
  1: inline(() => LocalObjectReference),
  2: list(msg("items", () => KeyToPath)),
  4: ptr(bool("optional")),
};

const VolumeProjection: MessageDescriptor = {
  1: msg("secret", () => ObjectProjection),
  2: msg("downwardAPI", () => ({ 1: list(msg("items", () => DownwardAPIVolumeFile)) })),
  3: msg("configMap", () => ObjectProjection),
  4: msg("serviceAccountToken", () => ({ 1: str("audience"), 2: ptr(int("expirationSeconds")), 3: str("path") })),
};

const CSIVolumeSource: MessageDescriptor = {
  1: str("driver"),
  2: ptr(bool("readOnly")),
  3: ptr(str("fsType")),
  4: map(str("volumeAttributes")),
  5: msg("nodePublishSecretRef", () => LocalObjectReference),
};

const PersistentVolumeClaimTemplate: MessageDescriptor = {
  1: msg("metadata", () => ObjectMeta),
  2: msg("spec", () => PersistentVolumeClaimSpec),
};
