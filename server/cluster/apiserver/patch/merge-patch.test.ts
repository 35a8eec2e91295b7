import { describe, it, expect } from "vitest";
import { applyMergePatch } from "./merge-patch";

describe("applyMergePatch", () => {
  // RFC 7386 appendix A
  const rfcExamples: Array<[unknown, unknown, unknown]> = [
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [["a", "b"], ["c", "d"], ["c", "d"]],
    [{ a: "b" }, ["c"], ["c"]],
    [{ a: "foo" }, null, null],
    [{ a: "foo" }, "bar", "bar"],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: "b", c: null }, { a: "b" }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];

  it.each(rfcExamples)("%j + %j", (doc, patch, expected) => {
    expect(applyMergePatch(doc, patch)).toEqual(expected);
  });

  it("applies what kubectl label and scale send", () => {
    const doc = { metadata: { name: "x", labels: { a: "1", b: "2" } }, spec: { replicas: 1, template: {} } };
    const patch = { metadata: { labels: { a: null, c: "3" } }, spec: { replicas: 3 } };
    expect(applyMergePatch(doc, patch)).toEqual({
      metadata: { name: "x", labels: { b: "2", c: "3" } },
      spec: { replicas: 3, template: {} },
    });
  });

  it("neither changes its inputs nor shares structure with them", () => {
    const doc = { keep: { deep: [1] }, spec: { a: 1 } };
    const patch = { spec: { b: { c: [2] } } };
    const before = structuredClone({ doc, patch });
    const result = applyMergePatch(doc, patch) as { keep: { deep: number[] }; spec: { b: { c: number[] } } };
    expect({ doc, patch }).toEqual(before);
    result.keep.deep.push(9);
    result.spec.b.c.push(9);
    expect({ doc, patch }).toEqual(before);
  });
});
