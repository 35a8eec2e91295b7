import { EVENTS } from "@/lib/k8s/resources";
import { rfc3339 } from "@/lib/k8s/time";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "./client";

export type EventType = "Normal" | "Warning";

interface Recorded {
  name: string;
  namespace: string;
  count: number;
  firstTimestamp: string;
}

// Like client-go's event correlator: a repeat of the same event within this window bumps its count.
const AGGREGATION_WINDOW_MS = 10 * 60 * 1000;
const MAX_REMEMBERED = 4096;

let lastNanos = 0n;

/** client-go names events `<object>.<unix nanos in hex>`; strictly increasing here, so names never collide in-process. */
function eventSuffix(now: Date): string {
  const nanos = BigInt(now.getTime()) * 1_000_000n;
  lastNanos = nanos > lastNanos ? nanos : lastNanos + 1n;
  return lastNanos.toString(16);
}

/**
 * Records core/v1 Events about objects, as Kubernetes components do (`kubectl describe` and the
 * dashboard read them). Fire-and-forget: a failed event write is logged, never thrown.
 */
export class EventRecorder {
  private readonly recent = new Map<string, Recorded>();

  constructor(
    private readonly client: Client,
    private readonly component: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  event(object: KubeObject, type: EventType, reason: string, message: string): void {
    void this.record(object, type, reason, message).catch((err: unknown) => {
      console.error(`[${this.component}] could not record event ${reason} on ${object.metadata.name}:`, err instanceof Error ? err.message : err);
    });
  }

  private async record(object: KubeObject, type: EventType, reason: string, message: string): Promise<void> {
    const now = rfc3339(this.clock());
    const key = [object.metadata.uid, type, reason, message].join("\u0000");
    const seen = this.recent.get(key);
    if (seen && this.clock().getTime() - Date.parse(seen.firstTimestamp) < AGGREGATION_WINDOW_MS) {
      seen.count++;
      const patch = { count: seen.count, lastTimestamp: now };
      try {
        await this.client.patch(EVENTS, seen.namespace, seen.name, { type: "merge", body: patch }, { fieldManager: this.component });
        return;
      } catch {
        this.recent.delete(key);
      }
    }
    const namespace = object.metadata.namespace || "default";
    const name = `${object.metadata.name}.${eventSuffix(this.clock())}`;
    await this.client.create(EVENTS, {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name, namespace },
      involvedObject: { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace, uid: object.metadata.uid, resourceVersion: object.metadata.resourceVersion },
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { component: this.component },
      reportingComponent: this.component,
      reportingInstance: this.component,
    }, { fieldManager: this.component });
    if (this.recent.size >= MAX_REMEMBERED) this.recent.delete(this.recent.keys().next().value as string);
    this.recent.set(key, { name, namespace, count: 1, firstTimestamp: now });
  }
}
