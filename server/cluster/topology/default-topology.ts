import type { Topology } from "./topology-schema";

export const DEFAULT_REGION = "sim-region";

/** What a node offers when no level of the topology says otherwise: an 8-GPU machine. */
export const DEFAULT_CAPACITY: Readonly<Record<string, string>> = { cpu: "32", memory: "256Gi", "nvidia.com/gpu": "8", pods: "110" };

const ZONES = ["a", "b"];
const RACKS_PER_ZONE = 4;
const NODES_PER_RACK = 4;

/** Used when no topology file is given: 2 zones × 4 racks × 4 nodes (node-a1-1 … node-b4-4). */
export const DEFAULT_TOPOLOGY: Topology = {
  region: DEFAULT_REGION,
  zones: ZONES.map((zone) => ({
    name: `zone-${zone}`,
    racks: Array.from({ length: RACKS_PER_ZONE }, (_, i) => ({ name: `rack-${zone}${i + 1}`, nodes: NODES_PER_RACK })),
  })),
};
