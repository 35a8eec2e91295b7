import type { ViewChange, ViewKind, ViewsByKind } from "@/lib/dashboard/view-models";

export interface LoggedChange {
  /** the resourceVersion of the change: the SSE event id */
  id: string;
  change: ViewChange;
  /** for a delete, the last view of the object, so filters can still tell whom it concerns */
  previous?: ViewsByKind[ViewKind];
}

/**
 * The hub's recent changes, in arrival order, so a browser reconnecting with Last-Event-ID gets
 * exactly what it missed. Ids are resourceVersions; informers of different resources may deliver
 * them slightly out of numeric order, so resumption finds the id's position rather than comparing.
 * PERFORMANCE: a ring of `capacity` slots; dropping the oldest of a full log moved every entry
 * when it was an array's shift, a tenth of the main thread while 8,000 pods started.
 */
export class ChangeLog {
  private readonly ring: Array<LoggedChange | undefined>;
  private readonly positions = new Map<string, number>();
  /** how many entries were ever appended: the position the next one takes */
  private appended = 0;

  constructor(private readonly capacity: number) {
    this.ring = new Array<LoggedChange | undefined>(capacity);
  }

  append(entry: LoggedChange): void {
    const slot = this.appended % this.capacity;
    const old = this.ring[slot];
    if (old && this.positions.get(old.id) === this.appended - this.capacity) this.positions.delete(old.id);
    this.ring[slot] = entry;
    this.positions.set(entry.id, this.appended);
    this.appended++;
  }

  /** Changes after the one with this id, or undefined when it is unknown or too old. */
  after(id: string): LoggedChange[] | undefined {
    const position = this.positions.get(id);
    if (position === undefined || position < this.appended - this.capacity) return undefined;
    const missed: LoggedChange[] = [];
    for (let p = position + 1; p < this.appended; p++) missed.push(this.ring[p % this.capacity] as LoggedChange);
    return missed;
  }

  lastId(): string | undefined {
    return this.appended === 0 ? undefined : this.ring[(this.appended - 1) % this.capacity]?.id;
  }
}
