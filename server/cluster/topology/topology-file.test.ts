import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TOPOLOGY } from "./default-topology";
import { nodeSpecs } from "./node-specs";
import { loadTopology, parseTopology, TopologyError } from "./topology-file";

const CUSTOM = `
region: lab
capacity: { cpu: 64, memory: 512Gi }
labels: { pool: gpu }
zones:
  - name: east
    racks:
      - name: rack-e1
        nodes: 2
        capacity: { nvidia.com/gpu: "4" }
      - name: r2
        taints: [{ key: dedicated, value: infer, effect: NoSchedule }]
        nodes:
          - name: big-1
            labels: { size: xl }
            capacity: { cpu: "128" }
`;

describe("topology files", () => {
  it("without a file, is the default: 2 zones × 4 racks × 4 nodes of 8 GPUs", () => {
    expect(loadTopology(undefined)).toBe(DEFAULT_TOPOLOGY);
    const specs = nodeSpecs(DEFAULT_TOPOLOGY);
    expect(specs).toHaveLength(32);
    expect(specs[0]).toMatchObject({ name: "node-a1-1", zone: "zone-a", rack: "rack-a1", region: "sim-region" });
    expect(specs[31].name).toBe("node-b4-4");
    expect(specs[0].capacity).toEqual({ cpu: "32", memory: "256Gi", "nvidia.com/gpu": "8", pods: "110" });
  });

  it("folds capacity, labels and taints down zones, racks and nodes", () => {
    const specs = nodeSpecs(parseTopology(CUSTOM, "test"));
    expect(specs.map((s) => s.name)).toEqual(["node-e1-1", "node-e1-2", "big-1"]);
    expect(specs[0].capacity).toEqual({ cpu: "64", memory: "512Gi", "nvidia.com/gpu": "4", pods: "110" });
    expect(specs[2].capacity.cpu).toBe("128");
    expect(specs[2].labels).toMatchObject({ pool: "gpu", size: "xl", rack: "r2", "topology.kubernetes.io/zone": "east", "topology.kubernetes.io/region": "lab", "kubernetes.io/hostname": "big-1" });
    expect(specs[2].taints).toEqual([{ key: "dedicated", value: "infer", effect: "NoSchedule" }]);
  });

  it("reads the file LWS_TOPOLOGY names", () => {
    const file = join(mkdtempSync(join(tmpdir(), "topology-")), "topology.yaml");
    writeFileSync(file, CUSTOM);
    expect(nodeSpecs(loadTopology(file))).toHaveLength(3);
  });

  it.each([
    ["an unknown field", "zones:\n  - name: z\n    racks:\n      - name: r\n        nodes: 1\n        capcity: {}\n", "zones[0].racks[0].capcity: unknown field"],
    ["a bad quantity", "zones:\n  - name: z\n    racks:\n      - name: r\n        nodes: 1\n        capacity: { cpu: lots }\n", 'zones[0].racks[0].capacity.cpu: "lots": is not a valid quantity'],
    ["a bad taint effect", "zones:\n  - name: z\n    taints: [{ key: k, effect: Sometimes }]\n    racks: [{ name: r, nodes: 1 }]\n", "zones[0].taints[0].effect:"],
    ["a name that is not a DNS label", "zones:\n  - name: Zone_A\n    racks: [{ name: r, nodes: 1 }]\n", 'zones[0].name: "Zone_A"'],
    ["no zones", "region: x\n", "zones: Invalid input"],
    ["a non-string label value", "labels: { gpu: true }\nzones: [{ name: z, racks: [{ name: r, nodes: 1 }] }]\n", "labels.gpu: Invalid input: expected string"],
    ["a node name used twice", "zones: [{ name: z, racks: [{ name: r, nodes: [{ name: n }, { name: n }] }] }]\n", 'node name "n" is used more than once'],
    ["invalid YAML", "zones: [\n", "not valid YAML"],
    ["too many aliases", `a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [${Array(20).fill("*b").join(", ")}]\nzones: []\n`, "Excessive alias count"],
  ])("rejects %s with a message naming the field", (_, text, expected) => {
    expect(() => parseTopology(text, "file bad.yaml")).toThrow(TopologyError);
    expect(() => parseTopology(text, "file bad.yaml")).toThrow(expected);
  });
});
