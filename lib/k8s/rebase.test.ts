import { describe, expect, it } from "vitest";
import { rebase } from "./rebase";

const base = { metadata: { labels: { a: "1" } }, spec: { replicas: 3, template: { image: "v1", args: ["x"] } } };

describe("rebase", () => {
  it("takes what only they changed, added or removed", () => {
    const mine = { ...base, spec: { ...base.spec, template: { image: "v2", args: ["x"] } } };
    const theirs = { metadata: { labels: { b: "2" } }, spec: { replicas: 5, template: base.spec.template } };
    expect(rebase(base, mine, theirs)).toEqual({
      changes: [
        { path: ["metadata", "labels", "a"], before: "1", value: undefined },
        { path: ["metadata", "labels", "b"], before: undefined, value: "2" },
        { path: ["spec", "replicas"], before: 3, value: 5 },
      ],
      conflicts: [],
    });
  });

  it("has nothing to do when they changed nothing, or the same as me", () => {
    const mine = { ...base, spec: { ...base.spec, replicas: 4 } };
    expect(rebase(base, mine, base)).toEqual({ changes: [], conflicts: [] });
    expect(rebase(base, mine, mine)).toEqual({ changes: [], conflicts: [] });
  });

  it("reports fields we both changed differently, keeping mine", () => {
    const mine = { ...base, spec: { ...base.spec, replicas: 4, template: { image: "v1", args: ["y"] } } };
    const theirs = { ...base, spec: { ...base.spec, replicas: 5, template: { image: "v1", args: ["z"] } } };
    expect(rebase(base, mine, theirs).conflicts).toEqual([
      { path: ["spec", "replicas"], mine: 4, theirs: 5 },
      { path: ["spec", "template", "args"], mine: ["y"], theirs: ["z"] },
    ]);
  });

  it("treats a map I removed but they edited as a conflict", () => {
    const mine = { spec: base.spec };
    const theirs = { ...base, metadata: { labels: { a: "2" } } };
    expect(rebase(base, mine, theirs)).toEqual({ changes: [], conflicts: [{ path: ["metadata"], mine: undefined, theirs: { labels: { a: "2" } } }] });
  });
});
