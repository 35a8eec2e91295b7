import { isConflict, isNotFound } from "@/lib/k8s/api-errors";
import { EVENTS, EVENTS_K8S_IO, resourceKey, type ResourceInfo } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import type { ObjectRegistry } from "../apiserver/registry/object-registry";

/** kube-apiserver's --event-ttl default. */
export const DEFAULT_EVENT_TTL_MS = 60 * 60 * 1000;

const EVENT_RESOURCES = new Map<string, ResourceInfo>([EVENTS, EVENTS_K8S_IO].map((info) => [resourceKey(info), info]));

interface Expiry {
  at: number;
  resource: string;
  namespace: string;
  name: string;
  /** the write the expiry belongs to: a later write renews the event */
  rv: string;
}

export interface EventTtlOptions {
  ttlMs?: number;
  clock?: () => number;
  /** how often expired events are looked for */
  sweepMs?: number;
}

/** When an event stored before a restart was last written: its last timestamp, else when it was made; `unknown` when neither parses. */
function lastWritten(event: KubeObject, unknown: number): number {
  const record = event as KubeObject & { lastTimestamp?: string; eventTime?: string; series?: { lastObservedTime?: string } };
  const time = Date.parse(record.series?.lastObservedTime ?? record.lastTimestamp ?? record.eventTime ?? event.metadata.creationTimestamp ?? "");
  return Number.isNaN(time) ? unknown : time;
}

/**
 * Events live for --event-ttl (1 h) after their last write, as kube-apiserver keeps them under an
 * etcd lease; without this a long-running embedded cluster keeps every event for ever. Each write
 * queues its expiry (writes come in time order, so the queue stays sorted) and a sweep deletes what
 * expired without being written again since.
 */
export class EventTtl {
  private readonly queue: Expiry[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe = () => {};
  private readonly ttlMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly registry: ObjectRegistry,
    private readonly options: EventTtlOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_EVENT_TTL_MS;
    this.clock = options.clock ?? Date.now;
  }

  start(): void {
    const store = this.registry.store;
    const stored = [...EVENT_RESOURCES.keys()].flatMap((resource) => [...store.entries(resource)].map((e) => this.expiry(resource, e.object, lastWritten(e.object, this.clock()) + this.ttlMs)));
    this.queue.push(...stored.sort((a, b) => a.at - b.at));
    this.unsubscribe = store.onCommit((event) => {
      if (EVENT_RESOURCES.has(event.resource) && event.type !== "DELETED") this.queue.push(this.expiry(event.resource, event.object, this.clock() + this.ttlMs));
    });
    // A failed delete means the store refuses writes until a restart, which queues every stored event again: report it, go on.
    const sweep = () => this.sweep().catch((err: unknown) => console.error("event TTL: could not delete expired events:", err instanceof Error ? err.message : err));
    this.timer = setInterval(() => void sweep(), this.options.sweepMs ?? Math.min(60_000, this.ttlMs / 10));
    this.timer.unref();
  }

  stop(): void {
    this.unsubscribe();
    clearInterval(this.timer);
  }

  idle(): Promise<void> {
    return Promise.resolve();
  }

  /** Deletes every event whose time is up and that was not written again since; resolves when done. */
  async sweep(): Promise<void> {
    const now = this.clock();
    while (this.head < this.queue.length && this.queue[this.head].at <= now) {
      const due = this.queue[this.head++];
      const current = this.registry.store.get(due.resource, due.namespace, due.name);
      if (current?.metadata.resourceVersion === due.rv) await this.expire(due);
    }
    // Reclaim the consumed prefix in chunks rather than on every sweep.
    if (this.head > 1_000 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }

  private expiry(resource: string, event: KubeObject, at: number): Expiry {
    return { at, resource, namespace: event.metadata.namespace ?? "", name: event.metadata.name ?? "", rv: event.metadata.resourceVersion ?? "" };
  }

  private async expire(due: Expiry): Promise<void> {
    const info = EVENT_RESOURCES.get(due.resource) as ResourceInfo;
    try {
      await this.registry.delete(info, due.namespace, due.name, { preconditions: { resourceVersion: due.rv } });
    } catch (err) {
      // Deleted by someone else, or written again this very moment (a 409): both leave nothing to do.
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }
}
