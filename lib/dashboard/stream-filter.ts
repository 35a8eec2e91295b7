import type { ViewKind, ViewsByKind } from "@/lib/dashboard/view-models";
import { LABELS } from "@/lib/lws/constants";

/** What one page asked to see: `?namespace=` and `?lws=` on /api/stream. */
export interface StreamFilter {
  namespace?: string;
  /**
   * One LWS's objects and events, with the pods of every LWS of its namespace: its exclusive
   * placement avoids the domains their groups hold (and upstream #539's trap is theirs).
   */
  lws?: string;
  /** LWS summaries in place of pods, StatefulSets, events and claims: what the overview shows */
  overview?: boolean;
  /** each node's pods counted by state in place of the pods: the cluster page of a large cluster */
  podCounts?: boolean;
}

/** Every view of the cluster, summaries and pod counts aside. */
export const WHOLE_CLUSTER: StreamFilter = {};

/** What an overview or pod counts leave out: the summaries and counts say what the page needs of them. */
const SUMMED_UP: ReadonlySet<ViewKind> = new Set(["pod", "statefulset", "event", "pvc"]);

function inNamespace(filter: StreamFilter, namespace: string | undefined): boolean {
  return !filter.namespace || filter.namespace === namespace;
}

/** Whether a view concerns the filtered namespace/LWS. Nodes always do: placement needs them. */
export function matchesFilter<K extends ViewKind>(filter: StreamFilter, kind: K, view: ViewsByKind[K]): boolean {
  if ((filter.overview || filter.podCounts) && SUMMED_UP.has(kind)) return false;
  switch (kind) {
    case "node":
      return true;
    case "nodePods":
      return !!filter.podCounts;
    case "summary": {
      const summary = view as ViewsByKind["summary"];
      return !!filter.overview && inNamespace(filter, summary.namespace) && (!filter.lws || summary.name === filter.lws);
    }
    case "lws": {
      const lws = view as ViewsByKind["lws"];
      return inNamespace(filter, lws.metadata.namespace) && (!filter.lws || lws.metadata.name === filter.lws);
    }
    case "pod": {
      const pod = view as ViewsByKind["pod"];
      return inNamespace(filter, pod.namespace) && (!filter.lws || pod.lws !== undefined);
    }
    case "statefulset": {
      const sts = view as ViewsByKind["statefulset"];
      return inNamespace(filter, sts.namespace) && (!filter.lws || sts.name === filter.lws || sts.name.startsWith(`${filter.lws}-`));
    }
    case "pvc": {
      const claim = view as ViewsByKind["pvc"];
      return inNamespace(filter, claim.namespace) && (!filter.lws || claim.labels[LABELS.name] === filter.lws);
    }
    case "event": {
      const event = view as ViewsByKind["event"];
      const name = event.involved.name;
      // A claim is named `<template>-<pod>`, so its events carry the LWS name inside.
      const aboutClaim = event.involved.kind === "PersistentVolumeClaim" && name.includes(`-${filter.lws}-`);
      return inNamespace(filter, event.namespace) && (!filter.lws || name === filter.lws || name.startsWith(`${filter.lws}-`) || aboutClaim);
    }
  }
  return false;
}

/** The filter's name: the key of its stream and of its state in the browser's cache. */
export function filterName(filter: StreamFilter): string {
  return `${filter.namespace ?? ""}/${filter.lws ?? ""}${filter.overview ? " overview" : ""}${filter.podCounts ? " pod-counts" : ""}`;
}

/** Whether everything `inner` lets through, `outer` does too. */
export function covers(outer: StreamFilter, inner: StreamFilter): boolean {
  return !outer.overview === !inner.overview && !outer.podCounts === !inner.podCounts && (!outer.namespace || outer.namespace === inner.namespace) && (!outer.lws || outer.lws === inner.lws);
}

/** `/api/stream` for this filter, resuming after `lastEventId` when given. */
export function streamUrl(filter: StreamFilter, lastEventId?: string): string {
  const query = new URLSearchParams();
  if (filter.namespace) query.set("namespace", filter.namespace);
  if (filter.lws) query.set("lws", filter.lws);
  if (filter.overview) query.set("overview", "1");
  if (filter.podCounts) query.set("podCounts", "1");
  if (lastEventId) query.set("lastEventId", lastEventId);
  const text = query.toString();
  return text ? `/api/stream?${text}` : "/api/stream";
}
