/** k8s.io/apimachinery/pkg/apis/meta/v1 messages (numbers from its generated.proto). */
import { bool, int, list, map, msg, ptr, str, time, type MessageDescriptor } from "./descriptors";

/** managedFields (17) is left out: clients never need to send it, and the server owns it. */
export const ObjectMeta: MessageDescriptor = {
  1: str("name"),
  2: str("generateName"),
  3: str("namespace"),
  4: str("selfLink"),
  5: str("uid"),
  6: str("resourceVersion"),
  7: int("generation"),
  8: time("creationTimestamp"),
  9: time("deletionTimestamp"),
  10: ptr(int("deletionGracePeriodSeconds")),
  11: map(str("labels")),
  12: map(str("annotations")),
  13: list(msg("ownerReferences", () => OwnerReference)),
  14: list(str("finalizers")),
};

export const OwnerReference: MessageDescriptor = {
  5: str("apiVersion"),
  1: str("kind"),
  3: str("name"),
  4: str("uid"),
  6: ptr(bool("controller")),
  7: ptr(bool("blockOwnerDeletion")),
};

export const LabelSelector: MessageDescriptor = {
  1: map(str("matchLabels")),
  2: list(msg("matchExpressions", () => LabelSelectorRequirement)),
};

export const LabelSelectorRequirement: MessageDescriptor = {
  1: str("key"),
  2: str("operator"),
  3: list(str("values")),
};

export const DeleteOptions: MessageDescriptor = {
  1: ptr(int("gracePeriodSeconds")),
  2: msg("preconditions", () => Preconditions),
  3: ptr(bool("orphanDependents")),
  4: ptr(str("propagationPolicy")),
  5: list(str("dryRun")),
  6: ptr(bool("ignoreStoreReadErrorWithClusterBreakingPotential")),
};

export const Preconditions: MessageDescriptor = {
  1: ptr(str("uid")),
  2: ptr(str("resourceVersion")),
};

export const Condition: MessageDescriptor = {
  1: str("type"),
  2: str("status"),
  3: int("observedGeneration"),
  4: time("lastTransitionTime"),
  5: str("reason"),
  6: str("message"),
};
