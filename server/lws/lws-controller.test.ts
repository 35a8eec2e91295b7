import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONTROLLER_REVISIONS, LEADER_WORKER_SETS, PODS, SERVICES, STATEFUL_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { INSTANT_SIMULATION, startTestServer, type TestServer } from "@/server/testing/test-server";
import { waitFor } from "@/server/testing/wait-for";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ lws: "controller", simulation: INSTANT_SIMULATION });
});
afterEach(() => server.close());

const client = () => server.cluster.client;

function lws(name: string, spec: Record<string, unknown> = {}, image = "nginx:1"): KubeObject {
  return {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name, namespace: "default" },
    spec: { replicas: 2, leaderWorkerTemplate: { size: 3, workerTemplate: { spec: { containers: [{ name: "main", image }] } } }, ...spec },
  };
}

/** The LWS's own ControllerRevisions (StatefulSets keep theirs too, labelled from their templates). */
const lwsRevisions = async () => (await client().list(CONTROLLER_REVISIONS, { namespace: "default" })).items.filter((r) => r.metadata.ownerReferences?.[0]?.kind === "LeaderWorkerSet");
const pods = async (name: string) => (await client().list(PODS, { namespace: "default", labelSelector: `leaderworkerset.sigs.k8s.io/name=${name}` })).items;
const status = async (name: string) => (await client().get(LEADER_WORKER_SETS, "default", name)).status as Record<string, unknown>;

async function allReady(name: string, count: number): Promise<KubeObject[]> {
  return waitFor(async () => {
    const list = await pods(name);
    const ready = list.filter((p) => !p.metadata.deletionTimestamp && ((p.status as { conditions?: Array<{ type: string; status: string }> }).conditions ?? []).some((c) => c.type === "Ready" && c.status === "True"));
    return ready.length === count && list.length === count ? list : undefined;
  }, { what: `${count} ready pods of ${name}`, timeoutMs: 15_000 });
}

describe("the LeaderWorkerSet controller", () => {
  it("creates revision, leader StatefulSet, worker StatefulSets and the shared Service, and reports status", async () => {
    await client().create(LEADER_WORKER_SETS, lws("x"));
    await allReady("x", 6);
    const leader = await client().get(STATEFUL_SETS, "default", "x");
    expect(leader.spec).toMatchObject({ replicas: 2, podManagementPolicy: "Parallel", selector: { matchLabels: { "leaderworkerset.sigs.k8s.io/name": "x", "leaderworkerset.sigs.k8s.io/worker-index": "0" } } });
    const worker = await client().get(STATEFUL_SETS, "default", "x-1");
    expect(worker.spec).toMatchObject({ replicas: 2, ordinals: { start: 1 } });
    expect(worker.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Pod", name: "x-1", controller: true });
    expect((await client().get(SERVICES, "default", "x")).spec).toMatchObject({ clusterIP: "None", publishNotReadyAddresses: true });
    const done = await waitFor(async () => ((await status("x")).readyReplicas === 2 ? status("x") : undefined));
    expect(done).toMatchObject({ replicas: 2, readyReplicas: 2, updatedReplicas: 2, hpaPodSelector: "leaderworkerset.sigs.k8s.io/name=x,leaderworkerset.sigs.k8s.io/worker-index=0", observedGeneration: 1 });
    const conditions = done.conditions as Array<{ type: string; status: string }>;
    expect(conditions.find((c) => c.type === "Available")?.status).toBe("True");
    expect(await lwsRevisions()).toHaveLength(1);
  });

  it("rolls groups to a new template one at a time and truncates old revisions", async () => {
    await client().create(LEADER_WORKER_SETS, lws("roll", { replicas: 3 }));
    await allReady("roll", 9);
    await waitFor(async () => (await status("roll")).readyReplicas === 3);
    const current = await client().get(LEADER_WORKER_SETS, "default", "roll");
    await client().update(LEADER_WORKER_SETS, { ...current, spec: { ...(current.spec as object), leaderWorkerTemplate: { size: 3, workerTemplate: { spec: { containers: [{ name: "main", image: "nginx:2" }] } } } } });
    const images = async () => new Set((await pods("roll")).map((p) => (p.spec as { containers: Array<{ image: string }> }).containers[0].image));
    await waitFor(async () => {
      const set = await images();
      return set.size === 1 && set.has("nginx:2") && (await status("roll")).updatedReplicas === 3 && (await status("roll")).readyReplicas === 3;
    }, { what: "every group on nginx:2", timeoutMs: 20_000 });
    await waitFor(async () => (await lwsRevisions()).length === 1, { what: "revision truncation" });
  });

  it("recreates the whole group when a worker is deleted (RecreateGroupOnPodRestart)", async () => {
    await client().create(LEADER_WORKER_SETS, lws("recreate"));
    const before = await allReady("recreate", 6);
    await client().delete(PODS, "default", "recreate-1-1");
    const after = await waitFor(async () => {
      const list = await allReady("recreate", 6);
      const uid = (name: string) => list.find((p) => p.metadata.name === name)?.metadata.uid;
      const old = (name: string) => before.find((p) => p.metadata.name === name)?.metadata.uid;
      return uid("recreate-1") !== old("recreate-1") && uid("recreate-1-2") !== old("recreate-1-2") ? list : undefined;
    }, { what: "group 1 recreated", timeoutMs: 15_000 });
    const uid = (list: KubeObject[], name: string) => list.find((p) => p.metadata.name === name)?.metadata.uid;
    expect(uid(after, "recreate-0")).toBe(uid(before, "recreate-0"));
  });

  it("replaces only the deleted worker with restartPolicy None", async () => {
    await client().create(LEADER_WORKER_SETS, lws("solo", { leaderWorkerTemplate: { size: 3, restartPolicy: "None", workerTemplate: { spec: { containers: [{ name: "main", image: "nginx:1" }] } } } }));
    const before = await allReady("solo", 6);
    await client().delete(PODS, "default", "solo-1-1");
    const after = await waitFor(async () => {
      const list = await allReady("solo", 6);
      return list.find((p) => p.metadata.name === "solo-1-1")?.metadata.uid !== before.find((p) => p.metadata.name === "solo-1-1")?.metadata.uid ? list : undefined;
    }, { what: "solo-1-1 replaced" });
    const uid = (list: KubeObject[], name: string) => list.find((p) => p.metadata.name === name)?.metadata.uid;
    expect(uid(after, "solo-1")).toBe(uid(before, "solo-1"));
    expect(uid(after, "solo-1-2")).toBe(uid(before, "solo-1-2"));
  });

  it("scales up, down and to zero", async () => {
    await client().create(LEADER_WORKER_SETS, lws("scale"));
    await allReady("scale", 6);
    await client().updateScale(LEADER_WORKER_SETS, "default", "scale", 3);
    await allReady("scale", 9);
    await client().updateScale(LEADER_WORKER_SETS, "default", "scale", 1);
    await allReady("scale", 3);
    await client().updateScale(LEADER_WORKER_SETS, "default", "scale", 0);
    await waitFor(async () => (await pods("scale")).length === 0, { what: "no pods" });
  });

  it("gives each group its own headless Service with UniquePerReplica", async () => {
    await client().create(LEADER_WORKER_SETS, lws("unique", { networkConfig: { subdomainPolicy: "UniquePerReplica" } }));
    const list = await allReady("unique", 6);
    const services = (await client().list(SERVICES, { namespace: "default" })).items.map((s) => s.metadata.name).sort();
    expect(services).toEqual(["unique-0", "unique-1"]);
    const worker = list.find((p) => p.metadata.name === "unique-1-2")!;
    expect((worker.spec as { containers: Array<{ env: unknown[] }> }).containers[0].env[0]).toEqual({ name: "LWS_LEADER_ADDRESS", value: "unique-1.unique-1.default" });
  });

  it("cascades deletion to everything it made", async () => {
    await client().create(LEADER_WORKER_SETS, lws("gone"));
    await allReady("gone", 6);
    await client().delete(LEADER_WORKER_SETS, "default", "gone");
    await waitFor(async () => (await pods("gone")).length === 0 && (await client().list(STATEFUL_SETS, { namespace: "default" })).items.length === 0, { what: "everything gone" });
    expect((await client().list(SERVICES, { namespace: "default" })).items).toHaveLength(0);
    expect((await client().list(CONTROLLER_REVISIONS, { namespace: "default" })).items).toHaveLength(0);
    expect(server.lwsController?.rememberedApplies).toBe(0);
  });

  it("rejects an invalid LWS with upstream's message and field", async () => {
    const err = await client().create(LEADER_WORKER_SETS, lws("bad", { leaderWorkerTemplate: { size: 0, workerTemplate: { spec: { containers: [{ name: "main", image: "nginx" }] } } } })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 422, details: { causes: [expect.objectContaining({ field: "spec.leaderWorkerTemplate.size", message: expect.stringContaining("size must be equal or greater than 1") })] } });
    expect((await client().list(LEADER_WORKER_SETS, { namespace: "default" })).items).toHaveLength(0);
  });
});
