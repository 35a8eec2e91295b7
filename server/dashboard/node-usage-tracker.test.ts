import { describe, expect, it } from "vitest";
import { NO_USAGE, usageByNode } from "@/lib/dashboard/node-usage";
import type { PodView } from "@/lib/dashboard/view-models";
import { NodeUsageTracker } from "./node-usage-tracker";

function pod(name: string, nodeName: string | undefined, gpu: number, phase = "Running"): PodView {
  return { namespace: "default", name, uid: name, resourceVersion: "1", placementLabels: {}, nodeName, phase, status: phase, ready: true, readyContainers: "1/1", restarts: 0, requests: { cpu: 0.5, memory: 2 ** 30, gpu }, deleting: false, createdAt: "" };
}

/** A small deterministic generator, so a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("requested totals kept pod by pod", () => {
  it("names the nodes a change touches: binding, moving, finishing, deleting", () => {
    const tracker = new NodeUsageTracker();
    expect(tracker.update("default/p", pod("p", undefined, 1))).toEqual([]);
    expect(tracker.update("default/p", pod("p", "n1", 1))).toEqual(["n1"]);
    expect(tracker.update("default/p", { ...pod("p", "n1", 1), ready: false })).toEqual([]);
    expect(tracker.update("default/p", pod("p", "n2", 1))).toEqual(["n1", "n2"]);
    expect(tracker.requested("n1")).toBe(NO_USAGE);
    expect(tracker.requested("n2")).toEqual({ cpu: 0.5, memory: 2 ** 30, gpu: 1, pods: 1 });
    expect(tracker.update("default/p", pod("p", "n2", 1, "Failed"))).toEqual(["n2"]);
    expect(tracker.update("default/p", undefined)).toEqual([]);
  });

  it("always equals the totals summed afresh, over a random history of changes", () => {
    const next = random(42);
    const tracker = new NodeUsageTracker();
    const pods = new Map<string, PodView>();
    for (let step = 0; step < 5_000; step++) {
      const name = `p-${Math.floor(next() * 200)}`;
      const roll = next();
      const view = roll < 0.15 ? undefined : pod(name, roll < 0.3 ? undefined : `n-${Math.floor(next() * 10)}`, Math.floor(next() * 4), roll > 0.9 ? "Succeeded" : "Running");
      if (view) pods.set(name, view);
      else pods.delete(name);
      tracker.update(`default/${name}`, view);
    }
    const expected = usageByNode(pods.values());
    for (let n = 0; n < 10; n++) {
      const want = expected.get(`n-${n}`) ?? NO_USAGE;
      const got = tracker.requested(`n-${n}`);
      expect({ ...got, cpu: Number(got.cpu.toFixed(6)) }).toEqual({ ...want, cpu: Number(want.cpu.toFixed(6)) });
    }
  });
});
