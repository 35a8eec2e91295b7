"use client";

import type { QueryClient } from "@tanstack/react-query";
import { applyChanges, EMPTY_STATE, stateFromSnapshot, type ClusterState } from "@/lib/dashboard/cluster-state";
import type { Snapshot, ViewChange } from "@/lib/dashboard/view-models";

export const CLUSTER_KEY = ["cluster"] as const;
export const CONNECTION_KEY = ["cluster-connection"] as const;

export type ConnectionState = "connecting" | "live" | "reconnecting";

const MAX_BACKOFF_MS = 30_000;

/**
 * The tab's one EventSource on /api/stream, feeding the TanStack Query cache: a snapshot
 * replaces the state, deltas patch it. The browser resumes with Last-Event-ID after a drop;
 * if the connection is refused outright, this reopens it with backoff and the last id.
 */
export function connectClusterStream(queryClient: QueryClient): () => void {
  let source: EventSource | undefined;
  let lastEventId = "";
  let backoff = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const setConnection = (state: ConnectionState) => queryClient.setQueryData(CONNECTION_KEY, state);

  const open = () => {
    const url = lastEventId ? `/api/stream?lastEventId=${encodeURIComponent(lastEventId)}` : "/api/stream";
    source = new EventSource(url);
    source.onopen = () => {
      backoff = 1000;
      setConnection("live");
    };
    source.addEventListener("snapshot", (e) => {
      const message = e as MessageEvent<string>;
      lastEventId = message.lastEventId || lastEventId;
      queryClient.setQueryData(CLUSTER_KEY, stateFromSnapshot(JSON.parse(message.data) as Snapshot));
    });
    source.addEventListener("delta", (e) => {
      const message = e as MessageEvent<string>;
      lastEventId = message.lastEventId || lastEventId;
      const { changes } = JSON.parse(message.data) as { changes: ViewChange[] };
      queryClient.setQueryData<ClusterState>(CLUSTER_KEY, (state) => applyChanges(state ?? EMPTY_STATE, changes, lastEventId));
    });
    source.onerror = () => {
      setConnection("reconnecting");
      if (source?.readyState !== EventSource.CLOSED || closed) return;
      timer = setTimeout(open, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    };
  };

  setConnection("connecting");
  open();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
  };
}
