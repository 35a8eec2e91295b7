import { describe, expect, it } from "vitest";
import { FieldSet } from "./field-set";
import { fromObject } from "./owned-fields";
import { pathString, type FieldPath } from "./path-element";

const pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "p",
    namespace: "default",
    uid: "u1",
    resourceVersion: "7",
    labels: { app: "web" },
    annotations: {},
    finalizers: ["a", "b"],
  },
  spec: {
    containers: [
      { name: "c", image: "busybox", args: ["sleep", "1"], env: [{ name: "A", value: "1" }] },
      { name: "d", image: "nginx" },
    ],
    tolerations: [{ key: "k" }],
  },
};

describe("fromObject", () => {
  it("lists scalars, atomic lists, empty maps and list items, and skips server-owned metadata", () => {
    expect(fromObject("Pod", pod).toFieldsV1()).toEqual({
      "f:metadata": {
        "f:annotations": {},
        "f:finalizers": { 'v:"a"': {}, 'v:"b"': {} },
        "f:labels": { "f:app": {} },
      },
      "f:spec": {
        "f:containers": {
          'k:{"name":"c"}': {
            ".": {},
            "f:args": {},
            "f:env": { 'k:{"name":"A"}': { ".": {}, "f:name": {}, "f:value": {} } },
            "f:image": {},
            "f:name": {},
          },
          'k:{"name":"d"}': { ".": {}, "f:image": {}, "f:name": {} },
        },
        "f:tolerations": {},
      },
    });
  });

  it("treats a merge list whose items repeat a key as atomic", () => {
    const obj = { spec: { containers: [{ name: "c" }, { name: "c" }] } };
    expect(fromObject("Pod", obj).paths()).toEqual([["f:spec", "f:containers"]]);
  });

  it("owns nothing for an empty granular list, as upstream", () => {
    expect(fromObject("Pod", { spec: { containers: [] } }).isEmpty).toBe(true);
  });
});

describe("fieldsV1", () => {
  it("round-trips upstream's format", () => {
    const fieldsV1 = {
      "f:metadata": { "f:labels": { ".": {}, "f:app": {} } },
      "f:spec": {
        "f:containers": { 'k:{"name":"c"}': { ".": {}, "f:image": {} } },
        "f:replicas": {},
      },
    };
    const set = FieldSet.fromFieldsV1(fieldsV1);
    expect(set.paths()).toEqual([
      ["f:metadata", "f:labels"],
      ["f:metadata", "f:labels", "f:app"],
      ["f:spec", "f:containers", 'k:{"name":"c"}'],
      ["f:spec", "f:containers", 'k:{"name":"c"}', "f:image"],
      ["f:spec", "f:replicas"],
    ]);
    expect(set.toFieldsV1()).toEqual(fieldsV1);
    expect(JSON.stringify(set.toFieldsV1())).toBe(JSON.stringify(fieldsV1));
  });

  it("reads nothing from malformed input", () => {
    expect(FieldSet.fromFieldsV1(undefined).isEmpty).toBe(true);
    expect(FieldSet.fromFieldsV1({ "f:spec": "x" }).isEmpty).toBe(true);
  });
});

describe("set operations", () => {
  const a: FieldPath = ["f:spec", "f:replicas"];
  const b: FieldPath = ["f:spec", "f:paused"];
  const c: FieldPath = ["f:metadata", "f:labels", "f:x"];
  const left = FieldSet.of([a, b]);
  const right = FieldSet.of([b, c]);

  it.each([
    ["union", left.union(right), [c, b, a]],
    ["difference", left.difference(right), [a]],
    ["intersection", left.intersection(right), [b]],
    ["withAncestors", FieldSet.of([c]).withAncestors(), [["f:metadata"], ["f:metadata", "f:labels"], c]],
  ])("%s", (_name, set, expected) => {
    expect(set.paths()).toEqual(expected);
  });

  it("does not treat a parent as a member of its child's set", () => {
    expect(FieldSet.of([c]).has(["f:metadata"])).toBe(false);
    expect(FieldSet.of([["f:metadata"]]).difference(FieldSet.of([c])).isEmpty).toBe(false);
  });
});

describe("pathString", () => {
  it.each<[FieldPath, string]>([
    [["f:spec", "f:replicas"], ".spec.replicas"],
    [["f:spec", "f:containers", 'k:{"name":"c"}', "f:image"], '.spec.containers[name="c"].image'],
    [["f:spec", "f:ports", 'k:{"protocol":"TCP","containerPort":80}'], '.spec.ports[containerPort=80,protocol="TCP"]'],
    [["f:metadata", "f:finalizers", 'v:"a"'], '.metadata.finalizers[="a"]'],
  ])("%j → %s", (path, text) => {
    expect(pathString(path)).toBe(text);
  });
});
