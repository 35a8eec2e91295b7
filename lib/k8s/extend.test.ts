import { describe, expect, it } from "vitest";
import { extend } from "./extend";

describe("extend", () => {
  it("copies the base and lays the fields over it, leaving both as they were", () => {
    const base = { a: 1, b: 2 };
    const fields = { b: 3, c: 4 };
    expect(extend(base, fields)).toEqual({ a: 1, b: 3, c: 4 });
    expect(base).toEqual({ a: 1, b: 2 });
    expect(Object.keys(extend(base, fields))).toEqual(["a", "b", "c"]);
  });
});
