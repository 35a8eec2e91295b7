/**
 * All-or-nothing placement of a pod group, in the spirit of scheduler-plugins' Coscheduling
 * (pods labelled `scheduling.x-k8s.io/pod-group`, quorum `spec.minMember` of the PodGroup)
 * and Volcano (annotation `scheduling.k8s.io/group-name`, which LWS sets when gang scheduling
 * is enabled). Members are placed one by one, each counted in the cache as if bound so the
 * next sees it (affinity to earlier members works); every simulated placement is undone
 * before returning, leaving binding to the caller.
 */
import type { SchedulerCache } from "./cache";
import { schedulePod, type ScheduleOptions, type Unschedulable } from "./schedule";
import type { SchedulingPod } from "./scheduling-pod";

/** scheduler-plugins Coscheduling: the PodGroup a pod belongs to. */
export const POD_GROUP_LABEL = "scheduling.x-k8s.io/pod-group";
/** Volcano (and LWS's gang-scheduling integration): the PodGroup a pod belongs to. */
export const VOLCANO_GROUP_ANNOTATION = "scheduling.k8s.io/group-name";

export function podGroupName(meta: { labels?: Record<string, string>; annotations?: Record<string, string> }): string | undefined {
  return meta.labels?.[POD_GROUP_LABEL] ?? meta.annotations?.[VOLCANO_GROUP_ANNOTATION];
}

export interface GangOptions extends ScheduleOptions {
  /** How many of the pods must be placed; all of them by default. */
  minMember?: number;
}

export interface Placement {
  podKey: string;
  nodeName: string;
}

export type GangResult = { placements: Placement[] } | (Unschedulable & { podKey: string });

export function scheduleGang(pods: readonly SchedulingPod[], cache: SchedulerCache, opts: GangOptions = {}): GangResult {
  const minMember = opts.minMember ?? pods.length;
  const placements: Placement[] = [];
  let firstFailure: GangResult | undefined;
  try {
    for (const pod of pods) {
      const result = schedulePod(pod, cache, opts);
      if ("nodeName" in result) {
        cache.assume(pod, result.nodeName);
        placements.push({ podKey: pod.key, nodeName: result.nodeName });
      } else {
        firstFailure ??= { ...result, podKey: pod.key };
      }
    }
  } finally {
    for (const { podKey } of placements) cache.removePod(podKey);
  }
  if (placements.length >= minMember) return { placements };
  return firstFailure ?? { unschedulable: true, message: `pod group has ${pods.length} pods, fewer than minMember ${minMember}`, reasons: {}, podKey: "" };
}
