import type { NodeView, PodView } from "@/lib/dashboard/view-models";

export interface RackLayout {
  name: string;
  nodes: Array<{ node: NodeView; pods: PodView[] }>;
}

export interface ZoneLayout {
  name: string;
  racks: RackLayout[];
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, undefined, { numeric: true });

/** Zones → racks → nodes, each node with the pods placed on it: the picture of placement. */
export function layoutTopology(nodes: Iterable<NodeView>, pods: Iterable<PodView>): ZoneLayout[] {
  const podsByNode = new Map<string, PodView[]>();
  for (const pod of pods) {
    if (!pod.nodeName) continue;
    const list = podsByNode.get(pod.nodeName);
    if (list) list.push(pod);
    else podsByNode.set(pod.nodeName, [pod]);
  }
  const zones = new Map<string, Map<string, RackLayout>>();
  for (const node of nodes) {
    const zone = node.zone ?? "no zone";
    const rack = node.rack ?? "no rack";
    let racks = zones.get(zone);
    if (!racks) zones.set(zone, (racks = new Map()));
    let layout = racks.get(rack);
    if (!layout) racks.set(rack, (layout = { name: rack, nodes: [] }));
    layout.nodes.push({ node, pods: (podsByNode.get(node.name) ?? []).sort(byName) });
  }
  return [...zones]
    .map(([name, racks]) => ({ name, racks: [...racks.values()].sort(byName).map((r) => ({ ...r, nodes: r.nodes.sort((a, b) => byName(a.node, b.node)) })) }))
    .sort(byName);
}
