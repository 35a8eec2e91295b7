/** k8s.io/api/core/v1 messages other than the Pod's (numbers from its generated.proto). */
import {
  bool,
  bytes,
  inline,
  int,
  intOrString,
  list,
  map,
  microTime,
  msg,
  ptr,
  quantity,
  str,
  time,
  type MessageDescriptor,
} from "./descriptors";
import { Condition, LabelSelector, ObjectMeta } from "./meta-v1";

export const ObjectReference: MessageDescriptor = {
  1: str("kind"),
  2: str("namespace"),
  3: str("name"),
  4: str("uid"),
  5: str("apiVersion"),
  6: str("resourceVersion"),
  7: str("fieldPath"),
};

export const LocalObjectReference: MessageDescriptor = { 1: str("name") };

/** Embeds LocalObjectReference (field 1), so JSON has `name` at this level. */
export const ConfigMapKeySelector: MessageDescriptor = {
  1: inline(() => LocalObjectReference),
  2: str("key"),
  3: ptr(bool("optional")),
};

export const SecretKeySelector = ConfigMapKeySelector;

export const Namespace: MessageDescriptor = {
  1: msg("metadata", () => ObjectMeta),
  2: msg("spec", () => ({ 1: list(str("finalizers")) })),
  3: msg("status", () => NamespaceStatus),
};

const NamespaceStatus: MessageDescriptor = {
  1: str("phase"),
  2: list(msg("conditions", () => NamespaceCondition)),
};

const NamespaceCondition: MessageDescriptor = {
  1: str("type"),
  2: str("status"),
  4: time("lastTransitionTime"),
  5: str("reason"),
  6: str("message"),
};

export const ConfigMap: MessageDescriptor = {
  1: msg("metadata", () => ObjectMeta),
  4: ptr(bool("immutable")),
  2: map(str("data")),
  3: map(bytes("binaryData")),
};

export const Secret: MessageDescriptor = {
  1: msg("metadata", () => ObjectMeta),
  5: ptr(bool("immutable")),
  2: map(bytes("data")),
  4: map(str("stringData")),
  3: str("type"),
};

export const Service: MessageDescriptor = {
  1: msg("metadata", () => ObjectMeta),
  2: msg("spec", () => ServiceSpec),
  3: msg("status", () => ServiceStatus),
};

const ServiceSpec: MessageDescriptor = {
  1: list(msg("ports", () => ServicePort)),
  2: map(str("selector")),
  3: str("clusterIP"),
  18: list(str("clusterIPs")),
  4: str("type"),
  5: list(str("externalIPs")),
  7: str("sessionAffinity"),
  8: str("loadBalancerIP"),
  9: list(str("loadBalancerSourceRanges")),
  10: str("externalName"),
  11: str("externalTrafficPolicy"),
  12: int("healthCheckNodePort"),
  13: bool("publishNotReadyAddresses"),
  14: msg("sessionAffinityConfig", () => ({ 1: msg("clientIP", () => ({ 1: ptr(int("timeoutSeconds")) })) })),
  19: list(str("ipFamilies")),
  17: ptr(str("ipFamilyPolicy")),
  20: ptr(bool("allocateLoadBalancerNodePorts")),
  21: ptr(str("loadBalancerClass")),
  22: ptr(str("internalTrafficPolicy")),
  23: ptr(str("trafficDistribution")),
};

const ServicePort: MessageDescriptor = {
  1: str("name"),
  2: str("protocol"),
  6: ptr(str("appProtocol")),
  3: int("port"),
  4: intOrString("targetPort"),
  5: int("nodePort"),
};

const ServiceStatus: MessageDescriptor = {
  1: msg("loadBalancer", () => ({ 1: list(msg("ingress", () => LoadBalancerIngress)) })),
  2: list(msg("conditions", () => Condition)),
};

const LoadBalancerIngress: MessageDescriptor = {
  1: str("ip"),
  2: str("hostname"),
  3: ptr(str("ipMode")),
  4: list(msg("ports", () => ({ 1: int("port"), 2: str("protocol"), 3: ptr(str("error")) }))),
};

export const Binding: MessageDescriptor = {
  1: msg("metadata", () => ObjectMeta),
  2: msg("target", () => ObjectReference),
};

export const Event: MessageDescriptor = {
  1: msg("metadata", () => ObjectMeta),
  2: msg("involvedObject", () => ObjectReference),
  3: str("reason"),
  4: str("message"),
  5: msg("source", () => ({ 1: str("component"), 2: str("host") })),
  6: time("firstTimestamp"),
  7: time("lastTimestamp"),
  8: int("count"),
  9: str("type"),
  10: microTime("eventTime"),
  11: msg("series", () => ({ 1: int("count"), 2: microTime("lastObservedTime") })),
  12: str("action"),
  13: msg("related", () => ObjectReference),
  14: str("reportingComponent"),
  15: str("reportingInstance"),
};

export const PersistentVolumeClaim: MessageDescriptor = {
  1: msg("metadata", () => ObjectMeta),
  2: msg("spec", () => PersistentVolumeClaimSpec),
  3: msg("status", () => ({ 1: str("phase"), 2: list(str("accessModes")), 3: map(quantity("capacity")) })),
};

export const PersistentVolumeClaimSpec: MessageDescriptor = {
  1: list(str("accessModes")),
  4: msg("selector", () => LabelSelector),
  2: msg("resources", () => ({ 1: map(quantity("limits")), 2: map(quantity("requests")) })),
  3: str("volumeName"),
  5: ptr(str("storageClassName")),
  6: ptr(str("volumeMode")),
  7: msg("dataSource", () => ({ 1: ptr(str("apiGroup")), 2: str("kind"), 3: str("name") })),
  8: msg("dataSourceRef", () => ({ 1: ptr(str("apiGroup")), 2: str("kind"), 3: str("name"), 4: ptr(str("namespace")) })),
  9: ptr(str("volumeAttributesClassName")),
};
