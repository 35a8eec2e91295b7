"use client";

import type { QueryClient } from "@tanstack/react-query";
import { applyChanges, EMPTY_STATE, stateFromSnapshot, type ClusterState } from "@/lib/dashboard/cluster-state";
import { filterName, streamUrl, type StreamFilter } from "@/lib/dashboard/stream-filter";
import type { Snapshot, ViewChange } from "@/lib/dashboard/view-models";

export const CONNECTION_KEY = ["cluster-connection"] as const;

export type ConnectionState = "connecting" | "live" | "reconnecting";

/** Where the cache holds the state a filter's stream feeds. */
export function clusterKey(filter: StreamFilter): readonly ["cluster", string] {
  return ["cluster", filterName(filter)];
}

const MAX_BACKOFF_MS = 30_000;

export interface ClusterStream {
  close(): void;
  /** the id of the last message read, to resume from when the stream is opened again */
  lastEventId(): string;
}

/** Snapshots replace the cached state, deltas patch it; `read` is told each message's id. */
function feedCache(source: EventSource, queryClient: QueryClient, key: ReturnType<typeof clusterKey>, read: (id: string) => string): void {
  source.addEventListener("snapshot", (e) => {
    const message = e as MessageEvent<string>;
    read(message.lastEventId);
    queryClient.setQueryData(key, stateFromSnapshot(JSON.parse(message.data) as Snapshot));
  });
  source.addEventListener("delta", (e) => {
    const message = e as MessageEvent<string>;
    const id = read(message.lastEventId);
    const { changes } = JSON.parse(message.data) as { changes: ViewChange[] };
    queryClient.setQueryData<ClusterState>(key, (state) => applyChanges(state ?? EMPTY_STATE, changes, id));
  });
}

/**
 * One EventSource on /api/stream for one filter, feeding the TanStack Query cache: a snapshot
 * replaces the state, deltas patch it. The browser resumes with Last-Event-ID after a drop; if
 * the connection is refused outright, this reopens it with backoff and the last id. Opened with
 * `resumeFrom`, it asks only for what changed since.
 */
export function connectClusterStream(queryClient: QueryClient, filter: StreamFilter, resumeFrom = ""): ClusterStream {
  const key = clusterKey(filter);
  let source: EventSource | undefined;
  let lastEventId = resumeFrom;
  let backoff = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const setConnection = (state: ConnectionState) => queryClient.setQueryData(CONNECTION_KEY, state);

  const open = () => {
    source = new EventSource(streamUrl(filter, lastEventId));
    source.onopen = () => {
      backoff = 1000;
      setConnection("live");
    };
    feedCache(source, queryClient, key, (id) => (lastEventId = id || lastEventId));
    source.onerror = () => {
      setConnection("reconnecting");
      if (source?.readyState !== EventSource.CLOSED || closed) return;
      timer = setTimeout(open, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    };
  };

  open();
  return {
    close: () => {
      closed = true;
      clearTimeout(timer);
      source?.close();
    },
    lastEventId: () => lastEventId,
  };
}
