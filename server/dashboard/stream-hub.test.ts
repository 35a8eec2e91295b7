import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Snapshot, ViewChange } from "@/lib/dashboard/view-models";
import { CONFIG_MAPS, EVENTS, LEADER_WORKER_SETS, NODES, PODS } from "@/lib/k8s/resources";
import { EVENT_WINDOW } from "@/lib/dashboard/event-window";
import type { KubeObject } from "@/lib/k8s/types";
import { EmbeddedCluster } from "@/server/cluster/embedded-cluster";
import { waitFor } from "@/server/testing/wait-for";
import { StreamHub } from "./stream-hub";

interface Frame {
  event: string;
  id?: string;
  data: unknown;
}

/** A fake browser tab: parses the SSE frames it is sent; can stop reading to play a slow client. */
class Tab {
  frames: Frame[] = [];
  reading = true;
  write = (frame: string): boolean => {
    if (frame.startsWith(":")) return this.reading;
    const lines = Object.fromEntries(frame.trim().split("\n").map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 2)]));
    this.frames.push({ event: lines.event, id: lines.id, data: JSON.parse(lines.data) });
    return this.reading;
  };
  get snapshot(): Snapshot | undefined {
    return this.frames.find((f) => f.event === "snapshot")?.data as Snapshot | undefined;
  }
  changes(): ViewChange[] {
    return this.frames.filter((f) => f.event === "delta").flatMap((f) => (f.data as { changes: ViewChange[] }).changes);
  }
  lastId(): string | undefined {
    return this.frames[this.frames.length - 1]?.id;
  }
}

let cluster: EmbeddedCluster;
let hub: StreamHub;

beforeEach(async () => {
  cluster = new EmbeddedCluster({ dbPath: ":memory:" });
  await cluster.start();
  hub = new StreamHub(cluster.informers, { flushMs: 5, summaryMs: 5 });
  await hub.start();
});
afterEach(() => {
  hub.stop();
  cluster.close();
});

function pod(name: string, namespace = "default", lws = "sample", group = "0"): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, labels: { "leaderworkerset.sigs.k8s.io/name": lws, "leaderworkerset.sigs.k8s.io/group-index": group, "leaderworkerset.sigs.k8s.io/worker-index": "0" } },
    spec: { containers: [{ name: "main", image: "nginx", resources: { requests: { "nvidia.com/gpu": "8" } } }] },
  };
}

async function ensureNamespace(name: string): Promise<void> {
  await cluster.client.create({ ...(await import("@/lib/k8s/resources")).NAMESPACES }, { apiVersion: "v1", kind: "Namespace", metadata: { name } }).catch(() => undefined);
}

describe("the dashboard's stream hub", () => {
  it("sends a snapshot first, then deltas as objects change", async () => {
    await cluster.client.create(PODS, pod("sample-0"));
    await waitFor(() => hub.snapshot({}).pod.length === 1);
    const tab = new Tab();
    const sub = hub.subscribe({}, undefined, tab);
    expect(tab.frames[0].event).toBe("snapshot");
    expect(tab.snapshot?.pod.map((p) => p.name)).toEqual(["sample-0"]);
    expect(tab.snapshot?.pod[0]).toMatchObject({ lws: "sample", groupIndex: 0, workerIndex: 0, status: "Pending", requests: { gpu: 8 } });
    await cluster.client.create(PODS, pod("sample-1", "default", "sample", "1"));
    await cluster.client.delete(PODS, "default", "sample-0");
    await waitFor(() => tab.changes().length >= 2, { what: "two deltas" });
    expect(tab.changes().map((c) => `${c.type} ${c.key}`)).toEqual(["upsert default/sample-1", "delete default/sample-0"]);
    expect(Number(tab.lastId())).toBeGreaterThan(Number(tab.frames[0].id));
    sub.close();
  });

  it("resumes after a disconnect with Last-Event-ID without a gap, and snapshots when the id is unknown", async () => {
    const first = new Tab();
    const sub = hub.subscribe({}, undefined, first);
    await cluster.client.create(PODS, pod("a-0", "default", "a"));
    await waitFor(() => first.changes().length === 1);
    const resumeFrom = first.lastId()!;
    sub.close();
    await cluster.client.create(PODS, pod("a-1", "default", "a", "1"));
    await cluster.client.create(CONFIG_MAPS, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "unrelated", namespace: "default" } });
    await cluster.client.create(PODS, pod("a-2", "default", "a", "2"));
    await waitFor(() => hub.snapshot({}).pod.length === 3);
    const resumed = new Tab();
    hub.subscribe({}, resumeFrom, resumed);
    await waitFor(() => resumed.changes().length === 2, { what: "the two missed changes" });
    expect(resumed.frames.some((f) => f.event === "snapshot")).toBe(false);
    expect(resumed.changes().map((c) => c.key)).toEqual(["default/a-1", "default/a-2"]);
    const stale = new Tab();
    hub.subscribe({}, "123456789", stale);
    expect(stale.frames[0].event).toBe("snapshot");
    expect(stale.snapshot?.pod).toHaveLength(3);
  });

  it("filters by namespace, and by LWS: its events, with the pods of every LWS of its namespace; nodes always included", async () => {
    await ensureNamespace("team");
    const plain: KubeObject = { ...pod("plain", "default"), metadata: { name: "plain", namespace: "default" } };
    const eventAbout = (name: string, involved: string): KubeObject => ({ apiVersion: "v1", kind: "Event", metadata: { name, namespace: "default" }, involvedObject: { kind: "Pod", name: involved, namespace: "default" }, reason: "Started", message: name, type: "Normal" });
    await cluster.client.create(PODS, pod("one-0", "default", "one"));
    await cluster.client.create(PODS, pod("two-0", "default", "two"));
    await cluster.client.create(PODS, pod("one-0", "team", "one"));
    await cluster.client.create(PODS, plain);
    await cluster.client.create(EVENTS, eventAbout("e1", "one-0"));
    await cluster.client.create(EVENTS, eventAbout("e2", "two-0"));
    await waitFor(() => hub.snapshot({}).pod.length === 4 && hub.snapshot({}).event.length === 2);
    expect(hub.snapshot({ namespace: "team" }).pod.map((p) => `${p.namespace}/${p.name}`)).toEqual(["team/one-0"]);
    const tab = new Tab();
    hub.subscribe({ namespace: "default", lws: "one" }, undefined, tab);
    expect(tab.snapshot?.pod.map((p) => p.name).sort()).toEqual(["one-0", "two-0"]);
    expect(tab.snapshot?.event.map((e) => e.name)).toEqual(["e1"]);
    await cluster.client.create(EVENTS, eventAbout("e3", "two-0"));
    await cluster.client.create(PODS, pod("one-1", "default", "one", "1"));
    await cluster.client.delete(PODS, "team", "one-0");
    await waitFor(() => tab.changes().length >= 1);
    await new Promise((r) => setTimeout(r, 30));
    expect(tab.changes().map((c) => c.key)).toEqual(["default/one-1"]);
  });

  it("keeps each node's requested totals as pods are bound, finish and go, and streams them to every scope", async () => {
    await ensureNamespace("team-b");
    await cluster.client.create(NODES, { apiVersion: "v1", kind: "Node", metadata: { name: "n1" }, status: { allocatable: { "nvidia.com/gpu": "16", pods: "110" } } });
    await waitFor(() => hub.snapshot({}).node.length === 1);
    const tab = new Tab();
    hub.subscribe({ namespace: "default" }, undefined, tab);
    expect(tab.snapshot?.node[0].requested).toEqual({ cpu: 0, memory: 0, gpu: 0, pods: 0 });
    const bound = (name: string, namespace: string): KubeObject => ({ ...pod(name, namespace, "b"), spec: { ...(pod(name).spec as object), nodeName: "n1" } });
    await cluster.client.create(PODS, bound("b-0", "team-b"));
    await cluster.client.create(PODS, pod("waiting", "team-b", "b"));
    await cluster.client.create(PODS, bound("a-0", "default"));
    const requested = () => tab.changes().flatMap((c) => (c.kind === "node" && c.type === "upsert" ? [c.object.requested] : [])).at(-1);
    await waitFor(() => requested()?.pods === 2, { what: "both bound pods counted" });
    expect(requested()).toMatchObject({ gpu: 16, pods: 2 });
    expect(tab.changes().filter((c) => c.kind === "pod").map((c) => c.key)).toEqual(["default/a-0"]);
    await cluster.client.patchStatus(PODS, "team-b", "b-0", { type: "merge", body: { status: { phase: "Succeeded" } } });
    await waitFor(() => requested()?.pods === 1, { what: "the finished pod gives its room back" });
    // Bound pods end gracefully, and a terminating pod still holds its room (no kubelet here confirms it).
    await cluster.client.delete(PODS, "default", "a-0", { gracePeriodSeconds: 0 });
    await waitFor(() => requested()?.pods === 0, { what: "the deleted pod gives its room back" });
    expect(hub.snapshot({}).node[0].requested).toEqual({ cpu: 0, memory: 0, gpu: 0, pods: 0 });
    // Pod counts go to the filters that ask for them, in place of pods.
    await cluster.client.create(PODS, bound("c-0", "default"));
    await waitFor(() => hub.snapshot({ podCounts: true }).nodePods.length === 1);
    const counts = hub.snapshot({ podCounts: true });
    // b-0 finished but is still on the node, as the rack map draws it.
    expect(counts.nodePods).toEqual([{ name: "n1", counts: { starting: 2 } }]);
    expect(counts.pod).toEqual([]);
    expect(hub.snapshot({}).nodePods).toEqual([]);
    expect(tab.changes().some((c) => c.kind === "nodePods")).toBe(false);
  });

  it("sends an overview each LWS's summary in place of its pods, and the summary again only when it changes", async () => {
    const lws: KubeObject = { apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", metadata: { name: "sample", namespace: "default" }, spec: { replicas: 2, leaderWorkerTemplate: { size: 1, workerTemplate: { spec: { containers: [{ name: "main", image: "nginx" }] } } } } };
    await cluster.client.create(LEADER_WORKER_SETS, lws);
    await cluster.client.create(PODS, pod("sample-0"));
    await waitFor(() => hub.snapshot({}).pod.length === 1 && hub.snapshot({}).lws.length === 1);
    const overview = new Tab();
    const subscription = hub.subscribe({ overview: true }, undefined, overview);
    expect(overview.snapshot?.pod).toEqual([]);
    expect(overview.snapshot?.summary).toEqual([expect.objectContaining({ name: "sample", groups: [expect.objectContaining({ index: 0, health: "pending" }), expect.objectContaining({ index: 1, health: "missing" })], restarts: 0 })]);
    const summaries = () => overview.changes().filter((c) => c.kind === "summary");
    await cluster.client.create(PODS, pod("sample-1", "default", "sample", "1"));
    await waitFor(() => summaries().length === 1, { what: "the summary with group 1's pod" });
    const [change] = summaries();
    expect(change.type === "upsert" && change.object.groups.map((g) => g.health)).toEqual(["pending", "pending"]);
    await cluster.client.patch(PODS, "default", "sample-1", { type: "merge", body: { metadata: { labels: { unrelated: "x" } } } });
    await new Promise((r) => setTimeout(r, 50));
    expect(summaries()).toHaveLength(1);
    expect(overview.changes().some((c) => c.kind === "pod")).toBe(false);
    subscription.close();
    await cluster.client.delete(LEADER_WORKER_SETS, "default", "sample");
    await waitFor(() => hub.snapshot({}).lws.length === 0);
    const next = new Tab();
    hub.subscribe({ overview: true }, undefined, next);
    expect(next.snapshot?.summary).toEqual([]);
  });

  it("coalesces for a slow client without holding up others, then catches it up", async () => {
    await cluster.client.create(PODS, pod("s-0", "default", "s"));
    await waitFor(() => hub.snapshot({}).pod.length === 1);
    const slow = new Tab();
    const fast = new Tab();
    const slowSub = hub.subscribe({}, undefined, slow);
    hub.subscribe({}, undefined, fast);
    slow.reading = false;
    await cluster.client.create(PODS, pod("s-1", "default", "s", "1"));
    await waitFor(() => slow.changes().length === 1 && fast.changes().length === 1);
    // The slow tab stopped reading: every change of the same pod collapses into one view.
    let latestVersion = "";
    for (let i = 0; i < 20; i++) {
      const patched = await cluster.client.patch(PODS, "default", "s-1", { type: "merge", body: { metadata: { labels: { step: String(i) } } } });
      latestVersion = patched.metadata.resourceVersion ?? "";
    }
    const lastVersion = (tab: Tab) => {
      const last = tab.changes().at(-1);
      return last?.type === "upsert" && last.kind === "pod" ? last.object.resourceVersion : undefined;
    };
    await waitFor(() => lastVersion(fast) === latestVersion, { what: "the fast tab sees the latest change" });
    expect(slow.changes()).toHaveLength(1);
    slow.reading = true;
    slowSub.resume();
    await waitFor(() => slow.changes().length === 2, { what: "the slow tab catches up in one delta" });
    const latest = slow.changes()[1];
    expect(latest.type === "upsert" && latest.object).toMatchObject({ resourceVersion: latestVersion });
  });

  it("sends a browser at most the event window: warnings kept, then the newest", async () => {
    const event = (name: string, type: string): KubeObject => ({ apiVersion: "v1", kind: "Event", metadata: { name, namespace: "default" }, involvedObject: { kind: "Pod", name: "p", namespace: "default" }, reason: type === "Warning" ? "BackOff" : "Started", message: name, type, count: 1, lastTimestamp: "2026-01-01T00:00:00Z" });
    await cluster.client.create(EVENTS, event("warning", "Warning"));
    for (let i = 0; i < EVENT_WINDOW + 20; i++) await cluster.client.create(EVENTS, event(`routine-${i}`, "Normal"));
    await waitFor(() => hub.snapshot({}).event.length === EVENT_WINDOW + 21);
    const tab = new Tab();
    hub.subscribe({}, undefined, tab);
    expect(tab.snapshot?.event).toHaveLength(EVENT_WINDOW);
    expect(tab.snapshot?.event.some((e) => e.name === "warning")).toBe(true);
  });
});
