import { EVENT_WINDOW, eventWindow } from "./event-window";
import { matchesFilter, type StreamFilter } from "./stream-filter";
import { VIEW_KINDS, type EventView, type Snapshot, type ViewChange, type ViewKind, type ViewsByKind } from "./view-models";

type Maps = { [K in ViewKind]: ReadonlyMap<string, ViewsByKind[K]> };

/** The browser's picture of the cluster: one map per view kind, rebuilt immutably per change batch. */
export type ClusterState = { resourceVersion: string } & Maps;

function perKind(make: <K extends ViewKind>(kind: K) => ReadonlyMap<string, ViewsByKind[K]>): Maps {
  return Object.fromEntries(VIEW_KINDS.map((kind) => [kind, make(kind)])) as Maps;
}

export const EMPTY_STATE: ClusterState = { resourceVersion: "0", ...perKind(() => new Map()) };

function keyed<T extends { metadata?: { namespace?: string; name?: string }; namespace?: string; name?: string }>(views: readonly T[]): Map<string, T> {
  return new Map(views.map((v) => [`${v.metadata?.namespace ?? v.namespace ?? ""}/${v.metadata?.name ?? v.name ?? ""}`, v]));
}

export function stateFromSnapshot(snapshot: Snapshot): ClusterState {
  const lists: { [K in ViewKind]?: Array<ViewsByKind[K]> } = snapshot;
  const views = <K extends ViewKind>(kind: K): ReadonlyArray<ViewsByKind[K]> => lists[kind] ?? [];
  return { resourceVersion: snapshot.resourceVersion, ...perKind((kind) => keyed(views(kind))) };
}

/** Applies a batch of changes; only the maps a batch touches are copied. */
export function applyChanges(state: ClusterState, changes: readonly ViewChange[], resourceVersion: string): ClusterState {
  const copies = new Map<ViewKind, Map<string, unknown>>();
  for (const change of changes) {
    let map = copies.get(change.kind);
    if (!map) copies.set(change.kind, (map = new Map(state[change.kind] as ReadonlyMap<string, unknown>)));
    if (change.type === "upsert") map.set(change.key, change.object);
    else map.delete(change.key);
  }
  const events = copies.get("event") as Map<string, EventView> | undefined;
  // Events only arrive: past twice the window, the browser drops back to it.
  if (events && events.size > 2 * EVENT_WINDOW) copies.set("event", keyed(eventWindow([...events.values()])));
  return { ...state, ...Object.fromEntries(copies), resourceVersion } as ClusterState;
}

/** The part of `state` a narrower filter lets through: what a page shows while its own stream opens. */
export function narrowState(state: ClusterState, filter: StreamFilter): ClusterState {
  return {
    resourceVersion: state.resourceVersion,
    ...perKind(<K extends ViewKind>(kind: K) => {
      const views = state[kind] as ReadonlyMap<string, ViewsByKind[K]>;
      return new Map([...views].filter(([, view]) => matchesFilter(filter, kind, view)));
    }),
  };
}
