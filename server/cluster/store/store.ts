import type { KubeObject } from "@/lib/k8s/types";
import { deepFreeze } from "./deep-freeze";
import { SqlitePersistence, type PersistOp } from "./persistence";
import { WatchHistory, type StoreEvent } from "./watch-history";
import { extend } from "@/lib/k8s/extend";

/** An object as stored: frozen, with its JSON kept so lists and watches never re-serialize it. */
export interface StoreEntry {
  readonly object: KubeObject;
  readonly json: string;
}

export interface ObjectKey {
  resource: string;
  namespace: string; // "" for cluster-scoped objects
  name: string;
}

/** One change in a commit. `put` creates or replaces; the store assigns the resourceVersion. */
export type StoreWrite = { type: "put"; resource: string; object: KubeObject } | { type: "delete"; resource: string; object: KubeObject };

export type StoreListener = (event: StoreEvent) => void;

export interface StoreOptions {
  /** SQLite file, or ":memory:" */
  path: string;
  /** events kept per resource for watch resumption */
  historySize?: number;
  synchronous?: "NORMAL" | "FULL";
  /**
   * Called with each object read back from disk, before it is frozen: lets the API layer share
   * what objects have in common (managedFields), as its writes share them.
   */
  prepareLoaded?: (object: KubeObject) => void;
}

export class ExpiredError extends Error {
  constructor(
    readonly requested: number,
    readonly oldest: number,
  ) {
    super(`too old resource version: ${requested} (${oldest})`);
  }
}

/** An entry as the store indexes it: with the id of its row on disk. */
interface IndexedEntry extends StoreEntry {
  readonly row: number;
}

type NamespaceIndex = Map<string, Map<string, IndexedEntry>>;

/**
 * The embedded cluster's etcd: a durable, versioned object store with one global, strictly
 * increasing resourceVersion, a change feed per resource, and in-memory indexes by namespace,
 * UID and owner UID. Writes are acknowledged only after SQLite commits them.
 */
export class Store {
  private readonly persistence: SqlitePersistence;
  private readonly objects = new Map<string, NamespaceIndex>();
  private readonly histories = new Map<string, WatchHistory>();
  private readonly listeners = new Map<string, Set<StoreListener>>();
  private readonly globalListeners = new Set<StoreListener>();
  private readonly byUid = new Map<string, ObjectKey>();
  private readonly byOwnerUid = new Map<string, Set<string>>();
  private readonly historySize: number;
  private rv: number;
  private lastRow = 0;
  private pendingOps: PersistOp[] = [];
  private pendingEvents: StoreEvent[] = [];
  private flushing: Promise<void> | undefined;
  private failure: Error | undefined;
  private closed = false;

  constructor(options: StoreOptions) {
    this.persistence = new SqlitePersistence(options.path, { synchronous: options.synchronous });
    this.historySize = options.historySize ?? 10_000;
    this.rv = this.persistence.lastResourceVersion();
    for (const row of this.persistence.rows()) {
      const object = JSON.parse(row.json) as KubeObject;
      options.prepareLoaded?.(object);
      deepFreeze(object);
      this.index(row.resource, JSON_ON_DEMAND.has(row.resource) ? new JsonOnDemandEntry(object, row.id) : new LoadedEntry(object, row.id));
      this.lastRow = Math.max(this.lastRow, row.id);
    }
  }

  get resourceVersion(): number {
    return this.rv;
  }

  get(resource: string, namespace: string, name: string): KubeObject | undefined {
    return this.objects.get(resource)?.get(namespace)?.get(name)?.object;
  }

  getEntry(resource: string, namespace: string, name: string): StoreEntry | undefined {
    return this.indexed({ resource, namespace, name });
  }

  private indexed(key: ObjectKey): IndexedEntry | undefined {
    return this.objects.get(key.resource)?.get(key.namespace)?.get(key.name);
  }

  /** Every entry of a resource, in one namespace or (namespace undefined) in all. */
  *entries(resource: string, namespace?: string): IterableIterator<StoreEntry> {
    const byNamespace = this.objects.get(resource);
    if (!byNamespace) return;
    if (namespace !== undefined) {
      const names = byNamespace.get(namespace);
      if (names) yield* names.values();
      return;
    }
    for (const names of byNamespace.values()) yield* names.values();
  }

  count(resource: string, namespace?: string): number {
    const byNamespace = this.objects.get(resource);
    if (!byNamespace) return 0;
    if (namespace !== undefined) return byNamespace.get(namespace)?.size ?? 0;
    let n = 0;
    for (const names of byNamespace.values()) n += names.size;
    return n;
  }

  keyOfUid(uid: string): ObjectKey | undefined {
    return this.byUid.get(uid);
  }

  /** Keys of the objects whose ownerReferences name `uid`. */
  dependentsOf(uid: string): ObjectKey[] {
    return [...(this.byOwnerUid.get(uid) ?? [])].map(parseKey);
  }

  /**
   * Applies the writes atomically in memory (each gets the next resourceVersion) and queues them
   * for the next group commit: one SQLite transaction for every write of the same turn of the
   * event loop. Watchers hear of them only once that transaction has committed, and a writer
   * must await `durable()` before telling anyone its write succeeded (the registry does).
   */
  commit(writes: readonly StoreWrite[]): KubeObject[] {
    if (this.failure) throw this.failure;
    if (this.closed) throw new Error("the store is closed");
    return writes.map((write) => {
      const rv = ++this.rv;
      const object = deepFreeze(withResourceVersion(write.object, rv));
      const json = JSON.stringify(object);
      const key = keyOf(write.resource, object);
      const stored = this.indexed(key);
      if (write.type === "put") this.put(key, stored, { rv, object, json });
      else this.remove(key, stored);
      const previous = stored?.object;
      const type = write.type === "delete" ? "DELETED" : previous ? "MODIFIED" : "ADDED";
      this.pendingEvents.push({ type, resource: write.resource, rv, object, json, previous });
      this.scheduleFlush();
      return object;
    });
  }

  private put(key: ObjectKey, stored: IndexedEntry | undefined, { rv, object, json }: { rv: number; object: KubeObject; json: string }): void {
    const row = stored?.row ?? ++this.lastRow;
    this.pendingOps.push(stored ? { kind: "update", id: row, rv, json } : { kind: "insert", row: { id: row, ...key, rv, json } });
    this.index(key.resource, entryOf(key.resource, object, json, row), stored?.object);
  }

  private remove(key: ObjectKey, stored: IndexedEntry | undefined): void {
    if (!stored) return;
    this.pendingOps.push({ kind: "delete", id: stored.row });
    this.unindex(key, stored.object);
  }

  /** Resolves once every write committed so far is on disk. */
  durable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return this.flushing ?? Promise.resolve();
  }

  private scheduleFlush(): void {
    if (this.flushing) return;
    this.flushing = new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        const ops = this.pendingOps;
        const events = this.pendingEvents;
        this.pendingOps = [];
        this.pendingEvents = [];
        this.flushing = undefined;
        if (this.closed) return resolve();
        try {
          this.persistence.commit(ops, this.rv);
        } catch (err) {
          // Memory is now ahead of disk: refuse every further write; a restart reloads the truth.
          this.failure = err instanceof Error ? err : new Error(String(err));
          console.error("store: commit failed, refusing further writes:", this.failure);
          return reject(this.failure);
        }
        resolve();
        for (const event of events) this.publish(event);
      });
    });
    // Writers await durable(); an unobserved rejection must not crash the process by itself.
    this.flushing.catch(() => {});
  }

  /**
   * Subscribes to changes of `resource` after `sinceRV`. Returns the retained events after that
   * resourceVersion (to replay before live ones) and the unsubscribe function.
   * Throws ExpiredError when `sinceRV` is older than the retained history.
   */
  watch(resource: string, sinceRV: number, listener: StoreListener): { replay: StoreEvent[]; stop: () => void } {
    const replay = this.history(resource).since(sinceRV);
    if (!replay) throw new ExpiredError(sinceRV, this.history(resource).oldestResumableRV());
    let set = this.listeners.get(resource);
    if (!set) this.listeners.set(resource, (set = new Set()));
    // A list may have seen writes whose events are still on their way: the watch starts after them.
    const onEvent: StoreListener = (event) => {
      if (event.rv > sinceRV) listener(event);
    };
    set.add(onEvent);
    return { replay, stop: () => set.delete(onEvent) };
  }

  /** Subscribes to every committed change of every resource (controllers inside the cluster). */
  onCommit(listener: StoreListener): () => void {
    this.globalListeners.add(listener);
    return () => this.globalListeners.delete(listener);
  }

  close(): void {
    if (this.closed) return;
    if (this.pendingOps.length > 0 && !this.failure) this.persistence.commit(this.pendingOps, this.rv);
    this.pendingOps = [];
    this.closed = true;
    this.persistence.close();
  }

  private history(resource: string): WatchHistory {
    let history = this.histories.get(resource);
    if (!history) this.histories.set(resource, (history = new WatchHistory(this.historySize, this.rv)));
    return history;
  }

  private publish(event: StoreEvent): void {
    this.history(event.resource).append(event);
    for (const listener of this.listeners.get(event.resource) ?? []) safely(listener, event);
    for (const listener of this.globalListeners) safely(listener, event);
  }

  private index(resource: string, entry: IndexedEntry, previous?: KubeObject): void {
    const key = keyOf(resource, entry.object);
    let byNamespace = this.objects.get(resource);
    if (!byNamespace) this.objects.set(resource, (byNamespace = new Map()));
    let names = byNamespace.get(key.namespace);
    if (!names) byNamespace.set(key.namespace, (names = new Map()));
    names.set(key.name, entry);
    if (previous) this.unindexOwners(key, previous);
    const uid = entry.object.metadata.uid;
    if (uid) this.byUid.set(uid, key);
    const flat = flatKey(key);
    for (const owner of entry.object.metadata.ownerReferences ?? []) {
      let dependents = this.byOwnerUid.get(owner.uid);
      if (!dependents) this.byOwnerUid.set(owner.uid, (dependents = new Set()));
      dependents.add(flat);
    }
  }

  private unindex(key: ObjectKey, object: KubeObject): void {
    const names = this.objects.get(key.resource)?.get(key.namespace);
    names?.delete(key.name);
    if (names?.size === 0) this.objects.get(key.resource)?.delete(key.namespace);
    if (object.metadata.uid) this.byUid.delete(object.metadata.uid);
    this.unindexOwners(key, object);
  }

  private unindexOwners(key: ObjectKey, object: KubeObject): void {
    const flat = flatKey(key);
    for (const owner of object.metadata.ownerReferences ?? []) {
      const dependents = this.byOwnerUid.get(owner.uid);
      dependents?.delete(flat);
      if (dependents?.size === 0) this.byOwnerUid.delete(owner.uid);
    }
  }
}

// Events are most of the objects of a busy cluster (five per pod started) and rarely listed in
// bulk: their JSON is made again when asked for rather than held, some 440 MB at 100,000 pods.
const JSON_ON_DEMAND = new Set(["events", "events.k8s.io/events"]);

/** An entry whose JSON is made when read: the getter sits on the prototype, not in a closure per entry. */
class JsonOnDemandEntry implements IndexedEntry {
  constructor(
    readonly object: KubeObject,
    readonly row: number,
  ) {}

  get json(): string {
    return JSON.stringify(this.object);
  }
}

/**
 * An object read back from disk: its JSON is made when first read, then kept. Keeping the row's
 * text instead would interleave in the heap strings that die at the object's next write with the
 * parts of the object that outlive it, which leaves a restarted cluster's heap fragmented.
 */
class LoadedEntry implements IndexedEntry {
  private text: string | undefined;

  constructor(
    readonly object: KubeObject,
    readonly row: number,
  ) {}

  get json(): string {
    this.text ??= JSON.stringify(this.object);
    return this.text;
  }
}

function entryOf(resource: string, object: KubeObject, json: string, row: number): IndexedEntry {
  return JSON_ON_DEMAND.has(resource) ? new JsonOnDemandEntry(object, row) : { object, json, row };
}

function withResourceVersion(object: KubeObject, rv: number): KubeObject {
  return extend(object, { metadata: extend(object.metadata, { resourceVersion: String(rv) }) });
}

function keyOf(resource: string, object: KubeObject): ObjectKey {
  return { resource, namespace: object.metadata.namespace ?? "", name: object.metadata.name ?? "" };
}

/** An ObjectKey as one string, for sets and maps. */
export function flatKey(key: ObjectKey): string {
  return `${key.resource}\u0000${key.namespace}\u0000${key.name}`;
}

export function parseKey(flat: string): ObjectKey {
  const [resource, namespace, name] = flat.split("\u0000");
  return { resource, namespace, name };
}

function safely(listener: StoreListener, event: StoreEvent): void {
  try {
    listener(event);
  } catch (err) {
    console.error("store listener failed", err);
  }
}
