import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diagnose } from "@/lib/dashboard/diagnosis";
import { LEADER_WORKER_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { INSTANT_SIMULATION, startTestServer, type TestServer } from "@/server/testing/test-server";
import { waitFor } from "@/server/testing/wait-for";
import { StreamHub } from "./stream-hub";

let server: TestServer;
let hub: StreamHub;
beforeEach(async () => {
  server = await startTestServer({ lws: "controller", simulation: INSTANT_SIMULATION });
  hub = new StreamHub(server.cluster.informers);
  await hub.start();
});
afterEach(async () => {
  hub.stop();
  await server.close();
});

function lws(name: string, replicas: number, gpus: string, annotations: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name, namespace: "default", annotations },
    spec: { replicas, leaderWorkerTemplate: { size: 2, workerTemplate: { spec: { containers: [{ name: "main", image: "vllm:1", resources: { limits: { "nvidia.com/gpu": gpus } } }] } } } },
  };
}

function diagnosisOf(name: string) {
  const snapshot = hub.snapshot({ namespace: "default" });
  const target = snapshot.lws.find((l) => l.metadata.name === name)!;
  return diagnose({ lws: target, pods: snapshot.pod, statefulSets: snapshot.statefulset, nodes: new Map(snapshot.node.map((n) => [`/${n.name}`, n])), events: snapshot.event });
}

describe("diagnosis of groups on the embedded cluster", () => {
  it("raises no alarm for a healthy LWS", async () => {
    await server.cluster.client.create(LEADER_WORKER_SETS, lws("fine", 2, "1"));
    const result = await waitFor(() => {
      const d = diagnosisOf("fine");
      return d.length === 2 && d.every((g) => g.verdict === "healthy") ? d : undefined;
    }, { what: "two healthy groups" });
    expect(result.flatMap((g) => g.causes)).toEqual([]);
  });

  it("explains a group that cannot get a rack of its own under exclusive placement", async () => {
    // 8 racks in the default topology: the ninth group has nowhere to go.
    await server.cluster.client.create(LEADER_WORKER_SETS, lws("racks", 9, "1", { "leaderworkerset.sigs.k8s.io/exclusive-topology": "rack" }));
    const stuck = await waitFor(() => diagnosisOf("racks").find((g) => g.verdict === "stuck" && g.causes.some((c) => /anti-affinity/.test(c.summary))), { what: "a stuck group", timeoutMs: 20_000 });
    expect(stuck.causes[0].summary).toMatch(/cannot be scheduled: 0\/32 nodes are available: .*anti-affinity/);
    expect(stuck.causes[0].suggestion).toContain("exclusive-topology \"rack\"");
    await waitFor(() => diagnosisOf("racks").filter((g) => g.verdict === "healthy").length === 8, { what: "the other 8 groups healthy" });
  });

  it("explains GPUs that no node has", async () => {
    await server.cluster.client.create(LEADER_WORKER_SETS, lws("greedy", 1, "16"));
    const stuck = await waitFor(() => diagnosisOf("greedy").find((g) => g.causes.some((c) => /Insufficient/.test(c.summary))), { what: "a stuck group" });
    expect(stuck.verdict).toBe("stuck");
    expect(stuck.causes[0].summary).toMatch(/Insufficient nvidia\.com\/gpu/);
    expect(stuck.causes[0].suggestion).toMatch(/capacity/);
  });
});
