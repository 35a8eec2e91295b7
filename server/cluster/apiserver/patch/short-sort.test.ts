import { describe, expect, it } from "vitest";
import { sortShort } from "./short-sort";

describe("sortShort", () => {
  it("orders short and long arrays as Array.prototype.sort does", () => {
    const random = (n: number) => Array.from({ length: n }, (_, i) => `f:${((i * 7919) % 23).toString(36)}${i % 3 === 0 ? "Z" : "a"}`);
    for (const n of [0, 1, 2, 5, 16, 17, 40]) {
      expect(sortShort(random(n))).toEqual(random(n).sort());
      expect(sortShort(random(n), (a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(random(n).sort().reverse());
    }
  });

  it("is stable, as Array.prototype.sort is", () => {
    const items = [{ k: 2, n: "a" }, { k: 1, n: "b" }, { k: 2, n: "c" }, { k: 1, n: "d" }];
    expect(sortShort(items, (a, b) => a.k - b.k).map((i) => i.n)).toEqual(["b", "d", "a", "c"]);
  });
});
