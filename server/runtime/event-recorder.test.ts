import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EVENTS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { EmbeddedCluster } from "@/server/cluster/embedded-cluster";
import { EventRecorder } from "./event-recorder";

const web: KubeObject = { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "web", namespace: "default", uid: "uid-web" } };

interface RecordedEvent extends KubeObject {
  message: string;
  count: number;
}

let cluster: EmbeddedCluster;
let nowMs: number;

beforeEach(async () => {
  cluster = new EmbeddedCluster({ dbPath: ":memory:" });
  await cluster.start();
  nowMs = Date.parse("2026-11-29T12:00:00Z");
});

afterEach(() => cluster.close());

/** Lets every fire-and-forget write of the recorder reach the store. */
async function drain(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  await cluster.store.durable();
}

async function events(): Promise<RecordedEvent[]> {
  await drain();
  return (await cluster.client.list<RecordedEvent>(EVENTS, { namespace: "default" })).items;
}

describe("EventRecorder", () => {
  it("records a StatefulSet's 100 pod creations as client-go does: 9 events, then one combined event counting the rest of its budget of 25", async () => {
    const recorder = new EventRecorder(cluster.client, "statefulset-controller", () => new Date(nowMs));
    const before = cluster.store.resourceVersion;
    for (let i = 0; i < 100; i++) recorder.event(web, "Normal", "SuccessfulCreate", `create Pod web-${i} in StatefulSet web successful`);
    const recorded = await events();
    expect(recorded.filter((e) => !e.message.startsWith("(combined")).map((e) => e.message)).toHaveLength(9);
    const combined = recorded.filter((e) => e.message.startsWith("(combined from similar events): "));
    expect(combined).toHaveLength(1);
    expect(combined[0].count).toBe(16);
    // Repeats that arrive while the combined event is being written go out together in one write.
    expect(cluster.store.resourceVersion - before).toBe(10);
  });

  it("counts repeats held back by the budget, and writes them with the next event it may write", async () => {
    const recorder = new EventRecorder(cluster.client, "kubelet", () => new Date(nowMs));
    for (let i = 0; i < 40; i++) recorder.event(web, "Warning", "BackOff", "Back-off restarting failed container");
    expect((await events()).map((e) => e.count)).toEqual([25]);
    nowMs += 300_000;
    recorder.event(web, "Warning", "BackOff", "Back-off restarting failed container");
    expect((await events()).map((e) => e.count)).toEqual([41]);
  });

  it("counts a late repeat into the event it remembers, as client-go's event logger does", async () => {
    const recorder = new EventRecorder(cluster.client, "kubelet", () => new Date(nowMs));
    recorder.event(web, "Normal", "Pulled", 'Container image "vllm:1" already present on machine');
    await events();
    nowMs += 30 * 60_000;
    recorder.event(web, "Normal", "Pulled", 'Container image "vllm:1" already present on machine');
    expect((await events()).map((e) => [e.count, e.firstTimestamp, e.lastTimestamp])).toEqual([[2, "2026-11-29T12:00:00Z", "2026-11-29T12:30:00Z"]]);
  });

  it("writes a repeat of an event someone deleted (its TTL ran out) as a new event", async () => {
    const recorder = new EventRecorder(cluster.client, "kubelet", () => new Date(nowMs));
    recorder.event(web, "Warning", "BackOff", "Back-off restarting failed container");
    const [first] = await events();
    await cluster.client.delete(EVENTS, "default", first.metadata.name ?? "");
    recorder.event(web, "Warning", "BackOff", "Back-off restarting failed container");
    const [second, ...more] = await events();
    expect(more).toEqual([]);
    expect(second.metadata.name).not.toBe(first.metadata.name);
    expect(second.count).toBe(2);
  });

  it("writes every event of a component without a spam filter", async () => {
    const recorder = new EventRecorder(cluster.client, "default-scheduler", () => new Date(nowMs), { spamFilter: false });
    for (let i = 0; i < 40; i++) recorder.event(web, "Warning", "FailedScheduling", "0/3 nodes are available: 3 Insufficient nvidia.com/gpu.");
    expect((await events()).map((e) => e.count)).toEqual([40]);
  });
});
