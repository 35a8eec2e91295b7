import { describe, it, expect } from "vitest";
import { podGroupName, scheduleGang } from "./gang";
import { cacheOf, exclusiveTopology, node, pod } from "./test-builders";

const gpuNodes = (n: number) => Array.from({ length: n }, (_, i) => node(`n${i}`).capacity({ "nvidia.com/gpu": "8" }));
const gpuPods = (count: number, gpus: string) => Array.from({ length: count }, (_, i) => pod(`w${i}`).container({}, { "nvidia.com/gpu": gpus }).build());

describe("scheduleGang", () => {
  it("places every member, each seeing the ones before it", () => {
    const cache = cacheOf(gpuNodes(2));
    const result = scheduleGang(gpuPods(4, "4"), cache);
    expect(result).toEqual({
      placements: [
        { podKey: "default/w0", nodeName: "n0" },
        { podKey: "default/w1", nodeName: "n1" },
        { podKey: "default/w2", nodeName: "n0" },
        { podKey: "default/w3", nodeName: "n1" },
      ],
    });
  });

  it("places none when one member cannot fit, and leaves the cache as it was", () => {
    const cache = cacheOf(gpuNodes(2));
    const result = scheduleGang(gpuPods(5, "4"), cache);
    expect(result).toMatchObject({ unschedulable: true, podKey: "default/w4", reasons: { "Insufficient nvidia.com/gpu": 2 } });
    expect(cache.nodeInfos().map((n) => n.pods.size)).toEqual([0, 0]);
  });

  it("accepts a quorum of minMember", () => {
    const cache = cacheOf(gpuNodes(2));
    const result = scheduleGang(gpuPods(5, "4"), cache, { minMember: 4 });
    expect("placements" in result && result.placements.length).toBe(4);
  });

  it("keeps an exclusive-topology group on one rack", () => {
    const cache = cacheOf([node("a1").rack("a"), node("a2").rack("a"), node("b1").rack("b"), node("b2").rack("b")]);
    const group = [0, 1, 2].map((i) => exclusiveTopology(pod(`g-${i}`), "g").build());
    const result = scheduleGang(group, cache);
    const racks = "placements" in result ? result.placements.map((p) => cache.nodeInfo(p.nodeName)?.node.labels.rack) : [];
    expect(new Set(racks).size).toBe(1);
  });
});

describe("podGroupName", () => {
  it.each([
    [{ labels: { "scheduling.x-k8s.io/pod-group": "pg" } }, "pg"],
    [{ annotations: { "scheduling.k8s.io/group-name": "lws-0-abc" } }, "lws-0-abc"],
    [{ labels: { app: "x" } }, undefined],
  ])("%j → %s", (meta, expected) => {
    expect(podGroupName(meta)).toBe(expected);
  });
});
