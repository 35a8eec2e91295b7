import { performance } from "node:perf_hooks";
import { percentile } from "./stats";

const POD = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "p",
    namespace: "default",
    uid: "6a3b7c1e-1111-2222-3333-444455556666",
    labels: { "leaderworkerset.sigs.k8s.io/name": "vllm", "leaderworkerset.sigs.k8s.io/group-index": "3", "leaderworkerset.sigs.k8s.io/worker-index": "1", "apps.kubernetes.io/pod-index": "1" },
    ownerReferences: [{ apiVersion: "apps/v1", kind: "StatefulSet", name: "vllm-3", uid: "7b4c8d2f-1111-2222-3333-444455556666", controller: true, blockOwnerDeletion: true }],
  },
  spec: { nodeName: "node-a1-1", containers: [{ name: "main", image: "vllm/vllm-openai:v0.6.0", env: [{ name: "LWS_LEADER_ADDRESS", value: "vllm-3.vllm.default" }, { name: "LWS_GROUP_SIZE", value: "8" }], resources: { requests: { cpu: "100m" } } }] },
  status: { phase: "Running", podIP: "10.0.3.4", conditions: ["Initialized", "Ready", "ContainersReady", "PodScheduled"].map((type) => ({ type, status: "True", lastTransitionTime: "2026-11-29T12:00:00Z" })) },
};

/** One round: objects copied, written and read as JSON, kept in a bounded map, as the store does with every write. */
function round(): number {
  const started = performance.now();
  const index = new Map<string, unknown>();
  for (let i = 0; i < 20_000; i++) {
    const copy = { ...POD, metadata: { ...POD.metadata, name: `p-${i}`, resourceVersion: String(i) } };
    index.set(copy.metadata.name, JSON.parse(JSON.stringify(copy)));
    index.delete(`p-${i - 5_000}`);
  }
  return performance.now() - started;
}

/**
 * A fixed piece of CPU work like the cluster's own, timed (median of 7 rounds): the same code runs
 * up to twice as fast at one hour as at another on these machines, and this says which hour it is.
 */
export function machineReferenceMs(): number {
  return percentile(Array.from({ length: 7 }, round), 50);
}
