import { describe, it, expect } from "vitest";
import { SchedulerCache } from "./cache";
import { cacheOf, node, pod } from "./test-builders";

const requestedOn = (cache: SchedulerCache, name: string) => cache.nodeInfo(name)?.requested;
const podsOn = (cache: SchedulerCache, name: string) => [...(cache.nodeInfo(name)?.pods.keys() ?? [])];

describe("SchedulerCache keeps NodeInfo sums current pod by pod", () => {
  it("adds and removes requests incrementally", () => {
    const cache = cacheOf([node("n1")]);
    cache.setPod(pod("a").container({ cpu: "1", memory: "1Gi", "nvidia.com/gpu": "2" }).on("n1").build());
    cache.setPod(pod("b").container({ cpu: "500m" }).on("n1").build());
    expect(requestedOn(cache, "n1")).toMatchObject({ cpu: 1500, memory: 1024 ** 3, "nvidia.com/gpu": 2 });
    expect(podsOn(cache, "n1")).toEqual(["default/a", "default/b"]);

    cache.removePod("default/a");
    expect(requestedOn(cache, "n1")).toMatchObject({ cpu: 500, memory: 0, "nvidia.com/gpu": 0 });
    expect(podsOn(cache, "n1")).toEqual(["default/b"]);
  });

  it("an update replaces the pod's previous contribution, also across nodes", () => {
    const cache = cacheOf([node("n1"), node("n2")]);
    cache.setPod(pod("a").container({ cpu: "1" }).on("n1").build());
    cache.setPod(pod("a").container({ cpu: "2" }).on("n1").build());
    expect(requestedOn(cache, "n1")?.cpu).toBe(2000);
    cache.setPod(pod("a").container({ cpu: "2" }).on("n2").build());
    expect(requestedOn(cache, "n1")?.cpu).toBe(0);
    expect(requestedOn(cache, "n2")?.cpu).toBe(2000);
  });

  it.each([
    ["an unbound pod", pod("a").container({ cpu: "1" })],
    ["a terminal pod", pod("a").container({ cpu: "1" }).on("n1").terminated()],
  ])("%s occupies nothing", (_, builder) => {
    const cache = cacheOf([node("n1")], [pod("a").container({ cpu: "1" }).on("n1")]);
    cache.setPod(builder.build());
    expect(requestedOn(cache, "n1")?.cpu).toBe(0);
    expect([...cache.pods()]).toEqual([]);
  });

  it("holds pods of an unknown node until the node arrives, and again after it leaves", () => {
    const cache = new SchedulerCache();
    cache.setPod(pod("a").container({ cpu: "1" }).on("n1").build());
    expect(cache.nodeInfos()).toEqual([]);
    cache.setNode(node("n1").build());
    expect(podsOn(cache, "n1")).toEqual(["default/a"]);
    cache.removeNode("n1");
    cache.setNode(node("n1").build());
    expect(requestedOn(cache, "n1")?.cpu).toBe(1000);
  });

  it("a node update keeps its pods and takes the new labels", () => {
    const cache = cacheOf([node("n1").rack("r1")], [pod("a").on("n1")]);
    cache.setNode(node("n1").rack("r2").build());
    expect(cache.nodeInfo("n1")?.node.labels.rack).toBe("r2");
    expect(podsOn(cache, "n1")).toEqual(["default/a"]);
  });

  it("lists nodes sorted by name", () => {
    const cache = cacheOf([node("b"), node("c"), node("a")]);
    expect(cache.nodeInfos().map((n) => n.name)).toEqual(["a", "b", "c"]);
  });

  it("assume counts a pod on a node before its binding is seen", () => {
    const cache = cacheOf([node("n1")]);
    cache.assume(pod("a").container({ cpu: "3" }).build(), "n1");
    expect(requestedOn(cache, "n1")?.cpu).toBe(3000);
  });

  it("counts siblings by controller", () => {
    const cache = cacheOf([node("n1")], [pod("a").owner("rs-1").on("n1"), pod("b").owner("rs-1").on("n1"), pod("c").owner("rs-2").on("n1")]);
    expect(cache.nodeInfo("n1")?.siblingsOf(pod("x").owner("rs-1").build())).toBe(2);
    expect(cache.nodeInfo("n1")?.siblingsOf(pod("x").build())).toBe(0);
  });
});
