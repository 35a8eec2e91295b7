"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { EMPTY_STATE, type ClusterState } from "@/lib/dashboard/cluster-state";
import { filterName, WHOLE_CLUSTER, type StreamFilter } from "@/lib/dashboard/stream-filter";
import { clusterKey, CONNECTION_KEY, type ConnectionState } from "./cluster-stream";
import { retainStream } from "./stream-registry";
import { useHydrated } from "./use-hydrated";

/**
 * The live state of what `filter` lets through (the whole cluster by default), fed by its own
 * stream while the component is mounted, optionally narrowed by a selector.
 */
export function useCluster<T = ClusterState>(filter: StreamFilter = WHOLE_CLUSTER, select?: (state: ClusterState) => T): { data: T; loaded: boolean } {
  const queryClient = useQueryClient();
  const name = filterName(filter);
  // The filter's name says all of it: a new object with the same fields is the same stream.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => retainStream(queryClient, filter), [queryClient, name]);
  const query = useQuery({ queryKey: clusterKey(filter), queryFn: () => EMPTY_STATE, enabled: false, staleTime: Infinity, select });
  const loaded = useHydrated() && query.data !== undefined;
  return { data: loaded ? (query.data as T) : select ? select(EMPTY_STATE) : (EMPTY_STATE as T), loaded };
}

export function useConnection(): ConnectionState {
  const query = useQuery({ queryKey: CONNECTION_KEY, queryFn: () => "connecting" as ConnectionState, enabled: false, staleTime: Infinity });
  const hydrated = useHydrated();
  return (hydrated && query.data) || "connecting";
}
