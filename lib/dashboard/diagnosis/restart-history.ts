import { EVENT_REASONS } from "@/lib/lws/constants";
import type { GroupView } from "../groups";
import type { EventView, LwsView } from "../view-models";
import { plural, podsOf } from "./group-pods";
import type { Cause, RestartHistory } from "./types";

const RECREATED = / to recreate group (\d+)$/;
const LOOP_WINDOW_MS = 10 * 60 * 1000;
// Fewer recreations than this in the window reads as bad luck (a node, a preemption), not a loop.
const LOOP_THRESHOLD = 3;

/** The LWS's RecreateGroup events by group index: the controller names the group in the note. */
export function recreationsByGroup(lws: LwsView, events: EventView[]): Map<number, EventView[]> {
  const byGroup = new Map<number, EventView[]>();
  for (const event of events) {
    if (event.reason !== EVENT_REASONS.recreateGroup || event.involved.kind !== "LeaderWorkerSet" || event.involved.name !== lws.metadata.name || event.namespace !== lws.metadata.namespace) continue;
    const index = RECREATED.exec(event.message)?.[1];
    if (index !== undefined) byGroup.set(Number(index), [...(byGroup.get(Number(index)) ?? []), event]);
  }
  return byGroup;
}

const firstOf = (e: EventView) => e.firstTimestamp ?? e.lastTimestamp ?? "";
const lastOf = (e: EventView) => e.lastTimestamp ?? e.firstTimestamp ?? "";

/** Repeats fold into one event's count, so its first and last timestamps bound them. */
export function restartHistory(group: GroupView, recreations: EventView[]): RestartHistory {
  const podRestarts = podsOf(group).reduce((sum, p) => sum + p.restarts, 0);
  if (recreations.length === 0) return { count: 0, podRestarts };
  const firsts = recreations.map(firstOf).sort();
  const lasts = recreations.map(lastOf).sort();
  return { count: recreations.reduce((sum, e) => sum + e.count, 0), firstAt: firsts[0], lastAt: lasts[lasts.length - 1], podRestarts };
}

/** A group recreated again and again: RecreateGroupOnPodRestart has no backoff, a crash loops forever. */
export function restartLoop(recreations: EventView[], history: RestartHistory, now: number): Cause[] {
  const recent = recreations.filter((e) => now - Date.parse(lastOf(e)) < LOOP_WINDOW_MS);
  const count = recent.reduce((sum, e) => sum + e.count, 0);
  if (count < LOOP_THRESHOLD) return [];
  const since = Math.min(...recent.map((e) => Date.parse(firstOf(e))));
  const minutes = Math.max(1, Math.ceil((now - since) / 60_000));
  return [{
    summary: `group recreated ${plural(count, "time")} in the last ${plural(minutes, "minute")}`,
    evidence: [
      ...recent.map((e) => `event RecreateGroup ×${e.count} (${firstOf(e)} to ${lastOf(e)}): ${e.message}`),
      ...(history.podRestarts > 0 ? [`its current pods restarted ${plural(history.podRestarts, "time")}`] : []),
    ],
    suggestion: "a pod keeps failing: read its logs; RecreateGroupOnPodRestart has no backoff (upstream #1048)",
  }];
}
