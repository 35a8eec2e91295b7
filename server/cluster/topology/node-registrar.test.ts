import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NODES } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { EmbeddedClient } from "../embedded-client";
import { EmbeddedCluster } from "../embedded-cluster";
import { EmbeddedFaultInjector } from "../faults";
import { DEFAULT_TOPOLOGY } from "./default-topology";
import { NodeRegistrar } from "./node-registrar";
import { parseTopology } from "./topology-file";

let cluster: EmbeddedCluster;
let client: EmbeddedClient;
beforeEach(async () => {
  cluster = new EmbeddedCluster({ dbPath: ":memory:" });
  await cluster.start();
  client = new EmbeddedClient(cluster.registry);
});
afterEach(() => cluster.close());

type NodeShape = KubeObject & {
  spec: { podCIDR: string; unschedulable?: boolean; taints?: Array<{ key: string; effect: string }> };
  status: { capacity: Record<string, string>; allocatable: Record<string, string>; nodeInfo: Record<string, string>; conditions: Array<{ type: string; status: string }>; addresses: Array<{ type: string; address: string }> };
};
const node = async (name: string) => (await client.get(NODES, "", name)) as NodeShape;

const topology = (rackLabels: string, capacity: string, extraRack = "") =>
  parseTopology(`zones:\n  - name: zone-a\n    racks:\n      - name: rack-a1\n        nodes: 2\n        labels: { ${rackLabels} }\n        capacity: { ${capacity} }\n${extraRack}`, "test");

describe("the node registrar", () => {
  it("registers the default topology: 32 Ready nodes with topology labels, capacity and node info", async () => {
    await new NodeRegistrar(client, DEFAULT_TOPOLOGY).sync();
    const nodes = (await client.list(NODES)).items as NodeShape[];
    expect(nodes).toHaveLength(32);
    const ready = nodes.filter((n) => n.status.conditions.find((c) => c.type === "Ready")?.status === "True");
    expect(ready).toHaveLength(32);
    const first = await node("node-a1-1");
    expect(first.metadata.labels).toMatchObject({ "kubernetes.io/hostname": "node-a1-1", "topology.kubernetes.io/zone": "zone-a", "topology.kubernetes.io/region": "sim-region", rack: "rack-a1" });
    expect(first.status.capacity).toEqual({ cpu: "32", memory: "256Gi", "nvidia.com/gpu": "8", pods: "110" });
    expect(first.status.allocatable).toEqual(first.status.capacity);
    expect(first.status.nodeInfo).toMatchObject({ kubeletVersion: "v1.32.0", operatingSystem: "linux", architecture: "amd64", containerRuntimeVersion: expect.stringMatching(/^containerd:\/\//) });
    expect(first.status.conditions.map((c) => c.type).sort()).toEqual(["DiskPressure", "MemoryPressure", "NetworkUnavailable", "PIDPressure", "Ready"]);
    expect(first.status.addresses).toContainEqual({ type: "InternalIP", address: expect.stringMatching(/^172\.16\./) });
    expect(new Set(nodes.map((n) => n.spec.podCIDR)).size).toBe(32);
    expect(nodes.filter((n) => n.metadata.labels?.rack === "rack-b4").map((n) => n.metadata.name)).toEqual(["node-b4-1", "node-b4-2", "node-b4-3", "node-b4-4"]);
  });

  it("follows a changed file without clobbering cordon, NotReady or labels others set", async () => {
    await new NodeRegistrar(client, topology("tier: a, old: x", 'cpu: "16"', "      - name: rack-a2\n        nodes: 1\n")).sync();
    const faults = new EmbeddedFaultInjector(client);
    await faults.cordon("node-a1-1");
    await faults.setNodeReady("node-a1-1", false);
    const live = await node("node-a1-1");
    await client.update(NODES, { ...live, metadata: { ...live.metadata, labels: { ...live.metadata.labels, mine: "kept" } }, spec: { ...live.spec, taints: [{ key: "user", effect: "NoSchedule" }] } });

    await new NodeRegistrar(client, topology("tier: b", 'cpu: "24"')).sync();
    const after = await node("node-a1-1");
    expect(after.metadata.labels).toMatchObject({ tier: "b", mine: "kept", rack: "rack-a1" });
    expect(after.metadata.labels).not.toHaveProperty("old");
    expect(after.status.capacity.cpu).toBe("24");
    expect(after.status.allocatable.cpu).toBe("24");
    expect(after.spec.unschedulable).toBe(true);
    expect(after.spec.taints).toEqual([{ key: "user", effect: "NoSchedule" }]);
    expect(after.status.conditions.find((c) => c.type === "Ready")?.status).toBe("False");
    expect(after.spec.podCIDR).toBe(live.spec.podCIDR);
    await expect(client.get(NODES, "", "node-a2-1")).rejects.toThrow("not found");
  });

  it("leaves nodes it did not register alone", async () => {
    await client.create(NODES, { apiVersion: "v1", kind: "Node", metadata: { name: "byhand" } });
    await new NodeRegistrar(client, topology("", 'cpu: "1"')).sync();
    expect((await client.list(NODES)).items.map((n) => n.metadata.name).sort()).toEqual(["byhand", "node-a1-1", "node-a1-2"]);
  });
});
