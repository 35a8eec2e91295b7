import { afterEach, describe, expect, it } from "vitest";
import { EVENTS, NODES, PODS } from "@/lib/k8s/resources";
import { waitFor } from "@/server/testing/wait-for";
import { conditionOf, isRunningAndReady, podGone, podObject, startDataPlane, waitForPod, type Harness } from "../data-plane-harness";

let h: Harness;
afterEach(() => h.close());

const running = isRunningAndReady;
const taintsOf = async (node: string) => ((await h.client.get(NODES, "", node)).spec as { taints?: Array<{ key: string; effect: string; timeAdded?: string }> }).taints ?? [];
const forever = [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" }];

describe("node lifecycle and taint eviction", () => {
  it("taints a NotReady node, evicts its pods after their toleration, and spares pods that tolerate it for ever", async () => {
    h = await startDataPlane({ tolerationSecondMs: 1 });
    await h.client.create(PODS, podObject("victim", { nodeName: "node-a1-1" }));
    await h.client.create(PODS, podObject("stays", { nodeName: "node-a1-1", spec: { tolerations: forever } }));
    await waitForPod(h, "victim", running);
    await waitForPod(h, "stays", running);
    await h.plane.faults.setNodeReady("node-a1-1", false);
    const taints = await waitFor(async () => ((t) => t.length === 2 && t)(await taintsOf("node-a1-1")));
    expect(taints).toEqual([
      { key: "node.kubernetes.io/not-ready", effect: "NoSchedule" },
      { key: "node.kubernetes.io/not-ready", effect: "NoExecute", timeAdded: expect.any(String) },
    ]);
    expect(await podGone(h, "victim")).toBe(true);
    const stays = await waitForPod(h, "stays", (s) => conditionOf(s, "Ready") === "False");
    expect(stays.phase).toBe("Running");
    const events = (await h.client.list(EVENTS, {})).items.map((e) => `${(e.involvedObject as { name: string }).name}:${e.reason}`);
    expect(events).toEqual(expect.arrayContaining(["node-a1-1:NodeNotReady", "victim:TaintManagerEviction"]));
  });

  it("untaints the node when it is Ready again and records NodeReady", async () => {
    h = await startDataPlane();
    await h.plane.faults.setNodeReady("node-b1-1", false);
    await waitFor(async () => (await taintsOf("node-b1-1")).length === 2);
    await h.plane.faults.setNodeReady("node-b1-1", true);
    await waitFor(async () => (await taintsOf("node-b1-1")).length === 0);
    const reasons = await waitFor(async () => ((r) => r.includes("NodeReady") && r)((await h.client.list(EVENTS, { namespace: "default" })).items.map((e) => e.reason)));
    expect(reasons).toContain("NodeNotReady");
  });

  it("taints an unreachable (Ready=Unknown) node with unreachable", async () => {
    h = await startDataPlane();
    const node = await h.client.get(NODES, "", "node-a1-2");
    const status = node.status as { conditions: Array<Record<string, unknown>> };
    const conditions = status.conditions.map((c) => (c.type === "Ready" ? { ...c, status: "Unknown", reason: "NodeStatusUnknown" } : c));
    await h.client.updateStatus(NODES, { ...node, status: { ...status, conditions } });
    const taints = await waitFor(async () => ((t) => t.length === 2 && t)(await taintsOf("node-a1-2")));
    expect(taints.map((t) => `${t.key}:${t.effect}`)).toEqual(["node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute"]);
  });
});
