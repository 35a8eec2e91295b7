import { isNotFound } from "@/lib/k8s/api-errors";
import type { ResourceInfo } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client, ClientWatchEvent } from "./client";

export interface InformerOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** first reconnect delay after an error; doubles up to maxBackoffMs */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface InformerHandler<T extends KubeObject = KubeObject> {
  add?(object: T): void;
  update?(old: T, object: T): void;
  delete?(object: T): void;
}

export type IndexFunction = (object: KubeObject) => string[];

const objectKey = (o: KubeObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;

/** The part of an object an index reads: when it is the very same value in an update, the index entries stay. */
export type IndexInput = (object: KubeObject) => unknown;

interface Index {
  fn: IndexFunction;
  index: Map<string, Set<string>>;
  input?: IndexInput;
}

// Indexes every informer keeps: the lookups controllers make on every reconcile. A status write
// shares the stored metadata's labels and owners (the embedded cluster copies only what changed),
// so most updates skip re-indexing them.
const BUILT_IN_INDEXES: Record<string, [IndexFunction, IndexInput]> = {
  namespace: [(o) => [o.metadata.namespace ?? ""], (o) => o.metadata.namespace],
  owner: [(o) => (o.metadata.ownerReferences ?? []).map((r) => r.uid), (o) => o.metadata.ownerReferences],
  label: [(o) => Object.entries(o.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`), (o) => o.metadata.labels],
};

/**
 * A shared informer: lists, then watches from the list's resourceVersion, keeping a cache with
 * indexes and telling handlers what changed. A watch the server closes is resumed from the last
 * resourceVersion; an expired one (410) is replaced by a relist; errors back off and retry.
 */
export class Informer<T extends KubeObject = KubeObject> {
  private readonly cache = new Map<string, T>();
  private readonly indexes = new Map<string, Index>();
  private readonly handlers: InformerHandler<T>[] = [];
  private resourceVersion = "";
  private stopped = true;
  private stopWatch = () => {};
  private synced = false;
  private syncWaiters: Array<() => void> = [];

  constructor(
    private readonly client: Client,
    readonly resource: ResourceInfo,
    private readonly options: InformerOptions = {},
  ) {
    for (const [name, [fn, input]] of Object.entries(BUILT_IN_INDEXES)) this.addIndex(name, fn, input);
  }

  get hasSynced(): boolean {
    return this.synced;
  }

  get lastResourceVersion(): string {
    return this.resourceVersion;
  }

  /** Registers a handler; objects already cached are replayed to it as adds. */
  addHandler(handler: InformerHandler<T>): void {
    this.handlers.push(handler);
    for (const object of this.cache.values()) handler.add?.(object);
  }

  addIndex(name: string, fn: IndexFunction, input?: IndexInput): void {
    const index = new Map<string, Set<string>>();
    for (const [key, object] of this.cache) for (const value of fn(object)) addTo(index, value, key);
    this.indexes.set(name, { fn, index, input });
  }

  get(namespace: string, name: string): T | undefined {
    return this.cache.get(`${namespace}/${name}`);
  }

  list(namespace?: string): T[] {
    return namespace === undefined ? [...this.cache.values()] : this.byIndex("namespace", namespace);
  }

  byIndex(name: string, value: string): T[] {
    const keys = this.indexes.get(name)?.index.get(value);
    if (!keys) return [];
    return [...keys].map((k) => this.cache.get(k)).filter((o): o is T => o !== undefined);
  }

  /** Objects owned (ownerReferences) by the object with this UID. */
  byOwner(uid: string): T[] {
    return this.byIndex("owner", uid);
  }

  byLabel(key: string, value: string): T[] {
    return this.byIndex("label", `${key}=${value}`);
  }

  /** Starts list+watch; resolves once the first list is in the cache. */
  start(): Promise<void> {
    if (this.stopped) {
      this.stopped = false;
      void this.run();
    }
    return this.waitForSync();
  }

  stop(): void {
    this.stopped = true;
    this.stopWatch();
  }

  waitForSync(): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  private async run(): Promise<void> {
    let backoff = this.options.backoffMs ?? 100;
    while (!this.stopped) {
      try {
        await this.listAndWatch();
        backoff = this.options.backoffMs ?? 100;
      } catch (err) {
        if (this.stopped) return;
        if (!isNotFound(err)) console.error(`[informer ${this.resource.resource}] ${err instanceof Error ? err.message : String(err)}; retrying in ${backoff} ms`);
        await new Promise((resolve) => setTimeout(resolve, backoff));
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 30_000);
      }
    }
  }

  /** One list, then watches until the watch expires (return: relist) or fails (throw). */
  private async listAndWatch(): Promise<void> {
    const { namespace, labelSelector, fieldSelector } = this.options;
    const list = await this.client.list<T>(this.resource, { namespace, labelSelector, fieldSelector });
    if (this.stopped) return;
    this.replace(list.items, list.metadata.resourceVersion ?? "");
    while (!this.stopped) {
      const watch = this.client.watch(this.resource, { namespace, labelSelector, fieldSelector, resourceVersion: this.resourceVersion }, (event) => this.apply(event));
      this.stopWatch = () => watch.stop();
      const end = await watch.done;
      if (end.reason === "expired") return;
      if (end.reason === "error") throw end.error;
    }
  }

  private replace(items: T[], resourceVersion: string): void {
    const seen = new Set<string>();
    for (const object of items) {
      seen.add(objectKey(object));
      this.upsert(object);
    }
    for (const [key, object] of [...this.cache]) if (!seen.has(key)) this.remove(object);
    this.resourceVersion = resourceVersion;
    if (!this.synced) {
      this.synced = true;
      for (const resolve of this.syncWaiters.splice(0)) resolve();
    }
  }

  private apply(event: ClientWatchEvent): void {
    if (event.type === "BOOKMARK") {
      this.resourceVersion = event.resourceVersion;
      return;
    }
    const object = event.object as T;
    if (event.type === "DELETED") this.remove(object);
    else this.upsert(object);
    this.resourceVersion = object.metadata.resourceVersion ?? this.resourceVersion;
  }

  private upsert(object: T): void {
    const key = objectKey(object);
    const old = this.cache.get(key);
    if (old && old.metadata.resourceVersion === object.metadata.resourceVersion) return;
    this.cache.set(key, object);
    for (const entry of this.indexes.values()) {
      if (old && entry.input && entry.input(old) === entry.input(object)) continue;
      if (old) unindexOne(entry, key, old);
      for (const value of entry.fn(object)) addTo(entry.index, value, key);
    }
    for (const handler of this.handlers) safely(() => (old ? handler.update?.(old, object) : handler.add?.(object)));
  }

  private remove(object: T): void {
    const key = objectKey(object);
    const old = this.cache.get(key);
    if (!old) return;
    this.unindex(key, old);
    this.cache.delete(key);
    for (const handler of this.handlers) safely(() => handler.delete?.(object));
  }

  private unindex(key: string, object: T): void {
    for (const entry of this.indexes.values()) unindexOne(entry, key, object);
  }
}

function unindexOne({ fn, index }: Index, key: string, object: KubeObject): void {
  for (const value of fn(object)) {
    const keys = index.get(value);
    keys?.delete(key);
    if (keys?.size === 0) index.delete(value);
  }
}

function addTo(index: Map<string, Set<string>>, value: string, key: string): void {
  let keys = index.get(value);
  if (!keys) index.set(value, (keys = new Set()));
  keys.add(key);
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    console.error("informer handler failed:", err);
  }
}
