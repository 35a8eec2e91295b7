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
  /**
   * Where the search over nodes starts and, after the call, where the next one should: like
   * kube-scheduler, each search stops once enough feasible nodes are found and the next resumes
   * after the last node examined, so every node gets its turn.
   */
  cursor?: { next: number };
  /** kube-scheduler's percentageOfNodesToScore; 0 (the default) means its adaptive formula */
  percentageOfNodesToScore?: number;
}

const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** kube-scheduler's numFeasibleNodesToFind: all nodes up to 100, then a share falling with size (50% - n/125, at least 5%). */
export function feasibleNodesToFind(nodeCount: number, percentageOfNodesToScore = 0): number {
  if (nodeCount < MIN_FEASIBLE_NODES_TO_FIND || percentageOfNodesToScore >= 100) return nodeCount;
  const percentage = percentageOfNodesToScore > 0 ? percentageOfNodesToScore : Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.floor(nodeCount / 125));
  return Math.max(MIN_FEASIBLE_NODES_TO_FIND, Math.floor((nodeCount * percentage) / 100));
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
  const wanted = feasibleNodesToFind(nodes.length, opts.percentageOfNodesToScore);
  const start = (opts.cursor?.next ?? 0) % nodes.length;
  const feasible: NodeInfo[] = [];
  const rejections: Rejection[] = [];
  let examined = 0;
  while (examined < nodes.length && feasible.length < wanted) {
    const node = nodes[(start + examined++) % nodes.length];
    const rejection = runFilters(pod, node, ctx, opts.filters ?? DEFAULT_FILTERS);
    if (rejection) rejections.push(rejection);
    else feasible.push(node);
  }
  if (opts.cursor) opts.cursor.next = (start + examined) % nodes.length;
  const chosen = selectNode(pod, feasible, opts);
  if (chosen) return { nodeName: chosen.name };
  const reasons = reasonHistogram(rejections);
  return { unschedulable: true, message: fitErrorMessage(nodes.length, reasons, preemptionMessage(pod, rejections)), reasons };
}
