import { describe, expect, it } from "vitest";
import { covers, filterName, streamUrl } from "./stream-filter";

describe("stream filters", () => {
  it("name a stream by its fields, whatever object holds them", () => {
    expect(filterName({})).toBe("/");
    expect(filterName({ namespace: "team-a" })).toBe(filterName({ namespace: "team-a", lws: undefined }));
    expect(filterName({ namespace: "team-a", lws: "llm" })).toBe("team-a/llm");
    expect(filterName({ overview: true })).not.toBe(filterName({}));
  });

  it.each([
    [{}, { namespace: "a" }, true],
    [{ namespace: "a" }, { namespace: "a", lws: "llm" }, true],
    [{ namespace: "a" }, {}, false],
    [{ namespace: "a" }, { namespace: "b" }, false],
    [{ namespace: "a", lws: "llm" }, { namespace: "a" }, false],
    [{}, { overview: true }, false],
    [{ overview: true }, {}, false],
    [{ overview: true }, { overview: true, namespace: "a" }, true],
    [{}, { podCounts: true }, false],
  ])("%o covers %o: %s", (outer, inner, expected) => {
    expect(covers(outer, inner)).toBe(expected);
  });

  it("ask /api/stream for the filter, resuming after an id", () => {
    expect(streamUrl({})).toBe("/api/stream");
    expect(streamUrl({ namespace: "team a" }, "42")).toBe("/api/stream?namespace=team+a&lastEventId=42");
    expect(streamUrl({ namespace: "a", lws: "llm" })).toBe("/api/stream?namespace=a&lws=llm");
    expect(streamUrl({ overview: true })).toBe("/api/stream?overview=1");
    expect(streamUrl({ podCounts: true })).toBe("/api/stream?podCounts=1");
  });
});
