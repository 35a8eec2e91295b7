/** k8s.io/api/core/v1 Container and what it holds (numbers from its generated.proto). */
import { bool, inline, int, intOrString, list, map, msg, ptr, quantity, str, type MessageDescriptor } from "./descriptors";
import { ConfigMapKeySelector, LocalObjectReference, SecretKeySelector } from "./core-v1";
import { VolumeMount } from "./core-v1-volumes";

export const Container: MessageDescriptor = {
  1: str("name"),
  2: str("image"),
  3: list(str("command")),
  4: list(str("args")),
  5: str("workingDir"),
  6: list(msg("ports", () => ContainerPort)),
  19: list(msg("envFrom", () => EnvFromSource)),
  7: list(msg("env", () => EnvVar)),
  8: msg("resources", () => ResourceRequirements),
  23: list(msg("resizePolicy", () => ({ 1: str("resourceName"), 2: str("restartPolicy") }))),
  24: ptr(str("restartPolicy")),
  9: list(msg("volumeMounts", () => VolumeMount)),
  21: list(msg("volumeDevices", () => ({ 1: str("name"), 2: str("devicePath") }))),
  10: msg("livenessProbe", () => Probe),
  11: msg("readinessProbe", () => Probe),
  22: msg("startupProbe", () => Probe),
  12: msg("lifecycle", () => Lifecycle),
  13: str("terminationMessagePath"),
  20: str("terminationMessagePolicy"),
  14: str("imagePullPolicy"),
  15: msg("securityContext", () => SecurityContext),
  16: bool("stdin"),
  17: bool("stdinOnce"),
  18: bool("tty"),
};

/** EphemeralContainerCommon (field 1) repeats Container's field numbers, and JSON inlines it. */
export const EphemeralContainer: MessageDescriptor = {
  1: inline(() => Container),
  2: str("targetContainerName"),
};

const ContainerPort: MessageDescriptor = {
  1: str("name"),
  2: int("hostPort"),
  3: int("containerPort"),
  4: str("protocol"),
  5: str("hostIP"),
};

const EnvVar: MessageDescriptor = {
  1: str("name"),
  2: str("value"),
  3: msg("valueFrom", () => EnvVarSource),
};

const EnvVarSource: MessageDescriptor = {
  1: msg("fieldRef", () => ObjectFieldSelector),
  2: msg("resourceFieldRef", () => ResourceFieldSelector),
  3: msg("configMapKeyRef", () => ConfigMapKeySelector),
  4: msg("secretKeyRef", () => SecretKeySelector),
};

export const ObjectFieldSelector: MessageDescriptor = { 1: str("apiVersion"), 2: str("fieldPath") };

export const ResourceFieldSelector: MessageDescriptor = {
  1: str("containerName"),
  2: str("resource"),
  3: quantity("divisor"),
};

/** ConfigMapEnvSource and SecretEnvSource share this shape: an embedded LocalObjectReference. */
const EnvSourceReference: MessageDescriptor = { 1: inline(() => LocalObjectReference), 2: ptr(bool("optional")) };

const EnvFromSource: MessageDescriptor = {
  1: str("prefix"),
  2: msg("configMapRef", () => EnvSourceReference),
  3: msg("secretRef", () => EnvSourceReference),
};

export const ResourceRequirements: MessageDescriptor = {
  1: map(quantity("limits")),
  2: map(quantity("requests")),
  3: list(msg("claims", () => ({ 1: str("name"), 2: str("request") }))),
};

/** ProbeHandler (field 1) is embedded, so its actions sit beside the timing fields in JSON. */
const Probe: MessageDescriptor = {
  1: inline(() => ProbeHandler),
  2: int("initialDelaySeconds"),
  3: int("timeoutSeconds"),
  4: int("periodSeconds"),
  5: int("successThreshold"),
  6: int("failureThreshold"),
  7: ptr(int("terminationGracePeriodSeconds")),
};

const ExecAction: MessageDescriptor = { 1: list(str("command")) };

const HTTPGetAction: MessageDescriptor = {
  1: str("path"),
  2: intOrString("port"),
  3: str("host"),
  4: str("scheme"),
  5: list(msg("httpHeaders", () => ({ 1: str("name"), 2: str("value") }))),
};

const TCPSocketAction: MessageDescriptor = { 1: intOrString("port"), 2: str("host") };

const ProbeHandler: MessageDescriptor = {
  1: msg("exec", () => ExecAction),
  2: msg("httpGet", () => HTTPGetAction),
  3: msg("tcpSocket", () => TCPSocketAction),
  4: msg("grpc", () => ({ 1: int("port"), 2: ptr(str("service")) })),
};

const LifecycleHandler: MessageDescriptor = {
  1: msg("exec", () => ExecAction),
  2: msg("httpGet", () => HTTPGetAction),
  3: msg("tcpSocket", () => TCPSocketAction),
  4: msg("sleep", () => ({ 1: int("seconds") })),
};

const Lifecycle: MessageDescriptor = {
  1: msg("postStart", () => LifecycleHandler),
  2: msg("preStop", () => LifecycleHandler),
  3: ptr(str("stopSignal")),
};

export const SELinuxOptions: MessageDescriptor = { 1: str("user"), 2: str("role"), 3: str("type"), 4: str("level") };

export const SeccompProfile: MessageDescriptor = { 1: str("type"), 2: ptr(str("localhostProfile")) };

export const AppArmorProfile: MessageDescriptor = { 1: str("type"), 2: ptr(str("localhostProfile")) };

export const WindowsSecurityContextOptions: MessageDescriptor = {
  1: ptr(str("gmsaCredentialSpecName")),
  2: ptr(str("gmsaCredentialSpec")),
  3: ptr(str("runAsUserName")),
  4: ptr(bool("hostProcess")),
};

const SecurityContext: MessageDescriptor = {
  1: msg("capabilities", () => ({ 1: list(str("add")), 2: list(str("drop")) })),
  2: ptr(bool("privileged")),
  3: msg("seLinuxOptions", () => SELinuxOptions),
  10: msg("windowsOptions", () => WindowsSecurityContextOptions),
  4: ptr(int("runAsUser")),
  8: ptr(int("runAsGroup")),
  5: ptr(bool("runAsNonRoot")),
  6: ptr(bool("readOnlyRootFilesystem")),
  7: ptr(bool("allowPrivilegeEscalation")),
  9: ptr(str("procMount")),
  11: msg("seccompProfile", () => SeccompProfile),
  12: msg("appArmorProfile", () => AppArmorProfile),
};
