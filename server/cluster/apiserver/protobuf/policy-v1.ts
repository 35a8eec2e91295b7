/** k8s.io/api/policy/v1 Eviction (numbers from its generated.proto). */
import { msg, type MessageDescriptor } from "./descriptors";
import { DeleteOptions, ObjectMeta } from "./meta-v1";

export const Eviction: MessageDescriptor = {
  1: msg("metadata", () => ObjectMeta),
  2: msg("deleteOptions", () => DeleteOptions),
};
