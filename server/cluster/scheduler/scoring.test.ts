import { describe, it, expect } from "vitest";
import { resourceScore, selectNode } from "./scoring";
import { cacheOf, node, pod } from "./test-builders";

describe("resourceScore", () => {
  const cache = cacheOf([node("n").capacity({ cpu: "10", memory: "10Gi", "nvidia.com/gpu": "8" })], [pod("q").container({ cpu: "4", memory: "2Gi", "nvidia.com/gpu": "6" }).on("n")]);
  const info = cache.nodeInfos()[0];

  it.each([
    // cpu (4+1)/10 used, memory (2+1)/10 used
    ["LeastAllocated", pod("p").container({ cpu: "1", memory: "1Gi" }), Math.floor((50 + 70) / 2)],
    ["MostAllocated", pod("p").container({ cpu: "1", memory: "1Gi" }), Math.floor((50 + 30) / 2)],
    // gpu (6+1)/8 joins the average only when requested: least 12, most 87
    ["LeastAllocated", pod("p").container({ cpu: "1", memory: "1Gi", "nvidia.com/gpu": "1" }), Math.floor((50 + 70 + 12) / 3)],
    ["MostAllocated", pod("p").container({ cpu: "1", memory: "1Gi", "nvidia.com/gpu": "1" }), Math.floor((50 + 30 + 87) / 3)],
    // no requests: scoring counts 100m cpu and 200Mi memory
    ["LeastAllocated", pod("p").container({}), Math.floor((59 + Math.floor(((10 * 1024 - 2048 - 200) * 100) / (10 * 1024))) / 2)],
  ] as const)("%s %#", (strategy, p, expected) => {
    expect(resourceScore(p.build(), info, strategy)).toBe(expected);
  });
});

describe("selectNode", () => {
  const busy = pod("busy").container({ cpu: "6", memory: "16Gi" }).on("a");

  it("spreads load by default and bin-packs with MostAllocated", () => {
    const cache = cacheOf([node("a"), node("b")], [busy]);
    const p = pod("p").container({ cpu: "1", memory: "1Gi" }).build();
    expect(selectNode(p, cache.nodeInfos())?.name).toBe("b");
    expect(selectNode(p, cache.nodeInfos(), { strategy: "MostAllocated" })?.name).toBe("a");
  });

  it("breaks ties by node name", () => {
    const cache = cacheOf([node("c"), node("b"), node("a")]);
    expect(selectNode(pod("p").build(), cache.nodeInfos())?.name).toBe("a");
  });

  it("prefers nodes with fewer siblings when resources tie", () => {
    const cache = cacheOf([node("a"), node("b")], [pod("s").owner("rs").on("a")]);
    expect(selectNode(pod("p").owner("rs").build(), cache.nodeInfos())?.name).toBe("b");
    expect(selectNode(pod("p").owner("rs").build(), cache.nodeInfos(), { spreadWeight: 0 })?.name).toBe("a");
  });

  it("keeps spreading a tie-breaker: a clearly emptier node wins over fewer siblings", () => {
    const cache = cacheOf([node("a"), node("b")], [pod("s").owner("rs").on("a"), pod("big").container({ cpu: "6", memory: "24Gi" }).on("b")]);
    expect(selectNode(pod("p").owner("rs").build(), cache.nodeInfos())?.name).toBe("a");
  });

  it("returns nothing without feasible nodes", () => {
    expect(selectNode(pod("p").build(), [])).toBeUndefined();
  });
});
