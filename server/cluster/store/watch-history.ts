import type { KubeObject, WatchEventType } from "@/lib/k8s/types";

/** A committed change to one object, as the store hands it to watchers. */
export interface StoreEvent {
  type: Exclude<WatchEventType, "BOOKMARK" | "ERROR">;
  resource: string;
  rv: number;
  object: KubeObject;
  /** `object` serialized once, shared by every watcher */
  json: string;
  /** the object before the change (MODIFIED and DELETED only), for selector transitions */
  previous?: KubeObject;
}

/**
 * The bounded per-resource change log that lets a watch resume from a recent resourceVersion.
 * Older resourceVersions are "compacted": a watch from them must relist (410 Expired).
 */
export class WatchHistory {
  private readonly events: StoreEvent[] = [];
  private start = 0;
  /** every event with rv <= compactedRV has been dropped */
  private compactedRV: number;

  constructor(
    private readonly capacity: number,
    startRV: number,
  ) {
    this.compactedRV = startRV;
  }

  append(event: StoreEvent): void {
    this.events.push(event);
    if (this.events.length - this.start > this.capacity) {
      this.compactedRV = this.events[this.start].rv;
      this.start++;
      // Reclaim the array's dead prefix in chunks rather than on every append.
      if (this.start > this.capacity) {
        this.events.splice(0, this.start);
        this.start = 0;
      }
    }
  }

  /** Events after `rv`, or undefined if that resourceVersion has been compacted away. */
  since(rv: number): StoreEvent[] | undefined {
    if (rv < this.compactedRV) return undefined;
    let lo = this.start;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.events[mid].rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.events.slice(lo);
  }

  oldestResumableRV(): number {
    return this.compactedRV;
  }
}
