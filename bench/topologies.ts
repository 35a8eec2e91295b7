import type { Topology } from "@/server/cluster/topology/topology-schema";

/** `zones` × `racks` × `nodes` roomy nodes (256 CPU, 2 Ti, 8 GPUs, 110 pods), for benchmarks that need many pod slots. */
export function gridTopology(zones: number, racks: number, nodes: number): Topology {
  const capacity = { cpu: "256", memory: "2Ti", "nvidia.com/gpu": "8", pods: "110" };
  return { zones: Array.from({ length: zones }, (_, z) => ({ name: `zone-${z}`, racks: Array.from({ length: racks }, (_, r) => ({ name: `rack-${z}-${r}`, nodes, capacity })) })) } as unknown as Topology;
}
