import type { ViewChange } from "@/lib/dashboard/view-models";
import type { LoggedChange } from "./change-log";
import { sseFrame } from "./sse";

/** Where a subscriber's frames go; `write` returns false while the client is not keeping up. */
export interface StreamSink {
  write(frame: string): boolean;
}

/**
 * One browser tab. Changes wait in a map keyed by object, so a slow or hidden tab coalesces
 * them (holding at most one pending view per object) instead of queueing without bound or
 * holding up the hub; they are flushed as one delta per tick once the tab reads again.
 */
export class StreamSubscriber {
  private readonly pending = new Map<string, LoggedChange>();
  private blocked = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sink: StreamSink,
    private readonly flushMs: number,
  ) {}

  enqueue(entry: LoggedChange): void {
    const key = `${entry.change.kind}\u0000${entry.change.key}`;
    this.pending.delete(key);
    this.pending.set(key, entry);
    this.schedule();
  }

  /** The client read what was written: send what accumulated meanwhile. */
  resume(): void {
    this.blocked = false;
    this.schedule();
  }

  close(): void {
    clearTimeout(this.timer);
    this.pending.clear();
  }

  private schedule(): void {
    if (this.timer || this.blocked || this.pending.size === 0) return;
    this.timer = setTimeout(() => this.flush(), this.flushMs);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.blocked || this.pending.size === 0) return;
    const entries = [...this.pending.values()];
    this.pending.clear();
    const changes: ViewChange[] = entries.map((e) => e.change);
    const ok = this.sink.write(sseFrame("delta", entries[entries.length - 1].id, { changes }));
    if (!ok) this.blocked = true;
  }
}
