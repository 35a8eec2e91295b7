import { describe, expect, it } from "vitest";
import { WatchHistory, type StoreEvent } from "./watch-history";

const event = (rv: number): StoreEvent => ({ type: "MODIFIED", resource: "pods", rv, object: { apiVersion: "v1", kind: "Pod", metadata: { name: `p${rv}` } }, json: "{}" });

function historyOf(capacity: number, rvs: number[], startRV = 0): WatchHistory {
  const history = new WatchHistory(capacity, startRV);
  for (const rv of rvs) history.append(event(rv));
  return history;
}

const rvsOf = (events: StoreEvent[] | undefined) => events?.map((e) => e.rv);

describe("the watch history", () => {
  it("returns the events after a resourceVersion, in order, across the ring's wrap", () => {
    const history = historyOf(4, [3, 5, 8, 9, 12, 15]);
    expect(rvsOf(history.since(9))).toEqual([12, 15]);
    expect(rvsOf(history.since(10))).toEqual([12, 15]);
    expect(rvsOf(history.since(15))).toEqual([]);
    expect(rvsOf(history.since(5))).toEqual([8, 9, 12, 15]);
  });

  it("compacts what falls out of it: a watch from before must relist", () => {
    const history = historyOf(4, [3, 5, 8, 9, 12, 15]);
    expect(history.oldestResumableRV()).toBe(5);
    expect(history.since(4)).toBeUndefined();
  });

  it("resumes from its start before anything is compacted", () => {
    const history = historyOf(10, [3, 5], 2);
    expect(rvsOf(history.since(2))).toEqual([3, 5]);
    expect(history.since(1)).toBeUndefined();
  });

  it("with no room keeps nothing and compacts every event", () => {
    const history = historyOf(0, [3, 5]);
    expect(history.since(4)).toBeUndefined();
    expect(rvsOf(history.since(5))).toEqual([]);
  });
});
