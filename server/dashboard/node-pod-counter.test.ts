import { describe, expect, it } from "vitest";
import { pod } from "@/lib/dashboard/diagnosis/test-views";
import { countTones } from "@/lib/dashboard/pod-tone";
import type { PodView } from "@/lib/dashboard/view-models";
import { NodePodCounter } from "./node-pod-counter";

describe("each node's pods counted by state", () => {
  it("names the nodes a change touches: placing, changing state, moving, going", () => {
    const counter = new NodePodCounter();
    expect(counter.update("default/p", pod(0, 0, { nodeName: undefined }))).toEqual([]);
    expect(counter.update("default/p", pod(0, 0, { nodeName: "n1", ready: false, status: "ContainerCreating" }))).toEqual(["n1"]);
    expect(counter.counts("n1")).toEqual({ starting: 1 });
    expect(counter.update("default/p", pod(0, 0, { nodeName: "n1", restarts: 1 }))).toEqual(["n1"]);
    expect(counter.update("default/p", pod(0, 0, { nodeName: "n1", restarts: 2 }))).toEqual([]);
    expect(counter.counts("n1")).toEqual({ ready: 1 });
    expect(counter.update("default/p", undefined)).toEqual(["n1"]);
    expect(counter.counts("n1")).toBeUndefined();
  });

  it("always equals the counts made afresh, over a random history of changes", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const counter = new NodePodCounter();
    const pods = new Map<string, PodView>();
    const states: Array<Partial<PodView>> = [{}, { ready: false, status: "ContainerCreating" }, { status: "CrashLoopBackOff", ready: false }, { deleting: true }];
    for (let step = 0; step < 5_000; step++) {
      const name = `p-${Math.floor(next() * 150)}`;
      const roll = next();
      const view = roll < 0.15 ? undefined : pod(0, 0, { name, nodeName: roll < 0.3 ? undefined : `n-${Math.floor(next() * 8)}`, ...states[Math.floor(next() * states.length)] });
      if (view) pods.set(name, view);
      else pods.delete(name);
      counter.update(`default/${name}`, view);
    }
    for (let n = 0; n < 8; n++) {
      const onNode = [...pods.values()].filter((p) => p.nodeName === `n-${n}`);
      expect(counter.counts(`n-${n}`) ?? {}).toEqual(countTones(onNode));
    }
  });
});
