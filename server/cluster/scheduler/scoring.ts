/**
 * Node scoring: NodeResourcesFit's LeastAllocated (spread load, the default) or MostAllocated
 * (bin-pack) over cpu, memory and every extended resource the pod requests (nvidia.com/gpu),
 * with upstream's integer formulas; plus a small preference for nodes running fewer of the
 * pod's siblings (same controller), standing in for the default topology spreading.
 */
import type { NodeInfo } from "./node-info";
import { CPU, MEMORY } from "./resources";
import type { SchedulingPod } from "./scheduling-pod";

export type ScoringStrategy = "LeastAllocated" | "MostAllocated";

export interface ScoringOptions {
  strategy?: ScoringStrategy;
  /**
   * Weight of the sibling-spreading score (0–100) next to the resource score (0–100).
   * Defaults to 0.1 under LeastAllocated (a tie-breaker) and 0 under MostAllocated, so
   * bin-packing is not undone.
   */
  spreadWeight?: number;
}

const MAX_NODE_SCORE = 100;

function leastAllocated(requested: number, allocatable: number): number {
  return requested > allocatable ? 0 : Math.floor(((allocatable - requested) * MAX_NODE_SCORE) / allocatable);
}

/** Requests beyond allocatable (pods without requests count defaults) score as full. */
function mostAllocated(requested: number, allocatable: number): number {
  return Math.floor((Math.min(requested, allocatable) * MAX_NODE_SCORE) / allocatable);
}

/** cpu and memory use the non-zero sums, as upstream; extended resources count only when requested. */
function requestedAfterPlacing(pod: SchedulingPod, node: NodeInfo, resource: string): number {
  const fixed = resource === CPU || resource === MEMORY;
  const already = fixed ? node.nonZeroRequested : node.requested;
  const own = fixed ? pod.nonZeroRequests : pod.requests;
  return (already[resource] ?? 0) + (own[resource] ?? 0);
}

export function resourceScore(pod: SchedulingPod, node: NodeInfo, strategy: ScoringStrategy = "LeastAllocated"): number {
  const formula = strategy === "MostAllocated" ? mostAllocated : leastAllocated;
  let total = 0;
  let weights = 0;
  for (const resource of pod.scoredResources) {
    const allocatable = node.node.allocatable[resource] ?? 0;
    if (allocatable === 0) continue;
    total += formula(requestedAfterPlacing(pod, node, resource), allocatable);
    weights += 1;
  }
  return weights === 0 ? 0 : Math.floor(total / weights);
}

/** 100 for nodes with the fewest siblings, falling linearly to 0 for the most crowded. */
function spreadScores(pod: SchedulingPod, nodes: readonly NodeInfo[]): number[] {
  const siblings = nodes.map((n) => n.siblingsOf(pod));
  const most = Math.max(0, ...siblings);
  return siblings.map((s) => (most === 0 ? MAX_NODE_SCORE : ((most - s) * MAX_NODE_SCORE) / most));
}

/** The best feasible node: highest score, ties to the lexically first name. */
export function selectNode(pod: SchedulingPod, feasible: readonly NodeInfo[], opts: ScoringOptions = {}): NodeInfo | undefined {
  const strategy = opts.strategy ?? "LeastAllocated";
  const spreadWeight = opts.spreadWeight ?? (strategy === "LeastAllocated" ? 0.1 : 0);
  const spread = spreadWeight > 0 ? spreadScores(pod, feasible) : [];
  let best: { node: NodeInfo; score: number } | undefined;
  feasible.forEach((node, i) => {
    const score = resourceScore(pod, node, strategy) + spreadWeight * (spread[i] ?? 0);
    const better = !best || score > best.score || (score === best.score && node.name < best.node.name);
    if (better) best = { node, score };
  });
  return best?.node;
}
