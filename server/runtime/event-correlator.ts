import type { KubeObject } from "@/lib/k8s/types";
import { LruCache } from "./lru-cache";

// client-go's EventCorrelator defaults (tools/record/events_cache.go).
/** entries of each of the correlator's caches (aggregation, spam budgets, and the recorder's events) */
export const CORRELATOR_CACHE_ENTRIES = 4096;
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_PER_SECOND = 1 / 300;

/** client-go's token bucket: `burst` tokens, refilled at `perSecond`. */
class TokenBucket {
  private tokens: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private lastMs: number,
  ) {
    this.tokens = burst;
  }

  tryAccept(nowMs: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + (Math.max(0, nowMs - this.lastMs) / 1000) * this.perSecond);
    this.lastMs = Math.max(this.lastMs, nowMs);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

interface AggregateRecord {
  messages: Set<string>;
  lastMs: number;
}

export interface CorrelatorOptions {
  /** false for components whose recorder has no spam filter (kube-scheduler's events.k8s.io recorder) */
  spamFilter?: boolean;
}

function objectKey(object: KubeObject): string {
  const m = object.metadata;
  return [object.kind, m.namespace ?? "", m.name ?? "", m.uid ?? "", object.apiVersion].join("\u0000");
}

/**
 * What client-go's EventCorrelator does before an event reaches the API server: once an object
 * has had events of one reason with 10 different messages within 10 minutes, further ones are
 * combined into one event ("(combined from similar events): ..."); and a component may write a
 * burst of 25 events about an object, then one every 5 minutes.
 */
export class EventCorrelator {
  private readonly aggregates = new LruCache<string, AggregateRecord>(CORRELATOR_CACHE_ENTRIES);
  private readonly budgets = new LruCache<string, TokenBucket>(CORRELATOR_CACHE_ENTRIES);

  constructor(
    private readonly component: string,
    private readonly options: CorrelatorOptions = {},
  ) {}

  /** The message to record, and the key that repeats of the recorded event share. */
  aggregate(object: KubeObject, type: string, reason: string, message: string, nowMs: number): { message: string; key: string } {
    const aggregateKey = [this.component, objectKey(object), type, reason].join("\u0000");
    const previous = this.aggregates.get(aggregateKey);
    const record = previous && nowMs - previous.lastMs <= AGGREGATE_INTERVAL_MS ? previous : { messages: new Set<string>(), lastMs: nowMs };
    record.messages.add(message);
    record.lastMs = nowMs;
    this.aggregates.set(aggregateKey, record);
    if (record.messages.size < AGGREGATE_MAX_EVENTS) return { message, key: `${aggregateKey}\u0000${message}` };
    // Keep the set at its limit: any one of the messages goes (client-go's PopAny).
    record.messages.delete(record.messages.values().next().value as string);
    return { message: `(combined from similar events): ${message}`, key: aggregateKey };
  }

  /** Whether the component still has budget to write about the object now. */
  allow(object: KubeObject, nowMs: number): boolean {
    if (this.options.spamFilter === false) return true;
    const key = objectKey(object);
    let bucket = this.budgets.get(key);
    if (!bucket) this.budgets.set(key, (bucket = new TokenBucket(SPAM_BURST, SPAM_PER_SECOND, nowMs)));
    return bucket.tryAccept(nowMs);
  }
}
