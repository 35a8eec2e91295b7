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
 */
export class ChangeLog {
  private readonly entries: LoggedChange[] = [];
  private readonly positions = new Map<string, number>();
  private dropped = 0;

  constructor(private readonly capacity: number) {}

  append(entry: LoggedChange): void {
    this.positions.set(entry.id, this.dropped + this.entries.length);
    this.entries.push(entry);
    if (this.entries.length > this.capacity) {
      const old = this.entries.shift() as LoggedChange;
      if (this.positions.get(old.id) === this.dropped) this.positions.delete(old.id);
      this.dropped++;
    }
  }

  /** Changes after the one with this id, or undefined when it is unknown or too old. */
  after(id: string): LoggedChange[] | undefined {
    const position = this.positions.get(id);
    if (position === undefined || position < this.dropped) return undefined;
    return this.entries.slice(position - this.dropped + 1);
  }

  lastId(): string | undefined {
    return this.entries[this.entries.length - 1]?.id;
  }
}
