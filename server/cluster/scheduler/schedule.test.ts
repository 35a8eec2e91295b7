import { describe, it, expect } from "vitest";
import { fitErrorMessage } from "./fit-error";
import { feasibleNodesToFind, schedulePod } from "./schedule";
import { SchedulerCache } from "./cache";
import { cacheOf, exclusiveTopology, node, pod } from "./test-builders";

describe("schedulePod", () => {
  it("places a pod on the best feasible node", () => {
    const cache = cacheOf([node("n1").rack("r1"), node("n2").rack("r2")]);
    expect(schedulePod(pod("p").nodeSelector({ rack: "r2" }).build(), cache)).toEqual({ nodeName: "n2" });
  });

  it("is pure: the cache does not change", () => {
    const cache = cacheOf([node("n1")]);
    schedulePod(pod("p").container({ cpu: "1" }).build(), cache);
    expect(cache.nodeInfo("n1")?.pods.size).toBe(0);
  });

  it("reports upstream's error for a cluster without nodes", () => {
    expect(schedulePod(pod("p").build(), new SchedulerCache())).toEqual({ unschedulable: true, message: "no nodes available to schedule pods", reasons: {} });
  });
});

describe("how many feasible nodes a search looks for (kube-scheduler's numFeasibleNodesToFind)", () => {
  it.each([
    [32, 0, 32],
    [99, 0, 99],
    [256, 0, 122],
    [1000, 0, 420],
    [5000, 0, 500],
    [256, 10, 100],
    [256, 100, 256],
  ])("%i nodes, percentageOfNodesToScore %i → %i", (nodes, percentage, expected) => {
    expect(feasibleNodesToFind(nodes, percentage)).toBe(expected);
  });

  it("stops once enough nodes fit and resumes after the last node examined", () => {
    const nodes = Array.from({ length: 200 }, (_, i) => node(`n${String(i).padStart(3, "0")}`));
    const cursor = { next: 0 };
    const cache = cacheOf(nodes);
    expect(schedulePod(pod("a").build(), cache, { cursor })).toHaveProperty("nodeName");
    expect(cursor.next).toBe(feasibleNodesToFind(200));
    schedulePod(pod("b").build(), cache, { cursor });
    expect(cursor.next).toBe(0);
  });

  it("examines every node before declaring a pod unschedulable", () => {
    const cache = cacheOf(Array.from({ length: 150 }, (_, i) => node(`n${i}`).rack("r1")));
    const result = schedulePod(pod("p").nodeSelector({ rack: "r2" }).build(), cache, { cursor: { next: 70 } });
    expect(result).toMatchObject({ unschedulable: true, message: expect.stringMatching(/^0\/150 nodes are available/) });
  });
});

describe("the unschedulable message, exactly as kube-scheduler v1.32 writes it", () => {
  it("affinity and gpu: unresolvable and resolvable reasons, each node counted once", () => {
    // 8 racks × 4 nodes; a group already holds rack r0 whose 4 nodes have GPUs but are full;
    // the pod follows the group (affinity), so 28 nodes fail affinity and 4 lack GPUs.
    const nodes = Array.from({ length: 32 }, (_, i) => node(`n${String(i).padStart(2, "0")}`).rack(`r${Math.floor(i / 4)}`).capacity({ "nvidia.com/gpu": "8" }));
    const full = Array.from({ length: 4 }, (_, i) => exclusiveTopology(pod(`g0-${i}`), "g0").container({}, { "nvidia.com/gpu": "8" }).on(`n0${i}`));
    const cache = cacheOf(nodes, full);
    const result = schedulePod(exclusiveTopology(pod("g0-4"), "g0").container({}, { "nvidia.com/gpu": "1" }).build(), cache);
    expect(result).toEqual({
      unschedulable: true,
      reasons: { "node(s) didn't match pod affinity rules": 28, "Insufficient nvidia.com/gpu": 4 },
      message:
        "0/32 nodes are available: 28 node(s) didn't match pod affinity rules, 4 Insufficient nvidia.com/gpu. " +
        "preemption: 0/32 nodes are available: 28 Preemption is not helpful for scheduling, 4 No preemption victims found for incoming pod.",
    });
  });

  it("several reasons from one node each count", () => {
    const cache = cacheOf([node("a").capacity({ cpu: "1", memory: "1Gi" }), node("b").taint("dedicated", "infra", "NoSchedule"), node("c").unschedulable()]);
    const result = schedulePod(pod("p").container({ cpu: "2", memory: "2Gi" }).build(), cache);
    expect("message" in result && result.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 node(s) had untolerated taint {dedicated: infra}, 1 node(s) were unschedulable. " +
        "preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
  });

  it("sorts entries as strings, count first", () => {
    expect(fitErrorMessage(19, { "Insufficient cpu": 9, "node(s) were unschedulable": 10 })).toBe("0/19 nodes are available: 10 node(s) were unschedulable, 9 Insufficient cpu.");
  });

  it("a pod that may not preempt says so", () => {
    const cache = cacheOf([node("a").capacity({ cpu: "1" })]);
    const result = schedulePod(pod("p").container({ cpu: "2" }).set("preemptionPolicy", "Never").build(), cache);
    expect("message" in result && result.message).toBe("0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.");
  });
});
