import { describe, expect, it } from "vitest";
import { compare } from "./compare-fields";

const pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p", labels: { app: "web", tier: "x" } },
  spec: { containers: [{ name: "c", image: "a" }] },
  status: { phase: "Pending" },
};

describe("compare", () => {
  it("finds a new subtree with all its fields, top-level structs not members", () => {
    const change = compare("Pod", undefined, pod);
    expect(change.added.toFieldsV1()).toEqual({
      "f:metadata": { "f:labels": { ".": {}, "f:app": {}, "f:tier": {} } },
      "f:spec": { "f:containers": { ".": {}, 'k:{"name":"c"}': { ".": {}, "f:image": {}, "f:name": {} } } },
      "f:status": { "f:phase": {} },
    });
    expect(change.removed.isEmpty && change.modified.isEmpty).toBe(true);
  });

  it("finds changed leaves, removed fields and list items by their keys", () => {
    const after = {
      ...pod,
      metadata: { name: "p", labels: { app: "api" } },
      spec: { containers: [{ name: "d", image: "a" }] },
      status: { phase: "Running", podIP: "10.0.0.1" },
    };
    const change = compare("Pod", pod, after);
    expect(change.modified.paths()).toEqual([["f:metadata", "f:labels", "f:app"], ["f:status", "f:phase"]]);
    expect(change.removed.paths()).toEqual([
      ["f:metadata", "f:labels", "f:tier"],
      ["f:spec", "f:containers", 'k:{"name":"c"}'],
      ["f:spec", "f:containers", 'k:{"name":"c"}', "f:image"],
      ["f:spec", "f:containers", 'k:{"name":"c"}', "f:name"],
    ]);
    expect(change.added.paths()).toEqual([
      ["f:spec", "f:containers", 'k:{"name":"d"}'],
      ["f:spec", "f:containers", 'k:{"name":"d"}', "f:image"],
      ["f:spec", "f:containers", 'k:{"name":"d"}', "f:name"],
      ["f:status", "f:podIP"],
    ]);
  });

  it("skips a subtree the two objects share", () => {
    const change = compare("Pod", pod, { ...pod, status: { phase: "Running" } });
    expect(change.modified.paths()).toEqual([["f:status", "f:phase"]]);
    expect(change.added.isEmpty && change.removed.isEmpty).toBe(true);
  });
});
