/**
 * A deduplicating queue drained outside the store's commit: store listeners run inside a commit,
 * so controllers of the embedded cluster only note keys there and do their writes here, later.
 */
export class DeferredQueue<K> {
  private readonly pending = new Set<K>();
  private scheduled = false;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly process: (key: K) => Promise<void>,
    private readonly onError: (key: K, err: unknown) => void,
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

  private drain(): void {
    this.running = this.running.then(async () => {
      while (this.pending.size > 0 && !this.stopped) {
        const key = this.pending.values().next().value as K;
        this.pending.delete(key);
        try {
          await this.process(key);
        } catch (err) {
          this.onError(key, err);
        }
      }
      this.scheduled = false;
    });
  }
}
