/**
 * One scheduling decision: PreFilter (affinity counts), Filter every node, then Score the
 * feasible ones; or, when none fits, the reasons in kube-scheduler's words. Pure with respect
 * to the cache: binding and assuming the pod are the caller's.
 */
import type { SchedulerCache } from "./cache";
import { fitErrorMessage, NO_NODES_AVAILABLE, preemptionMessage, reasonHistogram } from "./fit-error";
import { DEFAULT_FILTERS, runFilters, type Filter, type FilterContext, type Rejection } from "./filters";
import { podAffinityState } from "./inter-pod-affinity";
import type { NodeInfo } from "./node-info";
import type { SchedulingPod } from "./scheduling-pod";
import { selectNode, type ScoringOptions } from "./scoring";

export interface ScheduleOptions extends ScoringOptions {
  filters?: readonly Filter[];
}

export interface Unschedulable {
  unschedulable: true;
  /** The FailedScheduling event / PodScheduled condition message. */
  message: string;
  /** Filter reason → number of nodes it rejected. */
  reasons: Record<string, number>;
}

export type ScheduleResult = { nodeName: string } | Unschedulable;

export function schedulePod(pod: SchedulingPod, cache: SchedulerCache, opts: ScheduleOptions = {}): ScheduleResult {
  const nodes = cache.nodeInfos();
  if (nodes.length === 0) return { unschedulable: true, message: NO_NODES_AVAILABLE, reasons: {} };
  const ctx: FilterContext = { cache, podAffinity: podAffinityState(pod, cache) };
  const feasible: NodeInfo[] = [];
  const rejections: Rejection[] = [];
  for (const node of nodes) {
    const rejection = runFilters(pod, node, ctx, opts.filters ?? DEFAULT_FILTERS);
    if (rejection) rejections.push(rejection);
    else feasible.push(node);
  }
  const chosen = selectNode(pod, feasible, opts);
  if (chosen) return { nodeName: chosen.name };
  const reasons = reasonHistogram(rejections);
  return { unschedulable: true, message: fitErrorMessage(nodes.length, reasons, preemptionMessage(pod, rejections)), reasons };
}
