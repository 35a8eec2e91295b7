import { performance } from "node:perf_hooks";
import type { KubeObject } from "@/lib/k8s/types";
import type { EmbeddedCluster } from "@/server/cluster/embedded-cluster";

export function isReadyPod(pod: KubeObject): boolean {
  const status = pod.status as { conditions?: Array<{ type: string; status: string }> } | undefined;
  return !pod.metadata.deletionTimestamp && !!status?.conditions?.some((c) => c.type === "Ready" && c.status === "True");
}

export interface PodTracker {
  count(): number;
  /** resolves with the count once it reaches `total`, or at the timeout */
  reach(total: number, timeoutMs: number): Promise<number>;
}

/** Follows the store's change feed: how many pods match now, without rescanning thousands of pods. */
export function trackPods(cluster: EmbeddedCluster, matches: (pod: KubeObject) => boolean = isReadyPod): PodTracker {
  const matching = new Set<string>();
  cluster.store.onCommit((event) => {
    if (event.resource !== "pods") return;
    const key = `${event.object.metadata.namespace}/${event.object.metadata.name}`;
    if (event.type !== "DELETED" && matches(event.object)) matching.add(key);
    else matching.delete(key);
  });
  const count = () => matching.size;
  const reach = async (total: number, timeoutMs: number) => {
    const started = performance.now();
    while (count() < total && performance.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 50));
    return count();
  };
  return { count, reach };
}
