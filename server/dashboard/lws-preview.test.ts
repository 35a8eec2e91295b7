import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEADER_WORKER_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS } from "@/lib/lws/constants";
import { INSTANT_SIMULATION, startTestServer, type TestServer } from "@/server/testing/test-server";
import { waitFor } from "@/server/testing/wait-for";
import { previewLws } from "./lws-preview";
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

/** Groups of 2 pods with 8 GPUs each, one rack per group: the default topology has 8 racks of 4 8-GPU nodes. */
function rackLws(name: string, replicas: number, namespace = "default", image = "vllm:1"): KubeObject {
  return {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name, namespace, annotations: { [ANNOTATIONS.exclusiveTopology]: "rack" } },
    spec: { replicas, leaderWorkerTemplate: { size: 2, workerTemplate: { spec: { containers: [{ name: "main", image, resources: { limits: { "nvidia.com/gpu": "8" } } }] } } } },
  };
}

const preview = (manifest: KubeObject) => previewLws(server.cluster.client, hub, manifest);

async function runningOnAllRacks(): Promise<void> {
  await server.cluster.client.create(LEADER_WORKER_SETS, rackLws("racks", 8));
  await waitFor(() => hub.snapshot({ namespace: "default", lws: "racks" }).pod.filter((p) => p.nodeName).length === 16, { what: "16 pods bound", timeoutMs: 20_000 });
}

describe("previewLws on the embedded cluster", () => {
  it("a new LWS: no live object, a create plan, and it fits", async () => {
    const result = await preview(rackLws("fresh", 3));
    expect(result.live).toBeUndefined();
    expect(result.plan).toMatchObject({ kinds: ["create"], summary: ["creates 3 groups × 2 = 6 pods"], podsAfter: 6 });
    expect(result.capacity).toMatchObject({ fits: true, groupsPlaced: 3, domainsUsed: ["rack-a1", "rack-a2", "rack-a3"] });
  });

  it("an edit of a running LWS: the live object without managedFields, a rolling update, and its own pods take no room", async () => {
    await runningOnAllRacks();
    const result = await preview(rackLws("racks", 8, "default", "vllm:2"));
    expect(result.live?.metadata.name).toBe("racks");
    expect(result.live?.metadata.uid).toBeTruthy();
    expect(result.live?.metadata).not.toHaveProperty("managedFields");
    expect(result.plan.summary).toEqual(["template change: workerTemplate", "rolling update of 8 groups (groups 0-7), at most 1 unavailable, no surge"]);
    expect(result.capacity).toMatchObject({ fits: true, groupsPlaced: 8 });
  });

  it("another exclusive LWS in the same namespace falls into the #539 trap; in another namespace it fits", async () => {
    await runningOnAllRacks();
    const trapped = await preview(rackLws("second", 1));
    expect(trapped.capacity).toMatchObject({ fits: false, groupsPlaced: 0 });
    expect(trapped.capacity.reasons.join("\n")).toMatch(/8 racks \(rack-a1, .* and 3 more\) already run pods of other LeaderWorkerSets in namespace default: .*#539/);
    const elsewhere = await preview(rackLws("second", 1, "team-b"));
    expect(elsewhere.capacity).toMatchObject({ fits: true, domainsUsed: ["rack-a1"] });
  });

  it("counts what other pods take: more groups than racks have GPUs for", async () => {
    await runningOnAllRacks();
    // each rack has 32 GPUs, 16 taken by "racks": a group of 4 × 8 GPUs finds no room in any namespace
    const big = rackLws("big", 1, "team-b");
    (big.spec as { leaderWorkerTemplate: { size: number } }).leaderWorkerTemplate.size = 4;
    const result = await preview(big);
    expect(result.capacity.reasons).toEqual([
      "only 0 of 1 group fit",
      "won't fit: needs 1 rack with room for 4 pods, 32 nvidia.com/gpu, none exists; 8 racks too small or too busy (rack-a1, rack-a2, rack-a3, rack-a4, rack-b1 and 3 more)",
    ]);
  });
});
