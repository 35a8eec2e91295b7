import { describe, expect, it } from "vitest";
import { canonicalFieldsV1 } from "./fields-v1-sharing";
import { differenceTrees, intersectionTrees, treeHas, treePaths, unionTrees, withAncestorTrees } from "./field-tree";

const tree = canonicalFieldsV1;

describe("set operations on shared trees", () => {
  const spec = tree({ "f:spec": { "f:replicas": {}, "f:template": { "f:metadata": { "f:labels": { ".": {}, "f:app": {} } } } } });
  const status = tree({ "f:status": { "f:replicas": {} } });

  it("leaves an operand as it is when the other does not touch it", () => {
    expect(differenceTrees(spec, status, true)).toBe(spec);
    expect(unionTrees(spec, spec)).toBe(spec);
  });

  it("shares what the result has in common with its operands", () => {
    const both = unionTrees(spec, status);
    expect(both["f:spec"]).toBe(spec["f:spec"]);
    expect(differenceTrees(both, status, true)).toBe(spec);
  });

  it("marks a member that gains children, and keeps the children of a member that goes", () => {
    const labels = tree({ "f:metadata": { "f:labels": {} } });
    const app = tree({ "f:metadata": { "f:labels": { "f:app": {} } } });
    expect(unionTrees(labels, app)).toEqual({ "f:metadata": { "f:labels": { ".": {}, "f:app": {} } } });
    expect(differenceTrees(unionTrees(labels, app), labels, true)).toBe(app);
  });

  it("intersects member by member", () => {
    const other = tree({ "f:spec": { "f:replicas": {}, "f:paused": {} } });
    expect(intersectionTrees(spec, other, true)).toEqual({ "f:spec": { "f:replicas": {} } });
    expect(intersectionTrees(spec, status, true)).toBeUndefined();
  });

  it("makes every node a member for withAncestors, and lists members parents first", () => {
    const all = withAncestorTrees(tree({ "f:a": { "f:b": { "f:c": {} } } }), true);
    expect(treePaths(all, [], [])).toEqual([["f:a"], ["f:a", "f:b"], ["f:a", "f:b", "f:c"]]);
    expect(treeHas(all, ["f:a", "f:b"])).toBe(true);
    expect(treeHas(spec, ["f:spec", "f:template"])).toBe(false);
    expect(treeHas(spec, [])).toBe(false);
  });
});
