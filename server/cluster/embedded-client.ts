import { badRequest } from "@/lib/k8s/api-errors";
import { clone } from "@/lib/k8s/deep-equal";
import { groupVersion, resourceKey, type ResourceInfo } from "@/lib/k8s/resources";
import type { KubeList, KubeObject, Scale } from "@/lib/k8s/types";
import type { Client, ClientWatchEvent, DeleteOptions, ListOptions, LogOptions, Patch, PatchOptions, Watch, WatchEnd, WatchOptions, WriteOptions } from "@/server/runtime/client";
import { checkPatchOptions, PATCH_CONTENT_TYPES } from "@/server/runtime/patch-requests";
import { listPage } from "./apiserver/http/list";
import { parseFilter, visibleType } from "./apiserver/http/list-query";
import { readPodLog } from "./apiserver/http/pod-log";
import { bindPod, evictPod, type PodLogSource } from "./apiserver/http/pod-subresources";
import { fromScale, toScale } from "./apiserver/http/scale";
import { patchTypeOf } from "./apiserver/registry/patching";
import type { ObjectRegistry } from "./apiserver/registry/object-registry";
import { ExpiredError } from "./store/store";
import { extend } from "@/lib/k8s/extend";

function query(options: ListOptions | WatchOptions): URLSearchParams {
  const q = new URLSearchParams();
  if (options.labelSelector) q.set("labelSelector", options.labelSelector);
  if (options.fieldSelector) q.set("fieldSelector", options.fieldSelector);
  if ("limit" in options && options.limit) q.set("limit", String(options.limit));
  if ("continue" in options && options.continue) q.set("continue", options.continue);
  return q;
}

/** The patch type, checked as the HTTP layer checks a PATCH: strategic merge patch is refused (415) on CRDs. */
function patchType(resource: ResourceInfo, patch: Patch, options: PatchOptions): Patch["type"] {
  checkPatchOptions(patch, options);
  return patchTypeOf(PATCH_CONTENT_TYPES[patch.type], resource);
}

function namespaceOf(resource: ResourceInfo, object: KubeObject): string {
  return resource.namespaced ? (object.metadata.namespace ?? "") : "";
}

/**
 * The embedded cluster's Client: calls the registry in-process, with the same semantics (and
 * errors) as over HTTP but without serializing. Objects returned are the store's frozen ones.
 * Logs come from `logSource`, a getter because the kubelets that write them start after the client.
 */
export class EmbeddedClient implements Client {
  constructor(
    private readonly registry: ObjectRegistry,
    private readonly logSource: () => PodLogSource | undefined = () => undefined,
  ) {}

  async get<T extends KubeObject>(resource: ResourceInfo, namespace: string, name: string): Promise<T> {
    return this.registry.get(resource, namespace, name) as T;
  }

  async list<T extends KubeObject>(resource: ResourceInfo, options: ListOptions = {}): Promise<KubeList<T>> {
    const page = listPage(this.registry, resource, options.namespace, query(options));
    return {
      apiVersion: groupVersion(resource),
      kind: resource.listKind,
      metadata: { resourceVersion: page.resourceVersion, ...(page.continueToken ? { continue: page.continueToken } : {}) },
      items: page.entries.map((e) => e.object as T),
    };
  }

  watch(resource: ResourceInfo, options: WatchOptions, onEvent: (event: ClientWatchEvent) => void): Watch {
    const filter = parseFilter(resource, options.namespace, query(options));
    let resolveDone: (end: WatchEnd) => void = () => {};
    const done = new Promise<WatchEnd>((resolve) => (resolveDone = resolve));
    const pending: ClientWatchEvent[] = [];
    let stopped = false;
    // Events are handed over after the commit that made them, never inside it.
    const flush = () => {
      const batch = pending.splice(0);
      for (const event of batch) if (!stopped) onEvent(event);
    };
    const push = (event: ClientWatchEvent) => {
      if (pending.push(event) === 1) queueMicrotask(flush);
    };
    let stopWatch = () => {};
    try {
      const { replay, stop } = this.registry.store.watch(resourceKey(resource), Number(options.resourceVersion), (event) => {
        const type = visibleType(resource, filter, event);
        if (type) push({ type, object: event.object });
      });
      stopWatch = stop;
      for (const event of replay) {
        const type = visibleType(resource, filter, event);
        if (type) push({ type, object: event.object });
      }
    } catch (err) {
      if (!(err instanceof ExpiredError)) throw err;
      queueMicrotask(() => resolveDone({ reason: "expired" }));
    }
    return {
      done,
      stop: () => {
        stopped = true;
        stopWatch();
      },
    };
  }

  async create<T extends KubeObject>(resource: ResourceInfo, object: T, options: WriteOptions = {}): Promise<T> {
    return (await this.registry.create(resource, namespaceOf(resource, object), object, options)) as T;
  }

  async update<T extends KubeObject>(resource: ResourceInfo, object: T, options: WriteOptions = {}): Promise<T> {
    return (await this.registry.update(resource, namespaceOf(resource, object), object.metadata.name ?? "", object, options)) as T;
  }

  async updateStatus<T extends KubeObject>(resource: ResourceInfo, object: T, options: WriteOptions = {}): Promise<T> {
    return (await this.registry.update(resource, namespaceOf(resource, object), object.metadata.name ?? "", object, extend(options, { subresource: "status" }))) as T;
  }

  async patch<T extends KubeObject>(resource: ResourceInfo, namespace: string, name: string, patch: Patch, options: PatchOptions = {}): Promise<T> {
    return (await this.registry.patch(resource, namespace, name, patchType(resource, patch, options), clone(patch.body), options)).object as T;
  }

  async patchStatus<T extends KubeObject>(resource: ResourceInfo, namespace: string, name: string, patch: Patch, options: PatchOptions = {}): Promise<T> {
    return (await this.registry.patch(resource, namespace, name, patchType(resource, patch, options), clone(patch.body), extend(options, { subresource: "status" }))).object as T;
  }

  async delete(resource: ResourceInfo, namespace: string, name: string, options: DeleteOptions = {}): Promise<void> {
    await this.registry.delete(resource, namespace, name, options);
  }

  async getScale(resource: ResourceInfo, namespace: string, name: string): Promise<Scale> {
    return toScale(resource, this.registry.get(resource, namespace, name));
  }

  async updateScale(resource: ResourceInfo, namespace: string, name: string, replicas: number, options: WriteOptions = {}): Promise<Scale> {
    if (!resource.subresources.includes("scale")) throw badRequest(`${resource.resource} has no scale subresource`);
    const current = this.registry.get(resource, namespace, name);
    const updated = await this.registry.update(resource, namespace, name, fromScale(current, { spec: { replicas } }), options);
    return toScale(resource, updated);
  }

  async bind(namespace: string, name: string, nodeName: string): Promise<void> {
    await bindPod(this.registry, namespace, name, { apiVersion: "v1", kind: "Binding", metadata: { name }, target: { kind: "Node", name: nodeName } });
  }

  async evict(namespace: string, name: string, options: DeleteOptions = {}): Promise<void> {
    await evictPod(this.registry, namespace, name, { deleteOptions: options });
  }

  async logs(namespace: string, name: string, options: LogOptions = {}): Promise<string> {
    return readPodLog(this.registry, this.logSource(), namespace, name, options);
  }
}
