import { afterEach, describe, expect, it } from "vitest";
import { EVENTS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { EmbeddedCluster } from "../embedded-cluster";
import { EventTtl } from "./event-ttl";

let cluster: EmbeddedCluster;
let ttl: EventTtl | undefined;
afterEach(() => {
  ttl?.stop();
  cluster.close();
});

const HOUR = 3_600_000;

function event(name: string, lastTimestamp = "2026-01-01T00:00:00Z"): KubeObject {
  return { apiVersion: "v1", kind: "Event", metadata: { name, namespace: "default" }, involvedObject: { kind: "Pod", name: "p", namespace: "default" }, reason: "Started", message: name, type: "Normal", count: 1, lastTimestamp };
}

const names = async () => (await cluster.client.list(EVENTS, { namespace: "default" })).items.map((e) => e.metadata.name).sort();

async function startCluster(): Promise<void> {
  cluster = new EmbeddedCluster({ dbPath: ":memory:" });
  await cluster.start();
}

describe("the event TTL (kube-apiserver's --event-ttl)", () => {
  it("deletes an event its TTL after its last write; writing it again renews it", async () => {
    await startCluster();
    let now = 0;
    ttl = new EventTtl(cluster.registry, { ttlMs: 1000, clock: () => now, sweepMs: HOUR });
    ttl.start();
    await cluster.client.create(EVENTS, event("once"));
    await cluster.client.create(EVENTS, event("again"));
    now = 600;
    await cluster.client.patch(EVENTS, "default", "again", { type: "merge", body: { count: 2 } });
    now = 1100;
    await ttl.sweep();
    expect(await names()).toEqual(["again"]);
    now = 1700;
    await ttl.sweep();
    expect(await names()).toEqual([]);
  });

  it("gives events kept across a restart the rest of their TTL from their last timestamp", async () => {
    await startCluster();
    const now = Date.parse("2026-01-01T02:00:00Z");
    await cluster.client.create(EVENTS, event("old", "2026-01-01T00:30:00Z"));
    await cluster.client.create(EVENTS, event("recent", "2026-01-01T01:50:00Z"));
    ttl = new EventTtl(cluster.registry, { ttlMs: HOUR, clock: () => now, sweepMs: HOUR });
    ttl.start();
    await ttl.sweep();
    expect(await names()).toEqual(["recent"]);
  });
});
