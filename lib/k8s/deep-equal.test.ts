import { describe, expect, it } from "vitest";
import { clone, containsFields, deepEqual } from "./deep-equal";

describe("clone", () => {
  it("copies JSON values deeply into mutable objects", () => {
    const original = Object.freeze({ a: Object.freeze([1, Object.freeze({ b: "x" })]), c: null, d: true, e: undefined });
    const copy = clone(original);
    expect(copy).toEqual(original);
    expect("e" in copy).toBe(true);
    expect(copy.a).not.toBe(original.a);
    expect(Object.isFrozen(copy) || Object.isFrozen(copy.a) || Object.isFrozen(copy.a[1])).toBe(false);
    (copy.a[1] as { b: string }).b = "y";
    expect((original.a[1] as { b: string }).b).toBe("x");
  });

  it("returns scalars as they are", () => {
    expect([clone(3), clone("s"), clone(null), clone(false)]).toEqual([3, "s", null, false]);
  });
});

describe("deepEqual", () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: {} }, { a: [] }, false],
    [null, {}, false],
  ])("%j vs %j → %s", (a, b, expected) => {
    expect(deepEqual(a, b)).toBe(expected);
  });
});

describe("containsFields", () => {
  it.each([
    [{ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } }, true],
    [{ a: 1, b: { c: 2 } }, { b: { c: 3 } }, false],
    [{ a: [1, 2] }, { a: [1] }, false],
    [{ a: [{ name: "c", image: "x", imagePullPolicy: "IfNotPresent" }] }, { a: [{ name: "c", image: "x" }] }, true],
    [{ a: [{ name: "c", image: "y" }] }, { a: [{ name: "c", image: "x" }] }, false],
    [{ a: [1, 2] }, { a: [1, 2] }, true],
    [{ a: 1 }, { a: 1, b: undefined }, true],
    [{ a: 1 }, { b: {} }, false],
    [{ a: { b: 1 } }, { a: {} }, true],
  ])("%j contains %j: %s", (whole, partial, expected) => {
    expect(containsFields(whole, partial)).toBe(expected);
  });
});
