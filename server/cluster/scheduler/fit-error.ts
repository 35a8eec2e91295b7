/**
 * The text kube-scheduler (v1.32) writes into FailedScheduling events and the PodScheduled
 * condition when no node fits (framework.FitError.Error()):
 *
 *   0/32 nodes are available: 24 node(s) didn't match pod affinity rules, 8 Insufficient nvidia.com/gpu.
 *   preemption: 0/32 nodes are available: 24 Preemption is not helpful for scheduling, 8 No preemption victims found for incoming pod.
 *
 * (one line, a space between the two sentences). Each node adds one to every reason its
 * first failing filter gave; entries are "<count> <reason>" sorted as strings (so "10 x"
 * sorts before "9 y", as Go's sort.Strings does).
 */
import type { Rejection } from "./filters";
import type { SchedulingPod } from "./scheduling-pod";

/** Upstream's ErrNoNodesAvailable: the message when the cluster has no nodes at all. */
export const NO_NODES_AVAILABLE = "no nodes available to schedule pods";
export const PREEMPTION_NOT_HELPFUL = "Preemption is not helpful for scheduling";
export const NO_PREEMPTION_VICTIMS = "No preemption victims found for incoming pod";
export const PREEMPTION_POLICY_NEVER = "not eligible due to preemptionPolicy=Never.";

export function reasonHistogram(rejections: Iterable<Rejection>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { reasons } of rejections) for (const reason of reasons) counts[reason] = (counts[reason] ?? 0) + 1;
  return counts;
}

export function fitErrorMessage(numAllNodes: number, histogram: Record<string, number>, postFilterMessage = ""): string {
  const entries = Object.entries(histogram).map(([reason, count]) => `${count} ${reason}`);
  entries.sort();
  const filters = entries.length > 0 ? ` ${entries.join(", ")}.` : "";
  const post = postFilterMessage ? ` ${postFilterMessage}` : "";
  return `0/${numAllNodes} nodes are available:${filters}${post}`;
}

/**
 * DefaultPreemption's verdict. The embedded cluster gives every pod the same priority, so a
 * node whose rejection eviction could resolve still has no lower-priority victims.
 */
export function preemptionMessage(pod: SchedulingPod, rejections: readonly Rejection[]): string {
  if (pod.preemptionPolicy === "Never") return `preemption: ${PREEMPTION_POLICY_NEVER}`;
  const verdicts = rejections.map((r) => ({ reasons: [r.unresolvable ? PREEMPTION_NOT_HELPFUL : NO_PREEMPTION_VICTIMS], unresolvable: r.unresolvable }));
  return `preemption: ${fitErrorMessage(rejections.length, reasonHistogram(verdicts))}`;
}
