import { EVENT_REASONS } from "@/lib/lws/constants";
import type { EventView } from "./view-models";

/** How many events the browser holds: a 1,000-group LWS starting up writes some 10,000. */
export const EVENT_WINDOW = 1000;

/** Warnings and group recreations (the diagnosis's restart history) outrank routine events. */
function lasting(event: EventView): boolean {
  return event.type === "Warning" || event.reason === EVENT_REASONS.recreateGroup;
}

function newestFirst(a: EventView, b: EventView): number {
  return (b.lastTimestamp ?? "").localeCompare(a.lastTimestamp ?? "");
}

/**
 * The events worth sending to and keeping in a browser, at most `limit`: warnings and group
 * recreations first, then the newest of the rest. The server keeps them all (kubectl and the
 * diagnosis API see every one).
 */
export function eventWindow(events: readonly EventView[], limit = EVENT_WINDOW): EventView[] {
  if (events.length <= limit) return [...events];
  const ranked = [...events].sort((a, b) => Number(lasting(b)) - Number(lasting(a)) || newestFirst(a, b));
  return ranked.slice(0, limit);
}
