import type { ClusterState } from "@/lib/dashboard/cluster-state";
import { WHOLE_CLUSTER, type StreamFilter } from "@/lib/dashboard/stream-filter";
import { CHIP_LIMIT } from "../placement/rack-map";

export const POD_COUNTS: StreamFilter = { podCounts: true };

/** How many pods are on nodes, from the server's counts. */
export function placedPods(counts: ClusterState): number {
  let total = 0;
  for (const { counts: byTone } of counts.nodePods.values()) for (const n of Object.values(byTone)) total += n ?? 0;
  return total;
}

/**
 * What the cluster page streams besides the counts: every pod while there are few enough to draw
 * one by one, else nothing more (the counts are the picture). Until the counts are in, nothing more.
 */
export function podsFilter(counts: ClusterState | undefined): StreamFilter {
  return counts && placedPods(counts) <= CHIP_LIMIT ? WHOLE_CLUSTER : POD_COUNTS;
}
