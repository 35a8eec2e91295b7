import { groupVersion, type ResourceInfo } from "@/lib/k8s/resources";
import type { ListOptions, WatchOptions, WriteOptions } from "./client";

export type Subresource = ResourceInfo["subresources"][number];

/**
 * The REST path of a collection or an object: /api/v1/... for the core group, /apis/<group>/<version>/...
 * otherwise. `namespace` is ignored for cluster-scoped kinds; omitted for a namespaced kind, it addresses
 * all namespaces (list and watch only).
 */
export function resourcePath(resource: ResourceInfo, namespace?: string, name?: string, subresource?: Subresource): string {
  const root = resource.group ? `/apis/${groupVersion(resource)}` : `/api/${resource.version}`;
  const scope = resource.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  const item = name === undefined ? "" : `/${encodeURIComponent(name)}`;
  const sub = name !== undefined && subresource ? `/${subresource}` : "";
  return `${root}${scope}/${resource.resource}${item}${sub}`;
}

/** `path?query`, leaving out parameters that are unset. */
export function withQuery(path: string, params: Record<string, string | number | boolean | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function listQuery(options: ListOptions): Record<string, string | number | undefined> {
  return { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector, limit: options.limit || undefined, continue: options.continue };
}

export function watchQuery(options: WatchOptions): Record<string, string | boolean | undefined> {
  return { watch: true, allowWatchBookmarks: true, resourceVersion: options.resourceVersion, labelSelector: options.labelSelector, fieldSelector: options.fieldSelector };
}

export function writeQuery(options: WriteOptions): Record<string, string | undefined> {
  return { fieldManager: options.fieldManager, dryRun: options.dryRun ? "All" : undefined };
}
