import { matchesFilter, type StreamFilter } from "@/lib/dashboard/stream-filter";
import type { ProjectedKind, ViewsByKind } from "@/lib/dashboard/view-models";
import { LABELS } from "@/lib/lws/constants";

/** Nodes concern every LWS and are not indexed. */
type IndexedKind = Exclude<ProjectedKind, "node">;

/** `a-b-c` → `a`, `a-b`, `a-b-c`: the LWS names an object named `a-b-c` may belong to. */
function prefixes(name: string): string[] {
  const found: string[] = [];
  for (let i = name.indexOf("-"); i > 0; i = name.indexOf("-", i + 1)) found.push(name.slice(0, i));
  found.push(name);
  return found;
}

/** Every LWS name a claim's name may carry inside (`<template>-<lws>-<group>…`). */
function insides(name: string): string[] {
  return [...name.matchAll(/-/g)].flatMap((m) => prefixes(name.slice((m.index ?? 0) + 1)));
}

/**
 * The names of the LWSes a view may concern by the stream filter's rules: a superset (a name that
 * is no LWS's is harmless), which `matchesFilter` or a lookup of the LWS narrows.
 */
export function lwsNamesOf<K extends ProjectedKind>(kind: K, view: ViewsByKind[K]): string[] {
  switch (kind) {
    case "lws":
      return [(view as ViewsByKind["lws"]).metadata.name ?? ""];
    case "pod": {
      const { lws } = view as ViewsByKind["pod"];
      return lws === undefined ? [] : [lws];
    }
    case "statefulset":
      return prefixes((view as ViewsByKind["statefulset"]).name);
    case "pvc": {
      const name = (view as ViewsByKind["pvc"]).labels[LABELS.name];
      return name === undefined ? [] : [name];
    }
    case "event": {
      const { involved } = view as ViewsByKind["event"];
      return involved.kind === "PersistentVolumeClaim" ? [...prefixes(involved.name), ...insides(involved.name)] : prefixes(involved.name);
    }
  }
  return [];
}

export function namespaceOf<K extends ProjectedKind>(kind: K, view: ViewsByKind[K]): string {
  return (kind === "lws" ? (view as ViewsByKind["lws"]).metadata.namespace : (view as ViewsByKind["pod"]).namespace) ?? "";
}

/**
 * The hub's views by the LWS they may concern, so a page's (or a summary's) snapshot of one LWS
 * reads its objects rather than every object of the cluster.
 */
export class ViewIndex {
  private readonly buckets = new Map<string, Map<string, unknown>>();

  add<K extends ProjectedKind>(kind: K, key: string, view: ViewsByKind[K]): void {
    for (const bucket of this.bucketsOf(kind, view)) {
      let views = this.buckets.get(bucket);
      if (!views) this.buckets.set(bucket, (views = new Map()));
      views.set(key, view);
    }
  }

  remove<K extends ProjectedKind>(kind: K, key: string, view: ViewsByKind[K]): void {
    for (const bucket of this.bucketsOf(kind, view)) {
      const views = this.buckets.get(bucket);
      views?.delete(key);
      if (views?.size === 0) this.buckets.delete(bucket);
    }
  }

  /** The views of `kind` that a filter naming a namespace and an LWS lets through. */
  select<K extends IndexedKind>(kind: K, filter: StreamFilter & { namespace: string; lws: string }): Array<ViewsByKind[K]> {
    const bucket = this.buckets.get(`${kind}\u0000${filter.namespace}\u0000${kind === "pod" ? "" : filter.lws}`) as Map<string, ViewsByKind[K]> | undefined;
    const found: Array<ViewsByKind[K]> = [];
    for (const view of bucket?.values() ?? []) if (matchesFilter(filter, kind, view)) found.push(view);
    return found;
  }

  private bucketsOf<K extends ProjectedKind>(kind: K, view: ViewsByKind[K]): Set<string> {
    const namespace = namespaceOf(kind, view);
    // An LWS's filter lets through the pods of every LWS of its namespace: they share one bucket, "".
    const names = kind === "pod" ? lwsNamesOf(kind, view).map(() => "") : lwsNamesOf(kind, view);
    return new Set(names.map((name) => `${kind}\u0000${namespace}\u0000${name}`));
  }
}
