import { afterEach, describe, expect, it, vi } from "vitest";
import { lws as lwsView, pod } from "@/lib/dashboard/diagnosis/test-views";
import type { LwsSummaryView, Snapshot } from "@/lib/dashboard/view-models";
import { LwsSummaries, type SummaryHost } from "./lws-summaries";

const EMPTY: Snapshot = { resourceVersion: "1", lws: [], pod: [], statefulset: [], node: [], event: [], pvc: [], summary: [], nodePods: [] };

/** A host holding LWSes `a` and `b` of namespace default, whose snapshot for `a` throws. */
function host(published: Map<string, LwsSummaryView | undefined>): SummaryHost {
  return {
    snapshot: (filter) => {
      if (filter.lws === "a") throw new Error("unreadable");
      return { ...EMPTY, lws: [lwsView({ replicas: 1 }, filter.lws)], pod: [pod(0, 0, { lws: filter.lws })] };
    },
    lwsKeys: () => ["default/a", "default/b"],
    hasLws: (key) => key === "default/a" || key === "default/b",
    publishSummary: (key, summary) => published.set(key, summary),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the overview's summaries", () => {
  it("keep summing up the other LWSes when one cannot be diagnosed", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const published = new Map<string, LwsSummaryView | undefined>();
    const summaries = new LwsSummaries(host(published), { intervalMs: 1, refreshMs: 60_000 });
    summaries.activate();
    summaries.deactivate();
    expect([...published.keys()]).toEqual(["default/b"]);
    expect(error).toHaveBeenCalledWith("[summaries] default/a:", expect.any(Error));
  });

  it("sum up again, once per interval, the LWS a change concerns: by label, by pod, by the name an event is about", () => {
    vi.useFakeTimers();
    const read: string[] = [];
    const base = host(new Map());
    const summaries = new LwsSummaries({ ...base, snapshot: (filter) => (read.push(filter.lws ?? ""), base.snapshot({ ...filter, lws: "b" })) }, { intervalMs: 100, refreshMs: 60_000 });
    summaries.activate();
    read.length = 0;
    summaries.changed("pod", pod(0, 1, { lws: "b" }));
    summaries.changed("event", { namespace: "default", name: "e", uid: "e", resourceVersion: "1", involved: { kind: "Pod", name: "a-0-1" }, reason: "Started", message: "", type: "Normal", count: 1 });
    summaries.changed("event", { namespace: "default", name: "f", uid: "f", resourceVersion: "1", involved: { kind: "Pod", name: "c-0" }, reason: "Started", message: "", type: "Normal", count: 1 });
    expect(read).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(read.sort()).toEqual(["a", "b"]);
    summaries.deactivate();
    summaries.changed("pod", pod(0, 1, { lws: "b" }));
    vi.advanceTimersByTime(100);
    expect(read).toHaveLength(2);
    vi.useRealTimers();
  });
});
