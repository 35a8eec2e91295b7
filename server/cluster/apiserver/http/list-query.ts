import type { KubeObject } from "@/lib/k8s/types";
import { LabelSelectorError, matchesLabels, parseLabelSelector, type Selector } from "@/lib/k8s/label-selector";
import type { ResourceInfo } from "@/lib/k8s/resources";
import { badRequest } from "@/lib/k8s/api-errors";
import type { StoreEvent } from "../../store/watch-history";
import { matchesFields, parseFieldSelector, validateFieldSelector, type FieldRequirement } from "../field-selector";

/** The filters of a list or watch request, parsed and checked once. */
export interface ObjectFilter {
  namespace?: string;
  labels: Selector;
  fields: FieldRequirement[];
}

export function parseFilter(info: ResourceInfo, namespace: string | undefined, query: URLSearchParams): ObjectFilter {
  let labels: Selector;
  try {
    labels = parseLabelSelector(query.get("labelSelector") ?? "");
  } catch (err) {
    if (err instanceof LabelSelectorError) throw badRequest(err.message);
    throw err;
  }
  const fields = parseFieldSelector(query.get("fieldSelector") ?? "");
  validateFieldSelector(info.kind, fields, info.group);
  return { namespace: info.namespaced ? namespace : undefined, labels, fields };
}

export function matchesFilter(info: ResourceInfo, filter: ObjectFilter, object: KubeObject): boolean {
  if (filter.namespace !== undefined && object.metadata.namespace !== filter.namespace) return false;
  if (filter.labels.length > 0 && !matchesLabels(filter.labels, object.metadata.labels)) return false;
  return filter.fields.length === 0 || matchesFields(info.kind, object, filter.fields);
}

/**
 * How a store event looks to a watcher with this filter: an object moving into the selection is
 * ADDED, one moving out is DELETED, as kube-apiserver's watch cache reports them; undefined if unseen.
 */
export function visibleType(info: ResourceInfo, filter: ObjectFilter, event: StoreEvent): StoreEvent["type"] | undefined {
  const now = matchesFilter(info, filter, event.object);
  if (event.type !== "MODIFIED") return now ? event.type : undefined;
  const before = event.previous ? matchesFilter(info, filter, event.previous) : false;
  if (now) return before ? "MODIFIED" : "ADDED";
  return before ? "DELETED" : undefined;
}
