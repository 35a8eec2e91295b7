/** k8s.io/api/core/v1 scheduling constraints of a PodSpec (numbers from its generated.proto). */
import { int, list, msg, ptr, str, type MessageDescriptor } from "./descriptors";
import { LabelSelector } from "./meta-v1";

export const Affinity: MessageDescriptor = {
  1: msg("nodeAffinity", () => NodeAffinity),
  2: msg("podAffinity", () => PodAffinity),
  3: msg("podAntiAffinity", () => PodAffinity),
};

const NodeSelectorRequirement: MessageDescriptor = { 1: str("key"), 2: str("operator"), 3: list(str("values")) };

const NodeSelectorTerm: MessageDescriptor = {
  1: list(msg("matchExpressions", () => NodeSelectorRequirement)),
  2: list(msg("matchFields", () => NodeSelectorRequirement)),
};

const NodeAffinity: MessageDescriptor = {
  1: msg("requiredDuringSchedulingIgnoredDuringExecution", () => ({
    1: list(msg("nodeSelectorTerms", () => NodeSelectorTerm)),
  })),
  2: list(
    msg("preferredDuringSchedulingIgnoredDuringExecution", () => ({
      1: int("weight"),
      2: msg("preference", () => NodeSelectorTerm),
    })),
  ),
};

const PodAffinityTerm: MessageDescriptor = {
  1: msg("labelSelector", () => LabelSelector),
  2: list(str("namespaces")),
  3: str("topologyKey"),
  4: msg("namespaceSelector", () => LabelSelector),
  5: list(str("matchLabelKeys")),
  6: list(str("mismatchLabelKeys")),
};

/** PodAffinity and PodAntiAffinity have the same fields. */
const PodAffinity: MessageDescriptor = {
  1: list(msg("requiredDuringSchedulingIgnoredDuringExecution", () => PodAffinityTerm)),
  2: list(
    msg("preferredDuringSchedulingIgnoredDuringExecution", () => ({
      1: int("weight"),
      2: msg("podAffinityTerm", () => PodAffinityTerm),
    })),
  ),
};

export const Toleration: MessageDescriptor = {
  1: str("key"),
  2: str("operator"),
  3: str("value"),
  4: str("effect"),
  5: ptr(int("tolerationSeconds")),
};

export const TopologySpreadConstraint: MessageDescriptor = {
  1: int("maxSkew"),
  2: str("topologyKey"),
  3: str("whenUnsatisfiable"),
  4: msg("labelSelector", () => LabelSelector),
  5: ptr(int("minDomains")),
  6: ptr(str("nodeAffinityPolicy")),
  7: ptr(str("nodeTaintsPolicy")),
  8: list(str("matchLabelKeys")),
};
