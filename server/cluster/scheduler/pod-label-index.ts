/**
 * Placed pods by label key=value, so a term that pins values (matchLabels, In) visits only
 * the pods carrying them: a group's members rather than the whole cluster.
 */
import { entry } from "./counts";
import type { Anchor } from "./selector-shape";
import type { SchedulingPod } from "./scheduling-pod";

export class PodLabelIndex {
  private readonly byKey = new Map<string, Map<string, Set<SchedulingPod>>>();

  add(pod: SchedulingPod): void {
    for (const [key, value] of Object.entries(pod.labels)) {
      entry(entry(this.byKey, key, () => new Map<string, Set<SchedulingPod>>()), value, () => new Set<SchedulingPod>()).add(pod);
    }
  }

  remove(pod: SchedulingPod): void {
    for (const [key, value] of Object.entries(pod.labels)) {
      const byValue = this.byKey.get(key);
      const pods = byValue?.get(value);
      if (!byValue || !pods) continue;
      pods.delete(pod);
      if (pods.size === 0) byValue.delete(value);
      if (byValue.size === 0) this.byKey.delete(key);
    }
  }

  private size({ key, values }: Anchor): number {
    const byValue = this.byKey.get(key);
    return values.reduce((sum, v) => sum + (byValue?.get(v)?.size ?? 0), 0);
  }

  /** Pods satisfying the most selective anchor: a superset of the pods matching all of them. */
  *candidates(anchors: readonly Anchor[]): Iterable<SchedulingPod> {
    const best = anchors.reduce((a, b) => (this.size(b) < this.size(a) ? b : a));
    const byValue = this.byKey.get(best.key);
    for (const value of new Set(best.values)) yield* byValue?.get(value) ?? [];
  }
}
