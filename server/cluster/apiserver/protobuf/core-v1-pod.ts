/** k8s.io/api/core/v1 Pod, PodSpec and PodTemplateSpec (numbers from its generated.proto). */
import { bool, int, list, map, msg, ptr, quantity, str, time, type MessageDescriptor } from "./descriptors";
import { LocalObjectReference } from "./core-v1";
import { Container, EphemeralContainer, ResourceRequirements, SELinuxOptions, SeccompProfile, AppArmorProfile, WindowsSecurityContextOptions } from "./core-v1-container";
import { Affinity, Toleration, TopologySpreadConstraint } from "./core-v1-scheduling";
import { Volume } from "./core-v1-volumes";
import { ObjectMeta } from "./meta-v1";

export const Pod: MessageDescriptor = {
  1: msg("metadata", () => ObjectMeta),
  2: msg("spec", () => PodSpec),
  3: msg("status", () => PodStatus),
};

export const PodTemplateSpec: MessageDescriptor = {
  1: msg("metadata", () => ObjectMeta),
  2: msg("spec", () => PodSpec),
};

export const PodSpec: MessageDescriptor = {
  1: list(msg("volumes", () => Volume)),
  20: list(msg("initContainers", () => Container)),
  2: list(msg("containers", () => Container)),
  34: list(msg("ephemeralContainers", () => EphemeralContainer)),
  3: str("restartPolicy"),
  4: ptr(int("terminationGracePeriodSeconds")),
  5: ptr(int("activeDeadlineSeconds")),
  6: str("dnsPolicy"),
  7: map(str("nodeSelector")),
  8: str("serviceAccountName"),
  9: str("serviceAccount"),
  21: ptr(bool("automountServiceAccountToken")),
  10: str("nodeName"),
  11: bool("hostNetwork"),
  12: bool("hostPID"),
  13: bool("hostIPC"),
  27: ptr(bool("shareProcessNamespace")),
  14: msg("securityContext", () => PodSecurityContext),
  15: list(msg("imagePullSecrets", () => LocalObjectReference)),
  16: str("hostname"),
  17: str("subdomain"),
  18: msg("affinity", () => Affinity),
  19: str("schedulerName"),
  22: list(msg("tolerations", () => Toleration)),
  23: list(msg("hostAliases", () => ({ 1: str("ip"), 2: list(str("hostnames")) }))),
  24: str("priorityClassName"),
  25: ptr(int("priority")),
  26: msg("dnsConfig", () => PodDNSConfig),
  28: list(msg("readinessGates", () => ({ 1: str("conditionType") }))),
  29: ptr(str("runtimeClassName")),
  30: ptr(bool("enableServiceLinks")),
  31: ptr(str("preemptionPolicy")),
  32: map(quantity("overhead")),
  33: list(msg("topologySpreadConstraints", () => TopologySpreadConstraint)),
  35: ptr(bool("setHostnameAsFQDN")),
  36: msg("os", () => ({ 1: str("name") })),
  37: ptr(bool("hostUsers")),
  38: list(msg("schedulingGates", () => ({ 1: str("name") }))),
  39: list(msg("resourceClaims", () => PodResourceClaim)),
  40: msg("resources", () => ResourceRequirements),
  41: ptr(str("hostnameOverride")),
};

const PodSecurityContext: MessageDescriptor = {
  1: msg("seLinuxOptions", () => SELinuxOptions),
  8: msg("windowsOptions", () => WindowsSecurityContextOptions),
  2: ptr(int("runAsUser")),
  6: ptr(int("runAsGroup")),
  3: ptr(bool("runAsNonRoot")),
  4: list(int("supplementalGroups")),
  12: ptr(str("supplementalGroupsPolicy")),
  5: ptr(int("fsGroup")),
  7: list(msg("sysctls", () => ({ 1: str("name"), 2: str("value") }))),
  9: ptr(str("fsGroupChangePolicy")),
  10: msg("seccompProfile", () => SeccompProfile),
  11: msg("appArmorProfile", () => AppArmorProfile),
  13: ptr(str("seLinuxChangePolicy")),
};

const PodDNSConfig: MessageDescriptor = {
  1: list(str("nameservers")),
  2: list(str("searches")),
  3: list(msg("options", () => ({ 1: str("name"), 2: ptr(str("value")) }))),
};

const PodResourceClaim: MessageDescriptor = {
  1: str("name"),
  3: ptr(str("resourceClaimName")),
  4: ptr(str("resourceClaimTemplateName")),
};

/** Only the summary fields: clients send an empty status; container statuses come from the kubelet. */
const PodStatus: MessageDescriptor = {
  1: str("phase"),
  2: list(msg("conditions", () => PodCondition)),
  3: str("message"),
  4: str("reason"),
  11: str("nominatedNodeName"),
  5: str("hostIP"),
  16: list(msg("hostIPs", () => ({ 1: str("ip") }))),
  6: str("podIP"),
  12: list(msg("podIPs", () => ({ 1: str("ip") }))),
  7: time("startTime"),
  9: str("qosClass"),
};

const PodCondition: MessageDescriptor = {
  1: str("type"),
  7: int("observedGeneration"),
  2: str("status"),
  3: time("lastProbeTime"),
  4: time("lastTransitionTime"),
  5: str("reason"),
  6: str("message"),
};
