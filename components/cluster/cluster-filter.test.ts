import { describe, expect, it } from "vitest";
import { stateFromSnapshot } from "@/lib/dashboard/cluster-state";
import type { Snapshot } from "@/lib/dashboard/view-models";
import { CHIP_LIMIT } from "../placement/rack-map";
import { placedPods, podsFilter, POD_COUNTS } from "./cluster-filter";

const withCounts = (...perNode: number[]) =>
  stateFromSnapshot({ resourceVersion: "1", lws: [], pod: [], statefulset: [], node: [], event: [], pvc: [], summary: [], nodePods: perNode.map((ready, i) => ({ name: `n${i}`, counts: { ready, failing: 1 } })) } satisfies Snapshot);

describe("what the cluster page streams", () => {
  it("every pod while they are few enough to draw one by one, else only the counts", () => {
    expect(placedPods(withCounts(10, 20))).toBe(32);
    expect(podsFilter(withCounts(10, 20))).toEqual({});
    expect(podsFilter(withCounts(CHIP_LIMIT - 1))).toEqual({});
    expect(podsFilter(withCounts(CHIP_LIMIT))).toBe(POD_COUNTS);
  });

  it("only the counts until they are in: a large cluster is never downloaded pod by pod first", () => {
    expect(podsFilter(undefined)).toBe(POD_COUNTS);
  });
});
