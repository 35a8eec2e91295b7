import type { KubeList, KubeObject, Scale } from "@/lib/k8s/types";

export type { Scale };
import type { ResourceInfo } from "@/lib/k8s/resources";

/**
 * The one seam between controllers and a cluster. Two implementations: the embedded cluster's
 * (in-process, no HTTP) and the kube one (@kubernetes/client-node, any API server). Objects it
 * returns are read-only: they may be shared with a cache (and are frozen on the embedded one),
 * so copy before changing. Failures throw ApiError (lib/k8s/api-errors) with the server's
 * Status code and reason.
 */
export interface Client {
  get<T extends KubeObject = KubeObject>(resource: ResourceInfo, namespace: string, name: string): Promise<T>;
  list<T extends KubeObject = KubeObject>(resource: ResourceInfo, options?: ListOptions): Promise<KubeList<T>>;
  /** Starts a watch; events arrive in order, after the call returns. */
  watch(resource: ResourceInfo, options: WatchOptions, onEvent: (event: ClientWatchEvent) => void): Watch;
  create<T extends KubeObject = KubeObject>(resource: ResourceInfo, object: T, options?: WriteOptions): Promise<T>;
  /** PUT; `object.metadata.resourceVersion` makes it conditional (409 Conflict when stale). */
  update<T extends KubeObject = KubeObject>(resource: ResourceInfo, object: T, options?: WriteOptions): Promise<T>;
  updateStatus<T extends KubeObject = KubeObject>(resource: ResourceInfo, object: T, options?: WriteOptions): Promise<T>;
  patch<T extends KubeObject = KubeObject>(resource: ResourceInfo, namespace: string, name: string, patch: Patch, options?: PatchOptions): Promise<T>;
  patchStatus<T extends KubeObject = KubeObject>(resource: ResourceInfo, namespace: string, name: string, patch: Patch, options?: PatchOptions): Promise<T>;
  delete(resource: ResourceInfo, namespace: string, name: string, options?: DeleteOptions): Promise<void>;
  getScale(resource: ResourceInfo, namespace: string, name: string): Promise<Scale>;
  updateScale(resource: ResourceInfo, namespace: string, name: string, replicas: number, options?: WriteOptions): Promise<Scale>;
  /** POST pods/<name>/binding */
  bind(namespace: string, name: string, nodeName: string): Promise<void>;
  /** POST pods/<name>/eviction */
  evict(namespace: string, name: string, options?: DeleteOptions): Promise<void>;
  /** GET pods/<name>/log: a container's output as text */
  logs(namespace: string, name: string, options?: LogOptions): Promise<string>;
}

export interface LogOptions {
  /** may be left out when the pod has one container */
  container?: string;
  /** the last N lines only */
  tailLines?: number;
  /** the output of the container's run before its last restart */
  previous?: boolean;
}

export interface ListOptions {
  /** omitted: all namespaces (or a cluster-scoped resource) */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export interface WatchOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** the list's resourceVersion to watch from */
  resourceVersion: string;
}

export type ClientWatchEvent = { type: "ADDED" | "MODIFIED" | "DELETED"; object: KubeObject } | { type: "BOOKMARK"; resourceVersion: string };

/** Why a watch ended: the server closed it (re-watch from the last resourceVersion), it expired (relist), or it failed. */
export type WatchEnd = { reason: "closed" } | { reason: "expired" } | { reason: "error"; error: Error };

export interface Watch {
  stop(): void;
  /** resolves once, when the watch ends for any reason other than stop() */
  readonly done: Promise<WatchEnd>;
}

export interface WriteOptions {
  fieldManager?: string;
  dryRun?: boolean;
}

export interface PatchOptions extends WriteOptions {
  /** server-side apply only */
  force?: boolean;
}

export type Patch =
  | { type: "merge"; body: unknown }
  | { type: "json"; body: unknown[] }
  | { type: "strategic"; body: unknown }
  | { type: "apply"; body: KubeObject };

export interface DeleteOptions {
  propagationPolicy?: "Orphan" | "Background" | "Foreground";
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}
