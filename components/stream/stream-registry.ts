"use client";

import type { QueryClient } from "@tanstack/react-query";
import { narrowState, type ClusterState } from "@/lib/dashboard/cluster-state";
import { covers, filterName, type StreamFilter } from "@/lib/dashboard/stream-filter";
import { clusterKey, connectClusterStream, type ClusterStream } from "./cluster-stream";

/** How long a stream no page uses stays open: going back and forth between pages reuses it. */
const LINGER_MS = 10_000;

interface Entry {
  filter: StreamFilter;
  users: number;
  stream?: ClusterStream;
  closing?: ReturnType<typeof setTimeout>;
  /** kept after the stream closes: reopened, it resumes rather than starting over */
  lastEventId: string;
}

const registries = new WeakMap<QueryClient, Map<string, Entry>>();

function entries(queryClient: QueryClient): Map<string, Entry> {
  let map = registries.get(queryClient);
  if (!map) registries.set(queryClient, (map = new Map()));
  return map;
}

/** Until its own snapshot arrives, a filter with nothing cached shows what a wider, open stream holds. */
function seed(queryClient: QueryClient, filter: StreamFilter): void {
  if (queryClient.getQueryData(clusterKey(filter))) return;
  for (const { filter: wider, stream } of entries(queryClient).values()) {
    const state = stream && queryClient.getQueryData<ClusterState>(clusterKey(wider));
    if (state && covers(wider, filter)) return void queryClient.setQueryData(clusterKey(filter), narrowState(state, filter));
  }
}

/**
 * Keeps the stream of `filter` open while some page uses it (one per filter, however many
 * components ask); returns the release. Pages ask for only what they show, so a page about one
 * namespace does not download every pod of the cluster.
 */
export function retainStream(queryClient: QueryClient, filter: StreamFilter): () => void {
  const name = filterName(filter);
  const map = entries(queryClient);
  const entry = map.get(name) ?? { filter, users: 0, lastEventId: "" };
  map.set(name, entry);
  clearTimeout(entry.closing);
  entry.closing = undefined;
  if (entry.users++ === 0 && !entry.stream) {
    // The cache may have dropped the state since: changes since the last id need it to apply to.
    const resumeFrom = queryClient.getQueryData(clusterKey(filter)) ? entry.lastEventId : "";
    seed(queryClient, filter);
    entry.stream = connectClusterStream(queryClient, filter, resumeFrom);
  }
  return () => {
    if (--entry.users > 0) return;
    // One stream lingers at most: a browser opens 6 connections per host over HTTP/1.1, and
    // streams left open by a quick walk through several pages would hold every one.
    for (const other of map.values()) if (other !== entry && other.users === 0) close(other);
    entry.closing = setTimeout(() => close(entry), LINGER_MS);
  };
}

function close(entry: Entry): void {
  clearTimeout(entry.closing);
  entry.closing = undefined;
  entry.lastEventId = entry.stream?.lastEventId() ?? entry.lastEventId;
  entry.stream?.close();
  entry.stream = undefined;
}
