import { describe, expect, it } from "vitest";
import { canonicalFieldsV1 } from "./fields-v1-sharing";

function kubeletTree(ip: string): Record<string, unknown> {
  return {
    "f:status": {
      "f:conditions": { 'k:{"type":"Ready"}': { ".": {}, "f:status": {}, "f:type": {} } },
      "f:podIP": {},
      "f:podIPs": { ".": {}, [`k:{"ip":"${ip}"}`]: { ".": {}, "f:ip": {} } },
    },
  };
}

describe("canonicalFieldsV1", () => {
  it("puts every node's elements in upstream's order, a member's marker first", () => {
    const tree = { "f:spec": { "k:{\"a\":1}": {}, "f:b": {}, "f:a": { "f:x": {}, ".": {} } }, "f:metadata": { "f:labels": { ".": {}, "f:app": {} } } };
    expect(JSON.stringify(canonicalFieldsV1(tree))).toBe('{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:a":{".":{},"f:x":{}},"f:b":{},"k:{\\"a\\":1}":{}}}');
  });

  it("gives equal trees one shared, frozen instance", () => {
    const a = canonicalFieldsV1(kubeletTree("10.0.0.1"));
    expect(canonicalFieldsV1(kubeletTree("10.0.0.1"))).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen((a["f:status"] as Record<string, unknown>)["f:conditions"])).toBe(true);
  });

  it("shares the equal subtrees of different trees, and only those", () => {
    const status = (ip: string) => canonicalFieldsV1(kubeletTree(ip))["f:status"] as Record<string, unknown>;
    const [one, two] = [status("10.0.0.1"), status("10.0.0.2")];
    expect(one).not.toBe(two);
    expect(one["f:conditions"]).toBe(two["f:conditions"]);
    expect(one["f:podIPs"]).not.toBe(two["f:podIPs"]);
  });

  it("writes a member without children as {}", () => {
    expect(JSON.stringify(canonicalFieldsV1({ "f:a": { ".": {} }, "f:b": { ".": {}, "f:c": {} } }))).toBe('{"f:a":{},"f:b":{".":{},"f:c":{}}}');
  });

  it("drops what is not a map, and a root marker (no set holds the empty path)", () => {
    expect(canonicalFieldsV1({ "f:a": { "f:b": "not a map" }, "f:c": {} })).toEqual({ "f:c": {} });
    expect(canonicalFieldsV1({ ".": {} })).toEqual({});
    expect(canonicalFieldsV1("junk")).toEqual({});
  });

  it("keeps sharing, and keeps earlier trees usable, once its table starts again", () => {
    const before = canonicalFieldsV1(kubeletTree("10.9.9.9"));
    for (let i = 0; i < 60_000; i++) canonicalFieldsV1({ [`f:field-${i}`]: {} });
    const again = canonicalFieldsV1(kubeletTree("10.9.9.9"));
    expect(again).toEqual(before);
    expect(canonicalFieldsV1(kubeletTree("10.9.9.9"))).toBe(again);
    expect(canonicalFieldsV1({ "f:status": again["f:status"] })).toBe(again);
  });
});
