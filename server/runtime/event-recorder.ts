import { isNotFound } from "@/lib/k8s/api-errors";
import { EVENTS } from "@/lib/k8s/resources";
import { rfc3339 } from "@/lib/k8s/time";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "./client";
import { CORRELATOR_CACHE_ENTRIES, EventCorrelator, type CorrelatorOptions } from "./event-correlator";
import { LruCache } from "./lru-cache";

export type EventType = "Normal" | "Warning";

/** One event as this recorder last saw it, and as it last let it be written. */
interface Recorded {
  object: KubeObject;
  type: EventType;
  reason: string;
  name: string;
  namespace: string;
  firstTimestamp: string;
  count: number;
  /** count, time and message of the latest occurrence the spam filter let through */
  allowed?: { count: number; lastTimestamp: string; message: string };
  created: boolean;
  /** a write is queued and will carry `allowed` as it is when it runs */
  queued: boolean;
  writes: Promise<void>;
}

let lastNanos = 0n;

/** client-go names events `<object>.<unix nanos in hex>`; strictly increasing here, so names never collide in-process. */
function eventSuffix(nowMs: number): string {
  const nanos = BigInt(nowMs) * 1_000_000n;
  lastNanos = nanos > lastNanos ? nanos : lastNanos + 1n;
  return lastNanos.toString(16);
}

function eventName(object: KubeObject, nowMs: number): string {
  return `${object.metadata.name}.${eventSuffix(nowMs)}`;
}

function fresh(object: KubeObject, type: EventType, reason: string, nowMs: number): Recorded {
  const namespace = object.metadata.namespace || "default";
  return { object, type, reason, name: eventName(object, nowMs), namespace, firstTimestamp: rfc3339(new Date(nowMs)), count: 0, created: false, queued: false, writes: Promise.resolve() };
}

/**
 * Records core/v1 Events about objects, as Kubernetes components do (`kubectl describe` and the
 * dashboard read them), through client-go's correlation: repeats counted, similar events
 * combined, a budget per object. Fire-and-forget: a failed event write is logged, never thrown.
 * Writes of one event go one after another, as client-go's single sink goroutine writes them.
 */
export class EventRecorder {
  // client-go's event logger: a repeat of a remembered event bumps its count, however late it comes.
  private readonly recent = new LruCache<string, Recorded>(CORRELATOR_CACHE_ENTRIES);
  private readonly correlator: EventCorrelator;

  constructor(
    private readonly client: Client,
    private readonly component: string,
    private readonly clock: () => Date = () => new Date(),
    options: CorrelatorOptions = {},
  ) {
    this.correlator = new EventCorrelator(component, options);
  }

  event(object: KubeObject, type: EventType, reason: string, reported: string): void {
    const nowMs = this.clock().getTime();
    const { message, key } = this.correlator.aggregate(object, type, reason, reported, nowMs);
    const record = this.observe(key, object, type, reason, nowMs);
    // As in client-go, a repeat held back by the spam filter still counts: the next write carries it.
    if (!this.correlator.allow(object, nowMs)) return;
    record.allowed = { count: record.count, lastTimestamp: rfc3339(new Date(nowMs)), message };
    if (record.queued) return;
    record.queued = true;
    record.writes = record.writes.then(() => this.write(record)).catch((err: unknown) => {
      console.error(`[${this.component}] could not record event ${reason} on ${object.metadata.name}:`, err instanceof Error ? err.message : err);
    });
  }

  private observe(key: string, object: KubeObject, type: EventType, reason: string, nowMs: number): Recorded {
    let record = this.recent.get(key);
    if (!record) this.recent.set(key, (record = fresh(object, type, reason, nowMs)));
    record.count++;
    return record;
  }

  private async write(record: Recorded): Promise<void> {
    record.queued = false;
    const allowed = record.allowed;
    if (!allowed) return;
    if (record.created) {
      try {
        await this.client.patch(EVENTS, record.namespace, record.name, { type: "merge", body: allowed }, { fieldManager: this.component });
        return;
      } catch (err) {
        // Gone (its TTL ran out, or someone deleted it): the next occurrence is a new event.
        if (!isNotFound(err)) throw err;
        record.name = eventName(record.object, this.clock().getTime());
        record.created = false;
      }
    }
    await this.client.create(EVENTS, this.eventObject(record, allowed), { fieldManager: this.component });
    record.created = true;
  }

  private eventObject(record: Recorded, allowed: NonNullable<Recorded["allowed"]>): KubeObject {
    const { object, type, reason } = record;
    return {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: record.name, namespace: record.namespace },
      involvedObject: { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace, uid: object.metadata.uid, resourceVersion: object.metadata.resourceVersion },
      reason,
      message: allowed.message,
      type,
      count: allowed.count,
      firstTimestamp: record.firstTimestamp,
      lastTimestamp: allowed.lastTimestamp,
      source: { component: this.component },
      reportingComponent: this.component,
      reportingInstance: this.component,
    };
  }
}
