import type { KubeObject, StatusCause } from "@/lib/k8s/types";
import { toStatusCause, validateObjectMeta, validateObjectMetaUpdate } from "@/lib/k8s/validation";
import type { ResourceInfo } from "@/lib/k8s/resources";
import type { KindStrategy } from "../strategies/strategy";

// Kinds whose names must be DNS labels rather than subdomains, as upstream validates them.
const NAME_RULES: Record<string, "label" | "dns1035"> = { Namespace: "label", Service: "dns1035" };

/** The validation kube-apiserver does itself before validating admission: metadata, then the kind's own rules. */
export function validateWrite(info: ResourceInfo, strategy: KindStrategy, object: KubeObject, old: KubeObject | undefined): StatusCause[] {
  const nameRule = NAME_RULES[info.kind] ?? "subdomain";
  const metaErrors = validateObjectMeta(object.metadata, { namespaced: info.namespaced, nameRule });
  if (old) metaErrors.push(...validateObjectMetaUpdate(old.metadata, object.metadata));
  // The kinds' rules check the spec: a write that keeps the stored one (a status write) has nothing new for them.
  if (old && object.spec !== undefined && object.spec === old.spec) return metaErrors.map(toStatusCause);
  const kindCauses = old ? (strategy.validateUpdate?.(object, old) ?? strategy.validate?.(object) ?? []) : (strategy.validate?.(object) ?? []);
  return [...metaErrors.map(toStatusCause), ...kindCauses];
}
