/**
 * The scheduler's running view of one node: its pods and the sums derived from them, kept
 * current pod by pod (addPod/removePod) so a decision never re-adds every pod.
 */
import { KeyedAntiAffinity, termPlacement } from "./anti-affinity-terms";
import { addCount, entry } from "./counts";
import { LabelCounts } from "./label-counts";
import { addInto, type ResourceAmounts } from "./resources";
import type { SchedulingNode } from "./scheduling-node";
import type { SchedulingPod } from "./scheduling-pod";

export class NodeInfo {
  readonly pods = new Map<string, SchedulingPod>();
  /** Sum of the pods' requests (NodeInfo.Requested). */
  readonly requested: ResourceAmounts = {};
  /** Same with scoring's cpu/memory defaults (NodeInfo.NonZeroRequested). */
  readonly nonZeroRequested: ResourceAmounts = {};
  /** The pods' labels counted per namespace, for single-key affinity selectors. */
  readonly labelCounts = new Map<string, LabelCounts>();
  /** The pods' keyed required anti-affinity terms (see anti-affinity-terms.ts). */
  readonly keyedAntiAffinity = new KeyedAntiAffinity();
  private readonly podsByOwner = new Map<string, number>();

  constructor(public node: SchedulingNode) {}

  get name(): string {
    return this.node.name;
  }

  addPod(pod: SchedulingPod): void {
    this.removePod(pod.key);
    this.pods.set(pod.key, pod);
    this.account(pod, 1);
  }

  removePod(key: string): SchedulingPod | undefined {
    const pod = this.pods.get(key);
    if (!pod) return undefined;
    this.pods.delete(key);
    this.account(pod, -1);
    return pod;
  }

  /** Pods here with the same controller as `pod`. */
  siblingsOf(pod: SchedulingPod): number {
    return pod.ownerUid ? (this.podsByOwner.get(pod.ownerUid) ?? 0) : 0;
  }

  private account(pod: SchedulingPod, sign: number): void {
    addInto(this.requested, pod.requests, sign);
    addInto(this.nonZeroRequested, pod.nonZeroRequests, sign);
    const counts = entry(this.labelCounts, pod.namespace, () => new LabelCounts());
    counts.update(pod.labels, sign);
    if (counts.pods === 0) this.labelCounts.delete(pod.namespace);
    for (const term of pod.antiAffinityTerms) {
      if (termPlacement(term) === "keyed") this.keyedAntiAffinity.update(term, sign);
    }
    if (pod.ownerUid) addCount(this.podsByOwner, pod.ownerUid, sign);
  }
}
