import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { POD_REVISION_LABEL } from "./pod-state";
import { maxUnavailableOf, podsToUpdate } from "./rolling-update";

describe("maxUnavailableOf", () => {
  it.each([
    [undefined, 10, 1],
    [3, 10, 3],
    [0, 10, 1],
    ["25%", 10, 2],
    ["25%", 3, 1],
    ["100%", 4, 4],
    ["nonsense", 4, 1],
  ])("maxUnavailable %j of %i replicas is %i", (value, replicas, expected) => {
    expect(maxUnavailableOf(value, replicas)).toBe(expected);
  });
});

/** "o" old and available, "O" old and unavailable, "n"/"N" the same at the update revision, "t" old and terminating, "-" missing. */
function replicas(layout: string): Array<KubeObject | undefined> {
  return [...layout].map((c, i) =>
    c === "-"
      ? undefined
      : {
          apiVersion: "v1",
          kind: "Pod",
          metadata: { name: `p-${i}`, labels: { [POD_REVISION_LABEL]: c.toLowerCase() === "n" ? "new" : "old" }, ...(c === "t" ? { deletionTimestamp: "2024-01-01T00:00:00Z" } : {}) },
          status: { available: c === "o" || c === "n" },
        },
  );
}

const available = (pod: KubeObject) => (pod.status as { available: boolean }).available;
const chosen = (layout: string, partition: number, maxUnavailable: number) => podsToUpdate(replicas(layout), "new", { partition, maxUnavailable }, available).map((p) => p.metadata.name);

describe("podsToUpdate", () => {
  it.each([
    { layout: "oooo", partition: 0, max: 1, expected: ["p-3"] },
    { layout: "oooo", partition: 0, max: 2, expected: ["p-3", "p-2"] },
    { layout: "oooN", partition: 0, max: 1, expected: [] },
    { layout: "oooN", partition: 0, max: 2, expected: ["p-2"] },
    { layout: "ooon", partition: 0, max: 2, expected: ["p-2", "p-1"] },
    { layout: "Oooo", partition: 0, max: 2, expected: ["p-3"] },
    { layout: "ooo-", partition: 0, max: 1, expected: [] },
    { layout: "oootn", partition: 0, max: 3, expected: ["p-2", "p-1"] },
    { layout: "oooo", partition: 2, max: 4, expected: ["p-3", "p-2"] },
    { layout: "nnnn", partition: 0, max: 4, expected: [] },
    { layout: "ooOo", partition: 0, max: 2, expected: ["p-3"] },
  ])("$layout with partition $partition and maxUnavailable $max deletes $expected", ({ layout, partition, max, expected }) => {
    expect(chosen(layout, partition, max)).toEqual(expected);
  });
});
