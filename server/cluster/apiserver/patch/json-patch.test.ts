import { describe, it, expect } from "vitest";
import { ApiError } from "@/lib/k8s/api-errors";
import { applyJsonPatch } from "./json-patch";

function failure(run: () => unknown): ApiError {
  try {
    run();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected an ApiError");
}

describe("applyJsonPatch", () => {
  // RFC 6902 appendix A, the examples that succeed
  const rfcExamples: Array<[string, unknown, unknown[], unknown]> = [
    ["A.1 add an object member", { foo: "bar" }, [{ op: "add", path: "/baz", value: "qux" }], { baz: "qux", foo: "bar" }],
    ["A.2 add an array element", { foo: ["bar", "baz"] }, [{ op: "add", path: "/foo/1", value: "qux" }], { foo: ["bar", "qux", "baz"] }],
    ["A.3 remove an object member", { baz: "qux", foo: "bar" }, [{ op: "remove", path: "/baz" }], { foo: "bar" }],
    ["A.4 remove an array element", { foo: ["bar", "qux", "baz"] }, [{ op: "remove", path: "/foo/1" }], { foo: ["bar", "baz"] }],
    ["A.5 replace a value", { baz: "qux", foo: "bar" }, [{ op: "replace", path: "/baz", value: "boo" }], { baz: "boo", foo: "bar" }],
    [
      "A.6 move a value",
      { foo: { bar: "baz", waldo: "fred" }, qux: { corge: "grault" } },
      [{ op: "move", from: "/foo/waldo", path: "/qux/thud" }],
      { foo: { bar: "baz" }, qux: { corge: "grault", thud: "fred" } },
    ],
    ["A.7 move an array element", { foo: ["all", "grass", "cows", "eat"] }, [{ op: "move", from: "/foo/1", path: "/foo/3" }], { foo: ["all", "cows", "eat", "grass"] }],
    [
      "A.8 test a value",
      { baz: "qux", foo: ["a", 2, "c"] },
      [{ op: "test", path: "/baz", value: "qux" }, { op: "test", path: "/foo/1", value: 2 }],
      { baz: "qux", foo: ["a", 2, "c"] },
    ],
    ["A.10 add a nested member object", { foo: "bar" }, [{ op: "add", path: "/child", value: { grandchild: {} } }], { foo: "bar", child: { grandchild: {} } }],
    ["A.11 ignore unrecognized elements", { foo: "bar" }, [{ op: "add", path: "/baz", value: "qux", xyz: 123 }], { foo: "bar", baz: "qux" }],
    ["A.14 ~ escape ordering", { "/": 9, "~1": 10 }, [{ op: "test", path: "/~01", value: 10 }], { "/": 9, "~1": 10 }],
    ["A.16 add an array value", { foo: ["bar"] }, [{ op: "add", path: "/foo/-", value: ["abc", "def"] }], { foo: ["bar", ["abc", "def"]] }],
    ["~1 names a slash", { "a/b": 1 }, [{ op: "replace", path: "/a~1b", value: 2 }], { "a/b": 2 }],
    ["copy", { a: { b: [1] } }, [{ op: "copy", from: "/a", path: "/c" }], { a: { b: [1] }, c: { b: [1] } }],
    ["add at the end by index", { a: [1] }, [{ op: "add", path: "/a/1", value: 2 }], { a: [1, 2] }],
    ["add replaces an existing member", { a: 1 }, [{ op: "add", path: "/a", value: 2 }], { a: 2 }],
    ["replace the whole document", { a: 1 }, [{ op: "replace", path: "", value: [1] }], [1]],
    ["test compares deeply", { a: { b: [1, { c: null }] } }, [{ op: "test", path: "/a", value: { b: [1, { c: null }] } }], { a: { b: [1, { c: null }] } }],
    ["add a null value", { a: 1 }, [{ op: "add", path: "/b", value: null }], { a: 1, b: null }],
  ];

  it.each(rfcExamples)("%s", (_name, doc, patch, expected) => {
    expect(applyJsonPatch(doc, patch)).toEqual(expected);
  });

  it("applies what client-node sends to scale and label", () => {
    const doc = { metadata: { labels: { a: "1" } }, spec: { replicas: 1 } };
    const patch = [
      { op: "replace", path: "/spec/replicas", value: 4 },
      { op: "add", path: "/metadata/labels/example.com~1tier", value: "web" },
    ];
    expect(applyJsonPatch(doc, patch)).toEqual({ metadata: { labels: { a: "1", "example.com/tier": "web" } }, spec: { replicas: 4 } });
  });

  // Operations that parse but cannot be applied: 422 Invalid, the message naming the op and path.
  const notApplicable: Array<[string, unknown, unknown[], string]> = [
    ["A.9 failed test", { baz: "qux" }, [{ op: "test", path: "/baz", value: "bar" }], 'test operation does not apply: value at "/baz"'],
    ["A.12 add to a nonexistent target", { foo: "bar" }, [{ op: "add", path: "/baz/bat", value: "qux" }], 'add operation does not apply: the document is missing path "/baz/bat"'],
    ["A.15 strings and numbers differ", { "/": 9, "~1": 10 }, [{ op: "test", path: "/~01", value: "10" }], 'test operation does not apply: value at "/~01"'],
    ["remove a missing member", { a: 1 }, [{ op: "remove", path: "/b" }], 'remove operation does not apply: the document is missing path "/b"'],
    ["replace a missing member", { a: 1 }, [{ op: "replace", path: "/b", value: 1 }], 'replace operation does not apply: the document is missing path "/b"'],
    ["remove past the end", { a: [1] }, [{ op: "remove", path: "/a/1" }], 'missing path "/a/1"'],
    ["add beyond the end", { a: [1] }, [{ op: "add", path: "/a/3", value: 1 }], 'missing path "/a/3"'],
    ["index with a leading zero", { a: [1, 2] }, [{ op: "remove", path: "/a/01" }], 'missing path "/a/01"'],
    ["move from a missing path", { a: 1 }, [{ op: "move", from: "/b", path: "/c" }], 'move operation does not apply: the document is missing path "/b" or "/c"'],
    ["move into itself", { a: { b: 1 } }, [{ op: "move", from: "/a", path: "/a/b/c" }], 'cannot move "/a" into itself'],
    ["remove the whole document", { a: 1 }, [{ op: "remove", path: "" }], "cannot remove the whole document"],
  ];

  it.each(notApplicable)("%s → 422", (_name, doc, patch, message) => {
    const err = failure(() => applyJsonPatch(doc, patch));
    expect(err.code).toBe(422);
    expect(err.reason).toBe("Invalid");
    expect(err.message).toContain(message);
  });

  const malformed: Array<[string, unknown]> = [
    ["not an array", { op: "add", path: "/a", value: 1 }],
    ["an operation that is not an object", ["add"]],
    ["an unknown op", [{ op: "upsert", path: "/a", value: 1 }]],
    ["a missing op", [{ path: "/a", value: 1 }]],
    ["a missing path", [{ op: "remove" }]],
    ["a missing value", [{ op: "add", path: "/a" }]],
    ["a missing from", [{ op: "copy", path: "/a" }]],
    ["a path without a leading slash", [{ op: "add", path: "a", value: 1 }]],
  ];

  it.each(malformed)("%s → 400", (_name, patch) => {
    const err = failure(() => applyJsonPatch({ a: 1 }, patch));
    expect(err.code).toBe(400);
    expect(err.reason).toBe("BadRequest");
  });

  it("applies operations in order and fails atomically from the caller's view", () => {
    const doc = { a: 1 };
    expect(() => applyJsonPatch(doc, [{ op: "remove", path: "/a" }, { op: "test", path: "/a", value: 1 }])).toThrow(ApiError);
    expect(doc).toEqual({ a: 1 });
  });

  it("neither changes its inputs nor shares structure with them", () => {
    const doc = { list: [{ x: 1 }], obj: { y: [2] } };
    const value = { z: [3] };
    const patch = [
      { op: "add", path: "/list/-", value },
      { op: "remove", path: "/obj/y/0" },
      { op: "copy", from: "/list/0", path: "/copied" },
    ];
    const before = structuredClone({ doc, patch });
    const result = applyJsonPatch(doc, patch) as { list: Array<{ z?: number[]; x?: number }>; copied: { x: number } };
    expect({ doc, patch }).toEqual(before);
    result.list[1].z?.push(4);
    result.copied.x = 5;
    expect({ doc, patch }).toEqual(before);
  });
});
