import type { PodView } from "./view-models";

/** A pod's state as every picture of pods colours it (docs/ui.md's legend). */
export type PodTone = "ready" | "starting" | "failing" | "terminating";

/** The legend's order. */
export const POD_TONES: readonly PodTone[] = ["ready", "starting", "failing", "terminating"];

/** Pod counts by tone; tones no pod is in are absent. */
export type ToneCounts = Partial<Record<PodTone, number>>;

const FAILING_STATUS = /BackOff|Err|Error|Failed|OOMKilled|Unknown/;

export function podTone(pod: PodView): PodTone {
  if (pod.deleting) return "terminating";
  if (pod.unschedulable || FAILING_STATUS.test(pod.status) || pod.phase === "Failed") return "failing";
  return pod.ready ? "ready" : "starting";
}

export function countTones(pods: Iterable<PodView>): ToneCounts {
  const counts: ToneCounts = {};
  for (const pod of pods) {
    const tone = podTone(pod);
    counts[tone] = (counts[tone] ?? 0) + 1;
  }
  return counts;
}
