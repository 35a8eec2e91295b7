import { describe, expect, it } from "vitest";
import { canonicalJson, fnv32, hashRevision, revisionName } from "./revision-hash";

describe("revision hashing", () => {
  it.each([
    ["", 0x811c9dc5],
    ["a", 0x050c5d7e],
    ["ab", 0x70772d38],
    ["abc", 0x439c2f4b],
  ])("FNV-1 32 of %j is Go's hash/fnv New32 value", (text, expected) => {
    expect(fnv32(new TextEncoder().encode(text))).toBe(expected);
  });

  it("writes JSON with sorted keys, as Go marshals maps", () => {
    expect(canonicalJson({ b: [{ z: 1, a: null }], a: "x", u: undefined })).toBe('{"a":"x","b":[{"a":null,"z":1}]}');
  });

  it("hashes to apimachinery's safe alphabet, independent of key order, and moves with the collision count", () => {
    const hash = hashRevision({ spec: { a: 1, b: 2 } }, 0);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(hashRevision({ spec: { b: 2, a: 1 } }, 0)).toBe(hash);
    expect(hashRevision({ spec: { a: 1, b: 2 } }, 1)).not.toBe(hash);
    expect(hashRevision({ spec: { a: 1, b: 3 } }, 0)).not.toBe(hash);
  });

  it("names a revision <prefix>-<hash>, cutting the prefix to 223 characters", () => {
    expect(revisionName("web", "abc")).toBe("web-abc");
    expect(revisionName("x".repeat(300), "h")).toBe(`${"x".repeat(223)}-h`);
  });
});
