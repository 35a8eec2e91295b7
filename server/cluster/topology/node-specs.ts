import { DEFAULT_CAPACITY, DEFAULT_REGION } from "./default-topology";
import type { Topology, TopologyNode, TopologyRack, TopologySettings, TopologyTaint } from "./topology-schema";

/** The label the LWS concepts page uses as an exclusive-topology key. */
export const RACK_LABEL = "rack";
export const HOSTNAME_LABEL = "kubernetes.io/hostname";
export const ZONE_LABEL = "topology.kubernetes.io/zone";
export const REGION_LABEL = "topology.kubernetes.io/region";

/** One node of the topology with every level's settings folded in. */
export interface NodeSpec {
  name: string;
  region: string;
  zone: string;
  rack: string;
  /** position in the topology: picks the node's address and pod CIDR */
  index: number;
  capacity: Record<string, string>;
  /** the labels the topology gives the node, well-known ones included */
  labels: Record<string, string>;
  taints: TopologyTaint[];
}

/** Generated node names follow the rack's: rack-a1 → node-a1-1, node-a1-2, … (other racks: <rack>-node-1). */
function generatedNodeName(rack: string, i: number): string {
  return rack.startsWith("rack-") ? `node-${rack.slice("rack-".length)}-${i}` : `${rack}-node-${i}`;
}

function rackNodes(rack: TopologyRack): TopologyNode[] {
  return typeof rack.nodes === "number" ? Array.from({ length: rack.nodes }, (_, i) => ({ name: generatedNodeName(rack.name, i + 1) })) : rack.nodes;
}

function fold(levels: TopologySettings[]): Required<TopologySettings> {
  return {
    capacity: Object.assign({ ...DEFAULT_CAPACITY }, ...levels.map((l) => l.capacity ?? {})),
    labels: Object.assign({}, ...levels.map((l) => l.labels ?? {})),
    taints: levels.flatMap((l) => l.taints ?? []),
  };
}

/** Expands the topology into its nodes, in file order. */
export function nodeSpecs(topology: Topology): NodeSpec[] {
  const region = topology.region ?? DEFAULT_REGION;
  const specs: NodeSpec[] = [];
  for (const zone of topology.zones) {
    for (const rack of zone.racks) {
      for (const node of rackNodes(rack)) {
        const { capacity, labels, taints } = fold([topology, zone, rack, node]);
        // The well-known labels follow the names, so a file cannot make them disagree.
        const wellKnown = { [HOSTNAME_LABEL]: node.name, [ZONE_LABEL]: zone.name, [REGION_LABEL]: region, [RACK_LABEL]: rack.name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64" };
        specs.push({ name: node.name, region, zone: zone.name, rack: rack.name, index: specs.length, capacity, labels: { ...labels, ...wellKnown }, taints });
      }
    }
  }
  return specs;
}
