import { addPod, NO_USAGE, occupies } from "@/lib/dashboard/node-usage";
import type { PodView, ResourceAmounts } from "@/lib/dashboard/view-models";

/**
 * NodeView.requested kept pod by pod: each pod's last counted view is remembered, so a change
 * moves only what that pod took from its node to what it takes now, and no pod is summed twice.
 */
export class NodeUsageTracker {
  private readonly counted = new Map<string, PodView & { nodeName: string }>();
  private readonly totals = new Map<string, ResourceAmounts>();

  requested(nodeName: string): ResourceAmounts {
    return this.totals.get(nodeName) ?? NO_USAGE;
  }

  /** Records a pod's new view (undefined: deleted); returns the nodes whose totals changed. */
  update(podKey: string, view: PodView | undefined): string[] {
    const before = this.counted.get(podKey);
    const after = view && occupies(view) ? view : undefined;
    if (before === after || (before && after && sameUsage(before, after))) {
      if (after) this.counted.set(podKey, after);
      return [];
    }
    if (before) this.add(before, -1);
    if (after) {
      this.add(after, 1);
      this.counted.set(podKey, after);
    } else {
      this.counted.delete(podKey);
    }
    return [...new Set([before?.nodeName, after?.nodeName].filter((n): n is string => n !== undefined))];
  }

  private add(pod: PodView & { nodeName: string }, sign: 1 | -1): void {
    const total = addPod(this.totals.get(pod.nodeName) ?? NO_USAGE, pod, sign);
    if (total.pods === 0) this.totals.delete(pod.nodeName);
    else this.totals.set(pod.nodeName, total);
  }
}

function sameUsage(a: PodView & { nodeName: string }, b: PodView & { nodeName: string }): boolean {
  return a.nodeName === b.nodeName && a.requests.cpu === b.requests.cpu && a.requests.memory === b.requests.memory && a.requests.gpu === b.requests.gpu;
}
