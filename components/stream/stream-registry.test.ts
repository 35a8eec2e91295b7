import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ClusterState } from "@/lib/dashboard/cluster-state";
import type { PodView, Snapshot } from "@/lib/dashboard/view-models";
import { clusterKey } from "./cluster-stream";
import { retainStream } from "./stream-registry";

/** Stands in for the browser's EventSource: records what was opened and lets a test send frames. */
class FakeEventSource {
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = 1;
  onopen?: () => void;
  onerror?: () => void;
  private readonly listeners = new Map<string, (e: MessageEvent<string>) => void>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void): void {
    this.listeners.set(type, listener);
  }
  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
  send(type: string, id: string, data: unknown): void {
    this.listeners.get(type)?.({ data: JSON.stringify(data), lastEventId: id } as MessageEvent<string>);
  }
}

const pod = (name: string, namespace: string): PodView => ({ namespace, name, uid: name, resourceVersion: "1", placementLabels: {}, phase: "Running", status: "Running", ready: true, readyContainers: "1/1", restarts: 0, requests: { cpu: 0, memory: 0, gpu: 0 }, deleting: false, createdAt: "" });
const snapshot = (pods: PodView[]): Snapshot => ({ resourceVersion: "5", lws: [], pod: pods, statefulset: [], node: [], event: [], pvc: [], summary: [], nodePods: [] });

let queryClient: QueryClient;

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal("EventSource", FakeEventSource);
  FakeEventSource.opened = [];
  queryClient = new QueryClient();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the page streams", () => {
  it("open one stream per filter however many components use it, and close it a while after the last lets go", () => {
    const releaseA = retainStream(queryClient, { namespace: "a" });
    const releaseB = retainStream(queryClient, { namespace: "a" });
    expect(FakeEventSource.opened.map((s) => s.url)).toEqual(["/api/stream?namespace=a"]);
    releaseA();
    releaseB();
    vi.advanceTimersByTime(5_000);
    expect(FakeEventSource.opened[0].readyState).not.toBe(FakeEventSource.CLOSED);
    retainStream(queryClient, { namespace: "a" })();
    vi.advanceTimersByTime(10_000);
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(FakeEventSource.opened[0].readyState).toBe(FakeEventSource.CLOSED);
  });

  it("show a narrower page what a wider stream holds until its own snapshot, and resume a closed stream where it stopped", () => {
    retainStream(queryClient, {})();
    FakeEventSource.opened[0].send("snapshot", "5", snapshot([pod("p", "a"), pod("q", "b")]));
    const release = retainStream(queryClient, { namespace: "a" });
    const seeded = queryClient.getQueryData<ClusterState>(clusterKey({ namespace: "a" }));
    expect([...(seeded?.pod.keys() ?? [])]).toEqual(["a/p"]);
    FakeEventSource.opened[1].send("snapshot", "9", snapshot([pod("p", "a"), pod("r", "a")]));
    expect(queryClient.getQueryData<ClusterState>(clusterKey({ namespace: "a" }))?.pod.size).toBe(2);
    release();
    vi.advanceTimersByTime(10_000);
    retainStream(queryClient, { namespace: "a" });
    expect(FakeEventSource.opened[2].url).toBe("/api/stream?namespace=a&lastEventId=9");
  });

  it("show nothing from a wider stream that has closed: its state may be long out of date", () => {
    retainStream(queryClient, {})();
    FakeEventSource.opened[0].send("snapshot", "5", snapshot([pod("p", "a")]));
    vi.advanceTimersByTime(10_000);
    retainStream(queryClient, { namespace: "a" });
    expect(queryClient.getQueryData(clusterKey({ namespace: "a" }))).toBeUndefined();
  });

  it("start over rather than resume when the cache has dropped the state the changes would apply to", () => {
    retainStream(queryClient, { namespace: "a" })();
    FakeEventSource.opened[0].send("snapshot", "9", snapshot([]));
    vi.advanceTimersByTime(10_000);
    queryClient.removeQueries({ queryKey: clusterKey({ namespace: "a" }) });
    retainStream(queryClient, { namespace: "a" });
    expect(FakeEventSource.opened[1].url).toBe("/api/stream?namespace=a");
  });

  it("keep one unused stream open at most, so a walk through pages cannot use up the browser's connections", () => {
    for (const lws of ["a", "b", "c", "d"]) retainStream(queryClient, { namespace: "ns", lws })();
    const open = FakeEventSource.opened.filter((s) => s.readyState !== FakeEventSource.CLOSED);
    expect(open.map((s) => s.url)).toEqual(["/api/stream?namespace=ns&lws=d"]);
  });
});
