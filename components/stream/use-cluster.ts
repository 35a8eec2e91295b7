"use client";

import { useQuery } from "@tanstack/react-query";
import { EMPTY_STATE, type ClusterState } from "@/lib/dashboard/cluster-state";
import { CLUSTER_KEY, CONNECTION_KEY, type ConnectionState } from "./cluster-stream";
import { useHydrated } from "./use-hydrated";

/** The live cluster state (fed by the stream), optionally narrowed by a selector. */
export function useCluster<T = ClusterState>(select?: (state: ClusterState) => T): { data: T; loaded: boolean } {
  const query = useQuery({ queryKey: CLUSTER_KEY, queryFn: () => EMPTY_STATE, enabled: false, staleTime: Infinity, select });
  const loaded = useHydrated() && query.data !== undefined;
  return { data: loaded ? (query.data as T) : select ? select(EMPTY_STATE) : (EMPTY_STATE as T), loaded };
}

export function useConnection(): ConnectionState {
  const query = useQuery({ queryKey: CONNECTION_KEY, queryFn: () => "connecting" as ConnectionState, enabled: false, staleTime: Infinity });
  const hydrated = useHydrated();
  return (hydrated && query.data) || "connecting";
}
