import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/k8s/api-errors";
import { LEADER_WORKER_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { startTestServer, type TestServer } from "@/server/testing/test-server";
import { createLws, LwsManifest, readLwsManifest, updateLws } from "./lws-manifests";

function lws(name: string, replicas: number): KubeObject {
  return {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name },
    spec: { replicas, leaderWorkerTemplate: { size: 2, workerTemplate: { spec: { containers: [{ name: "main", image: "vllm:1" }] } } } },
  };
}

describe("LwsManifest", () => {
  it.each([
    ["a ConfigMap", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" }, spec: {} }],
    ["no name", { apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", metadata: {}, spec: {} }],
    ["no spec", { apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", metadata: { name: "x" } }],
  ])("rejects %s", (_, body) => {
    expect(LwsManifest.safeParse(body).success).toBe(false);
  });

  it("keeps fields it does not check", () => {
    const body = lws("x", 1);
    expect(LwsManifest.parse(body)).toEqual(body);
  });
});

describe("readLwsManifest", () => {
  const request = (origin: string, body: unknown) => new Request("http://127.0.0.1:3000/api/lws", { method: "POST", headers: { origin, host: "127.0.0.1:3000" }, body: JSON.stringify(body) });

  it("reads a same-origin manifest", async () => {
    expect(await readLwsManifest(request("http://127.0.0.1:3000", lws("x", 1)))).toEqual(lws("x", 1));
  });

  it("refuses another site (403) and a body that is no LWS (422 naming the field)", async () => {
    await expect(readLwsManifest(request("https://evil.example", lws("x", 1)))).rejects.toMatchObject({ code: 403 });
    await expect(readLwsManifest(request("http://127.0.0.1:3000", { ...lws("x", 1), kind: "Pod" }))).rejects.toMatchObject({ code: 422, details: { causes: [expect.objectContaining({ field: "kind" })] } });
  });
});

describe("creating and updating from the editor", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ lws: "admission" });
  });
  afterEach(async () => {
    await server.close();
  });

  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (err: unknown) => err as ApiError);

  it("creates in the default namespace, then updates the spec while the status stays the server's", async () => {
    const created = await createLws(server.cluster.client, lws("llm", 1));
    expect(created.metadata.namespace).toBe("default");
    await server.cluster.client.updateStatus(LEADER_WORKER_SETS, { ...created, status: { replicas: 1, readyReplicas: 1 } });
    const live = await server.cluster.client.get(LEADER_WORKER_SETS, "default", "llm");
    const updated = await updateLws(server.cluster.client, "default", "llm", { manifest: lws("llm", 3) as never, resourceVersion: live.metadata.resourceVersion ?? "" });
    expect(updated.spec).toMatchObject({ replicas: 3 });
    expect(updated.status).toMatchObject({ readyReplicas: 1 });
    expect(updated.metadata.managedFields?.some((m) => m.manager === "lws-console")).toBe(true);
  });

  it("refuses with 409 when the LWS changed since the editor loaded it", async () => {
    const created = await createLws(server.cluster.client, lws("llm", 1));
    await server.cluster.client.update(LEADER_WORKER_SETS, { ...created, spec: { ...(created.spec as object), replicas: 2 } });
    const err = await failure(updateLws(server.cluster.client, "default", "llm", { manifest: lws("llm", 5) as never, resourceVersion: created.metadata.resourceVersion ?? "" }));
    expect(err?.code).toBe(409);
    expect((await server.cluster.client.get(LEADER_WORKER_SETS, "default", "llm")).spec).toMatchObject({ replicas: 2 });
  });

  it("refuses a manifest naming another LWS than the URL", async () => {
    const created = await createLws(server.cluster.client, lws("llm", 1));
    const err = await failure(updateLws(server.cluster.client, "default", "llm", { manifest: lws("other", 1) as never, resourceVersion: created.metadata.resourceVersion ?? "" }));
    expect(err?.code).toBe(400);
    expect(err?.message).toMatch(/renaming creates a new LeaderWorkerSet/);
  });
});
