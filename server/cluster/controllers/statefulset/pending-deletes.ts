import type { KubeObject } from "@/lib/k8s/types";

/**
 * The pod deletions a StatefulSet's sync made that the pod informer has not shown yet. Acting on a
 * cache that still shows a deleted pod as running would delete more than maxUnavailable allows,
 * so a sync waits until every deletion is visible (the informer's event requeues it). Only a
 * guard against a lagging cache: a restarted controller starts from a fresh list and needs none.
 */
export class PendingDeletes {
  private readonly pending = new Map<string, Map<string, string>>();

  expect(setKey: string, pod: KubeObject): void {
    let pods = this.pending.get(setKey);
    if (!pods) this.pending.set(setKey, (pods = new Map()));
    pods.set(pod.metadata.name ?? "", pod.metadata.uid ?? "");
  }

  /** True once the cache shows each deleted pod gone, terminating or replaced by a new one. */
  observed(setKey: string, cached: (name: string) => KubeObject | undefined): boolean {
    const pods = this.pending.get(setKey);
    if (!pods) return true;
    for (const [name, uid] of pods) {
      const pod = cached(name);
      if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp) pods.delete(name);
    }
    if (pods.size > 0) return false;
    this.pending.delete(setKey);
    return true;
  }

  forget(setKey: string): void {
    this.pending.delete(setKey);
  }
}
