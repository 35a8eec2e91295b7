import { describe, expect, it } from "vitest";
import { nodePrinter } from "./node-printer";
import { DAY, NOW, ago, kubeObject } from "./test-objects";

const nodeInfo = {
  kubeletVersion: "v1.32.4",
  osImage: "Ubuntu 24.04.2 LTS",
  kernelVersion: "6.8.0-1024-gcp",
  containerRuntimeVersion: "containerd://2.0.4",
};

function node(options: { labels?: Record<string, string>; conditions?: unknown[]; unschedulable?: boolean; addresses?: unknown[]; info?: unknown }) {
  return kubeObject(
    "v1",
    "Node",
    { name: "gpu-node-1", namespace: undefined, labels: options.labels, creationTimestamp: ago(12 * DAY) },
    { spec: options.unschedulable ? { unschedulable: true } : {}, status: { conditions: options.conditions ?? [], addresses: options.addresses ?? [], nodeInfo: options.info ?? nodeInfo } },
  );
}

describe("node rows", () => {
  it("prints a ready control-plane node with its wide cells", () => {
    const object = node({
      labels: { "node-role.kubernetes.io/control-plane": "", "kubernetes.io/hostname": "gpu-node-1" },
      conditions: [{ type: "MemoryPressure", status: "False" }, { type: "Ready", status: "True" }],
      addresses: [{ type: "Hostname", address: "gpu-node-1" }, { type: "InternalIP", address: "10.128.0.4" }],
    });
    expect(nodePrinter.print(object, NOW).cells).toEqual([
      "gpu-node-1",
      "Ready",
      "control-plane",
      "12d",
      "v1.32.4",
      "10.128.0.4",
      "<none>",
      "Ubuntu 24.04.2 LTS",
      "6.8.0-1024-gcp",
      "containerd://2.0.4",
    ]);
  });

  it.each([
    ["NotReady for a False Ready condition", [{ type: "Ready", status: "False" }], false, "NotReady"],
    ["NotReady for an Unknown Ready condition", [{ type: "Ready", status: "Unknown" }], false, "NotReady"],
    ["Unknown without a Ready condition", [], false, "Unknown"],
    ["SchedulingDisabled for a cordoned node", [{ type: "Ready", status: "True" }], true, "Ready,SchedulingDisabled"],
  ])("prints %s", (_, conditions, unschedulable, expected) => {
    expect(nodePrinter.print(node({ conditions, unschedulable }), NOW).cells[1]).toBe(expected);
  });

  it("collects sorted roles from node-role labels and the legacy role label", () => {
    const labels = { "node-role.kubernetes.io/worker": "", "node-role.kubernetes.io/gpu": "true", "kubernetes.io/role": "infra", "node-role.kubernetes.io/": "" };
    expect(nodePrinter.print(node({ labels }), NOW).cells[2]).toBe("gpu,infra,worker");
    expect(nodePrinter.print(node({}), NOW).cells[2]).toBe("<none>");
  });

  it("prints the external IP and <unknown> for unreported system info", () => {
    const object = node({ addresses: [{ type: "ExternalIP", address: "34.1.2.3" }], info: {} });
    expect(nodePrinter.print(object, NOW).cells.slice(4)).toEqual(["", "<none>", "34.1.2.3", "<unknown>", "<unknown>", "<unknown>"]);
  });
});
