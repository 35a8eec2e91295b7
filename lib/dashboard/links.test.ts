import { describe, expect, it } from "vitest";
import { groupHref, lwsHref } from "./links";
import type { LwsView } from "./view-models";

const lws = { metadata: { namespace: "ml team", name: "vllm" } } as LwsView;

describe("links to an LWS page", () => {
  it("name the page, its tab and its group", () => {
    expect(lwsHref(lws)).toBe("/lws/ml%20team/vllm");
    expect(lwsHref(lws, "diagnosis")).toBe("/lws/ml%20team/vllm?tab=diagnosis");
    expect(groupHref(lws, 3)).toBe("/lws/ml%20team/vllm?group=3");
    expect(groupHref(lws, 3, "diagnosis")).toBe("/lws/ml%20team/vllm?tab=diagnosis&group=3");
  });
});
