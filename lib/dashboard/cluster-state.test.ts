import { describe, expect, it } from "vitest";
import { applyChanges, narrowState, stateFromSnapshot } from "./cluster-state";
import { EVENT_WINDOW } from "./event-window";
import { NO_USAGE } from "./node-usage";
import type { EventView, NodeView, PodView } from "./view-models";

const pod = (name: string, status = "Running"): PodView => ({ namespace: "default", name, uid: name, resourceVersion: "1", placementLabels: {}, phase: "Running", status, ready: true, readyContainers: "1/1", restarts: 0, requests: { cpu: 0, memory: 0, gpu: 0 }, deleting: false, createdAt: "" });
const node = (name: string): NodeView => ({ name, uid: name, resourceVersion: "1", labels: {}, ready: true, unschedulable: false, taints: [], capacity: { cpu: 1, memory: 1, gpu: 0, pods: 1 }, allocatable: { cpu: 1, memory: 1, gpu: 0, pods: 1 }, requested: NO_USAGE });

describe("the browser's cluster state", () => {
  it("starts from a snapshot and applies upserts and deletes", () => {
    const state = stateFromSnapshot({ resourceVersion: "5", lws: [], pod: [pod("a"), pod("b")], statefulset: [], node: [node("n1")], event: [], pvc: [], summary: [], nodePods: [] });
    expect([...state.pod.keys()]).toEqual(["default/a", "default/b"]);
    expect([...state.node.keys()]).toEqual(["/n1"]);
    const next = applyChanges(state, [
      { kind: "pod", type: "upsert", key: "default/a", object: pod("a", "CrashLoopBackOff") },
      { kind: "pod", type: "delete", key: "default/b" },
    ], "7");
    expect(next.resourceVersion).toBe("7");
    expect(next.pod.get("default/a")?.status).toBe("CrashLoopBackOff");
    expect(next.pod.has("default/b")).toBe(false);
    expect(state.pod.get("default/a")?.status).toBe("Running");
    expect(next.node).toBe(state.node);
  });

  it("drops back to the event window once twice as many events have arrived", () => {
    const state = stateFromSnapshot({ resourceVersion: "1", lws: [], pod: [], statefulset: [], node: [], event: [], pvc: [], summary: [], nodePods: [] });
    const event = (i: number): EventView => ({ namespace: "default", name: `e${i}`, uid: `e${i}`, resourceVersion: "1", involved: { kind: "Pod", name: "p" }, reason: "Started", message: "", type: "Normal", count: 1, lastTimestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() });
    const upserts = Array.from({ length: 2 * EVENT_WINDOW + 1 }, (_, i) => ({ kind: "event" as const, type: "upsert" as const, key: `default/e${i}`, object: event(i) }));
    const next = applyChanges(state, upserts, "2");
    expect(next.event.size).toBe(EVENT_WINDOW);
    expect(next.event.has(`default/e${2 * EVENT_WINDOW}`)).toBe(true);
    expect(next.event.has("default/e0")).toBe(false);
  });

  it("narrows to a namespace: its own views, and every node", () => {
    const elsewhere = { ...pod("x"), namespace: "team-b" };
    const state = stateFromSnapshot({ resourceVersion: "3", lws: [], pod: [pod("a"), elsewhere], statefulset: [], node: [node("n1")], event: [], pvc: [], summary: [], nodePods: [] });
    const narrow = narrowState(state, { namespace: "default" });
    expect([...narrow.pod.keys()]).toEqual(["default/a"]);
    expect([...narrow.node.keys()]).toEqual(["/n1"]);
    expect(narrow.resourceVersion).toBe("3");
    expect(state.pod.size).toBe(2);
  });
});
