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
 * Older resourceVersions are "compacted": a watch from them must relist (410 Expired). A ring:
 * it holds exactly the last `capacity` events, each with its JSON and previous object.
 */
export class WatchHistory {
  private readonly events: Array<StoreEvent | undefined>;
  /** where the oldest event is */
  private head = 0;
  private size = 0;
  /** every event with rv <= compactedRV has been dropped */
  private compactedRV: number;

  constructor(
    private readonly capacity: number,
    startRV: number,
  ) {
    this.events = new Array<StoreEvent | undefined>(capacity);
    this.compactedRV = startRV;
  }

  append(event: StoreEvent): void {
    if (this.capacity === 0) return void (this.compactedRV = event.rv);
    if (this.size === this.capacity) {
      this.compactedRV = this.at(0).rv;
      this.events[this.head] = undefined;
      this.head = (this.head + 1) % this.capacity;
      this.size--;
    }
    this.events[(this.head + this.size) % this.capacity] = event;
    this.size++;
  }

  /** Events after `rv`, or undefined if that resourceVersion has been compacted away. */
  since(rv: number): StoreEvent[] | undefined {
    if (rv < this.compactedRV) return undefined;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid).rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return Array.from({ length: this.size - lo }, (_, i) => this.at(lo + i));
  }

  oldestResumableRV(): number {
    return this.compactedRV;
  }

  private at(i: number): StoreEvent {
    return this.events[(this.head + i) % this.capacity] as StoreEvent;
  }
}
