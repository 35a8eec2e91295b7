import { describe, expect, it } from "vitest";
import { groupsOf } from "./groups";
import type { LwsView, PodView } from "./view-models";

const lws: LwsView = { apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", metadata: { name: "sample", namespace: "default" }, spec: { replicas: 3, leaderWorkerTemplate: { size: 2 } } };
const pod = (group: number, worker: number, over: Partial<PodView> = {}): PodView => ({
  namespace: "default", name: worker ? `sample-${group}-${worker}` : `sample-${group}`, uid: `${group}-${worker}`, resourceVersion: "1", placementLabels: {},
  lws: "sample", groupIndex: group, workerIndex: worker, phase: "Running", status: "Running", ready: true, readyContainers: "1/1", restarts: 0, requests: { cpu: 0, memory: 0, gpu: 0 }, deleting: false, createdAt: "", ...over,
});

describe("groups of an LWS", () => {
  it("pairs leaders and workers by group index and judges each group", () => {
    const groups = groupsOf(lws, [
      pod(0, 0), pod(0, 1),
      pod(1, 0), pod(1, 1, { ready: false, status: "CrashLoopBackOff", restarts: 3 }),
      pod(3, 0, { phase: "Pending", status: "Pending", ready: false }),
    ]);
    expect(groups.map((g) => [g.index, g.health, g.surge])).toEqual([
      [0, "ready", false],
      [1, "failing", false],
      [2, "missing", false],
      [3, "pending", true],
    ]);
    expect(groups[0].leader?.name).toBe("sample-0");
    expect(groups[0].workers.map((w) => w.name)).toEqual(["sample-0-1"]);
    expect(groups[1].readyPods).toBe(1);
  });

  it("calls a group progressing while its pods start, failing when one cannot be scheduled", () => {
    const [starting] = groupsOf({ ...lws, spec: { replicas: 1, leaderWorkerTemplate: { size: 2 } } }, [pod(0, 0), pod(0, 1, { ready: false, status: "ContainerCreating", nodeName: "n1" })]);
    expect(starting.health).toBe("progressing");
    const [stuck] = groupsOf({ ...lws, spec: { replicas: 1, leaderWorkerTemplate: { size: 2 } } }, [pod(0, 0), pod(0, 1, { ready: false, phase: "Pending", status: "Pending", unschedulable: "0/32 nodes are available" })]);
    expect(stuck.health).toBe("failing");
  });
});
