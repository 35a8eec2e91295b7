import { isConflict } from "@/lib/k8s/api-errors";

export interface WorkQueueOptions {
  name: string;
  /** keys processed at once */
  concurrency?: number;
  /** first retry delay after a failure; doubles per consecutive failure of the key */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** What a reconcile asks of the queue when it succeeds. */
export interface ReconcileResult {
  requeueAfterMs?: number;
}

export type Reconciler<K> = (key: K) => Promise<ReconcileResult | void>;

/**
 * client-go's rate-limited work queue: a key waits at most once however often it is added, is
 * never processed by two workers at once (an add during processing runs it again afterwards),
 * and failing keys come back with per-key exponential backoff.
 */
export class WorkQueue<K = string> {
  private readonly queue: K[] = [];
  private readonly dirty = new Set<K>();
  private readonly processing = new Set<K>();
  private readonly failures = new Map<K, number>();
  private readonly timers = new Map<K, NodeJS.Timeout>();
  private readonly idleWaiters: Array<() => void> = [];
  private reconcile?: Reconciler<K>;
  private active = 0;
  private shuttingDown = false;

  constructor(private readonly options: WorkQueueOptions) {}

  get length(): number {
    return this.queue.length;
  }

  add(key: K): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (!this.processing.has(key)) {
      this.queue.push(key);
      this.pump();
    }
  }

  /** Adds the key after `delayMs`; an earlier pending delayed add of the same key wins. */
  addAfter(key: K, delayMs: number): void {
    if (this.shuttingDown) return;
    if (delayMs <= 0) return this.add(key);
    if (this.timers.has(key)) return;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.add(key);
    }, delayMs);
    timer.unref?.();
    this.timers.set(key, timer);
  }

  addRateLimited(key: K): void {
    const failures = this.failures.get(key) ?? 0;
    this.failures.set(key, failures + 1);
    const base = this.options.baseDelayMs ?? 5;
    const max = this.options.maxDelayMs ?? 300_000;
    this.addAfter(key, Math.min(max, base * 2 ** failures));
  }

  forget(key: K): void {
    this.failures.delete(key);
  }

  /** Starts workers that hand keys to `reconcile`. */
  run(reconcile: Reconciler<K>): void {
    this.reconcile = reconcile;
    this.pump();
  }

  shutdown(): void {
    this.shuttingDown = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.queue.length = 0;
    this.dirty.clear();
    this.notifyIdle();
  }

  /** Resolves when nothing is queued or being processed (delayed adds aside). */
  idle(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    const concurrency = this.options.concurrency ?? 1;
    while (this.reconcile && !this.shuttingDown && this.active < concurrency && this.queue.length > 0) {
      const key = this.queue.shift() as K;
      this.dirty.delete(key);
      this.processing.add(key);
      this.active++;
      void this.process(key);
    }
    if (this.active === 0 && this.queue.length === 0) this.notifyIdle();
  }

  private async process(key: K): Promise<void> {
    try {
      const result = await this.reconcile!(key);
      this.forget(key);
      if (result?.requeueAfterMs !== undefined) this.addAfter(key, result.requeueAfterMs);
    } catch (err) {
      // A lost optimistic-concurrency race is routine: the retry reads the newer object.
      if (!isConflict(err)) console.error(`[${this.options.name}] reconcile ${String(key)} failed:`, err instanceof Error ? err.message : err);
      this.addRateLimited(key);
    } finally {
      this.processing.delete(key);
      this.active--;
      if (this.dirty.has(key)) this.queue.push(key);
      this.pump();
    }
  }

  private notifyIdle(): void {
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
