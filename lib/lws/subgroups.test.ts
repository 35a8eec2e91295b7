import { describe, expect, it } from "vitest";
import { fieldErrorString } from "@/lib/k8s/validation";
import { applyWebhookDefaults } from "./defaults";
import { DIVIDE_BY_ZERO, leaderSubGroupIndex, subGroupIndex } from "./subgroups";
import { validateLeaderWorkerSet } from "./validation";

// lws-upstream-spec §6.2, every worked example: size, subGroupSize, type, leader's index, worker → index.
const EXAMPLES: Array<[number, number, string, number | undefined, Record<number, number>]> = [
  [4, 2, "LeaderWorker", 0, { 1: 0, 2: 1, 3: 1 }],
  [5, 2, "LeaderWorker", 0, { 1: 0, 2: 0, 3: 1, 4: 1 }],
  [5, 4, "LeaderWorker", 0, { 1: 0, 2: 0, 3: 0, 4: 0 }],
  [3, 1, "LeaderWorker", 0, { 1: 1, 2: 2 }],
  [5, 2, "LeaderExcluded", undefined, { 1: 0, 2: 0, 3: 1, 4: 1 }],
  [4, 3, "LeaderExcluded", undefined, { 1: 0, 2: 0, 3: 0 }],
  // Quirk: index 0 goes unused because size % 1 == 0.
  [3, 1, "LeaderExcluded", undefined, { 1: 1, 2: 2 }],
];

describe("sub-group index", () => {
  it.each(EXAMPLES)("size %i, subGroupSize %i, %s", (size, sgs, type, leader, workers) => {
    expect(leaderSubGroupIndex(type)).toBe(leader);
    const actual = Object.fromEntries(Object.keys(workers).map((w) => [w, subGroupIndex(size, sgs, Number(w))]));
    expect(actual).toEqual(workers);
  });

  it("puts the leader in sub-group 0 when no type is given", () => {
    expect(leaderSubGroupIndex(undefined)).toBe(0);
  });

  it("rejects size 4, subGroupSize 2 with LeaderExcluded in validation", () => {
    const lws = applyWebhookDefaults({
      apiVersion: "leaderworkerset.x-k8s.io/v1",
      kind: "LeaderWorkerSet",
      metadata: { name: "x", namespace: "default" },
      spec: { leaderWorkerTemplate: { size: 4, subGroupPolicy: { subGroupPolicyType: "LeaderExcluded", subGroupSize: 2 }, workerTemplate: { spec: { containers: [] } } } },
    });
    expect(validateLeaderWorkerSet(lws).map(fieldErrorString)).toEqual([
      "spec.leaderWorkerTemplate.SubGroupPolicy.subGroupSize: Invalid value: 2: size-1 must be divisible by subGroupSize when using LeaderExcluded",
    ]);
  });

  it("fails like upstream's integer division on a sub-group size of 0", () => {
    expect(() => subGroupIndex(4, 0, 1)).toThrow(DIVIDE_BY_ZERO);
  });
});
