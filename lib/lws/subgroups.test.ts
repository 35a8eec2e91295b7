import { describe, expect, it } from "vitest";
import { subGroupIndex } from "./subgroups";

// lws-upstream-spec §6.2, every worked example: [size, subGroupSize, worker → index].
const CASES: Array<[number, number, Record<number, number>]> = [
  [4, 2, { 1: 0, 2: 1, 3: 1 }],
  [5, 2, { 1: 0, 2: 0, 3: 1, 4: 1 }],
  [5, 4, { 1: 0, 2: 0, 3: 0, 4: 0 }],
  [3, 1, { 1: 1, 2: 2 }],
  [4, 3, { 1: 0, 2: 0, 3: 0 }],
];

describe("sub-group index of a worker", () => {
  it.each(CASES)("size %i, subGroupSize %i", (size, sgs, expected) => {
    for (const [worker, index] of Object.entries(expected)) expect(subGroupIndex(size, sgs, Number(worker))).toBe(index);
  });
});
