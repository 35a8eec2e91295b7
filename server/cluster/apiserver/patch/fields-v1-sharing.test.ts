import { describe, expect, it } from "vitest";
import { shareFieldsV1 } from "./fields-v1-sharing";

function kubeletTree(ip: string): Record<string, unknown> {
  return {
    "f:status": {
      "f:conditions": { 'k:{"type":"Ready"}': { ".": {}, "f:status": {}, "f:type": {} } },
      "f:podIP": {},
      "f:podIPs": { ".": {}, [`k:{"ip":"${ip}"}`]: { ".": {}, "f:ip": {} } },
    },
  };
}

describe("shareFieldsV1", () => {
  it("keeps the tree's JSON, key order included", () => {
    const tree = { "f:spec": { "f:b": {}, "f:a": { ".": {}, "f:x": {} } }, "f:metadata": { "f:labels": { ".": {}, "f:app": {} } } };
    expect(JSON.stringify(shareFieldsV1(structuredClone(tree)))).toBe(JSON.stringify(tree));
  });

  it("gives equal trees one shared, frozen instance", () => {
    const a = shareFieldsV1(kubeletTree("10.0.0.1"));
    expect(shareFieldsV1(kubeletTree("10.0.0.1"))).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen((a["f:status"] as Record<string, unknown>)["f:conditions"])).toBe(true);
  });

  it("shares the equal subtrees of different trees, and only those", () => {
    const status = (ip: string) => shareFieldsV1(kubeletTree(ip))["f:status"] as Record<string, unknown>;
    const [one, two] = [status("10.0.0.1"), status("10.0.0.2")];
    expect(one).not.toBe(two);
    expect(one["f:conditions"]).toBe(two["f:conditions"]);
    expect(one["f:podIPs"]).not.toBe(two["f:podIPs"]);
  });

  it("writes a member without children as {}", () => {
    expect(JSON.stringify(shareFieldsV1({ "f:a": { ".": {} }, "f:b": { ".": {}, "f:c": {} } }))).toBe('{"f:a":{},"f:b":{".":{},"f:c":{}}}');
  });

  it("returns a tree that is not all maps as it is", () => {
    const odd = { "f:a": { "f:b": "not a map" } };
    expect(shareFieldsV1(odd)).toBe(odd);
    expect(Object.isFrozen(odd)).toBe(false);
  });
});
