import { describe, expect, it } from "vitest";
import { NO_USAGE, usageByNode } from "@/lib/dashboard/node-usage";
import { pod as lwsPod } from "@/lib/dashboard/diagnosis/test-views";
import { countTones } from "@/lib/dashboard/pod-tone";
import type { PodView } from "@/lib/dashboard/view-models";
import { NodeTally } from "./node-tally";
import { REQUESTED, TONES } from "./node-tallies";

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
    const tracker = new NodeTally(REQUESTED);
    expect(tracker.update("default/p", pod("p", undefined, 1))).toEqual([]);
    expect(tracker.update("default/p", pod("p", "n1", 1))).toEqual(["n1"]);
    expect(tracker.update("default/p", { ...pod("p", "n1", 1), ready: false })).toEqual([]);
    expect(tracker.update("default/p", pod("p", "n2", 1))).toEqual(["n1", "n2"]);
    expect(tracker.total("n1")).toBeUndefined();
    expect(tracker.total("n2")).toEqual({ cpu: 0.5, memory: 2 ** 30, gpu: 1, pods: 1 });
    expect(tracker.update("default/p", pod("p", "n2", 1, "Failed"))).toEqual(["n2"]);
    expect(tracker.update("default/p", undefined)).toEqual([]);
  });

  it("always equals the totals summed afresh, over a random history of changes", () => {
    const next = random(42);
    const tracker = new NodeTally(REQUESTED);
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
      const got = tracker.total(`n-${n}`) ?? NO_USAGE;
      expect({ ...got, cpu: Number(got.cpu.toFixed(6)) }).toEqual({ ...want, cpu: Number(want.cpu.toFixed(6)) });
    }
  });
});

describe("each node's pods counted by state", () => {
  it("names the nodes a change touches: placing, changing state, moving, going", () => {
    const counter = new NodeTally(TONES);
    expect(counter.update("default/p", lwsPod(0, 0, { nodeName: undefined }))).toEqual([]);
    expect(counter.update("default/p", lwsPod(0, 0, { nodeName: "n1", ready: false, status: "ContainerCreating" }))).toEqual(["n1"]);
    expect(counter.total("n1")).toEqual({ starting: 1 });
    expect(counter.update("default/p", lwsPod(0, 0, { nodeName: "n1", restarts: 1 }))).toEqual(["n1"]);
    expect(counter.update("default/p", lwsPod(0, 0, { nodeName: "n1", restarts: 2 }))).toEqual([]);
    expect(counter.total("n1")).toEqual({ ready: 1 });
    expect(counter.update("default/p", undefined)).toEqual(["n1"]);
    expect(counter.total("n1")).toBeUndefined();
  });

  it("always equals the counts made afresh, over a random history of changes", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const counter = new NodeTally(TONES);
    const pods = new Map<string, PodView>();
    const states: Array<Partial<PodView>> = [{}, { ready: false, status: "ContainerCreating" }, { status: "CrashLoopBackOff", ready: false }, { deleting: true }];
    for (let step = 0; step < 5_000; step++) {
      const name = `p-${Math.floor(next() * 150)}`;
      const roll = next();
      const view = roll < 0.15 ? undefined : lwsPod(0, 0, { name, nodeName: roll < 0.3 ? undefined : `n-${Math.floor(next() * 8)}`, ...states[Math.floor(next() * states.length)] });
      if (view) pods.set(name, view);
      else pods.delete(name);
      counter.update(`default/${name}`, view);
    }
    for (let n = 0; n < 8; n++) {
      const onNode = [...pods.values()].filter((p) => p.nodeName === `n-${n}`);
      expect(counter.total(`n-${n}`) ?? {}).toEqual(countTones(onNode));
    }
  });
});
