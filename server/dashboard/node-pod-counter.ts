import { podTone, type PodTone, type ToneCounts } from "@/lib/dashboard/pod-tone";
import type { PodView } from "@/lib/dashboard/view-models";

interface Placed {
  node: string;
  tone: PodTone;
}

/**
 * Each node's pods counted by state, kept pod by pod: each pod's last node and tone are
 * remembered, so a change moves one count rather than recounting the node.
 */
export class NodePodCounter {
  private readonly placed = new Map<string, Placed>();
  private readonly byNode = new Map<string, ToneCounts>();

  counts(node: string): ToneCounts | undefined {
    return this.byNode.get(node);
  }

  /** Records a pod's new view (undefined: deleted); returns the nodes whose counts changed. */
  update(podKey: string, view: PodView | undefined): string[] {
    const before = this.placed.get(podKey);
    const after = view?.nodeName ? { node: view.nodeName, tone: podTone(view) } : undefined;
    if (before?.node === after?.node && before?.tone === after?.tone) return [];
    if (before) this.add(before, -1);
    if (after) this.add(after, 1);
    if (after) this.placed.set(podKey, after);
    else this.placed.delete(podKey);
    return [...new Set([before?.node, after?.node].filter((n): n is string => n !== undefined))];
  }

  private add({ node, tone }: Placed, sign: 1 | -1): void {
    const counts = { ...this.byNode.get(node) };
    const count = (counts[tone] ?? 0) + sign;
    if (count > 0) counts[tone] = count;
    else delete counts[tone];
    if (Object.keys(counts).length > 0) this.byNode.set(node, counts);
    else this.byNode.delete(node);
  }
}
