const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 60_000;

/**
 * A deduplicating queue drained outside the store's commit: store listeners run inside a commit,
 * so controllers of the embedded cluster only note keys there and do their writes here, later.
 * A key whose processing failed comes back after a delay that doubles each time (1 s to 1 min),
 * as a controller's rate-limited work queue would have it: the writes that led to it may not come again.
 */
export class DeferredQueue<K> {
  private readonly pending = new Set<K>();
  private readonly retries = new Map<K, number>();
  private scheduled = false;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly process: (key: K) => Promise<void>,
    private readonly onError: (key: K, err: unknown) => void,
    private readonly firstRetryMs = FIRST_RETRY_MS,
  ) {}

  add(key: K): void {
    if (this.stopped) return;
    this.pending.add(key);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  /** Resolves once every key added so far has been processed. */
  async idle(): Promise<void> {
    while (this.scheduled || this.pending.size > 0) await this.running.then(() => new Promise((r) => setImmediate(r)));
    await this.running;
  }

  stop(): void {
    this.stopped = true;
    this.pending.clear();
  }

  private retryLater(key: K): void {
    const delay = Math.min(LAST_RETRY_MS, this.retries.get(key) ?? this.firstRetryMs);
    this.retries.set(key, delay * 2);
    setTimeout(() => this.add(key), delay).unref();
  }

  private drain(): void {
    this.running = this.running.then(async () => {
      while (this.pending.size > 0 && !this.stopped) {
        const key = this.pending.values().next().value as K;
        this.pending.delete(key);
        try {
          await this.process(key);
          this.retries.delete(key);
        } catch (err) {
          this.onError(key, err);
          this.retryLater(key);
        }
      }
      this.scheduled = false;
    });
  }
}
