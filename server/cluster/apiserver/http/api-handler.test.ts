import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@/server/testing/test-server";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const configMap = (name: string, data: Record<string, string> = {}) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data });

describe("embedded API server over HTTP", () => {
  it("refuses requests without the bearer token", async () => {
    const res = await fetch(`${server.url}/api/v1/namespaces`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ kind: "Status", reason: "Unauthorized", code: 401 });
  });

  it("creates, reads and lists with increasing resourceVersions", async () => {
    const created = await (await server.api("/api/v1/namespaces/default/configmaps", json(configMap("a")))).json();
    expect(created.metadata).toMatchObject({ name: "a", namespace: "default", generation: 1 });
    expect(created.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const second = await (await server.api("/api/v1/namespaces/default/configmaps", json(configMap("b")))).json();
    expect(Number(second.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));
    const list = await (await server.api("/api/v1/namespaces/default/configmaps")).json();
    expect(list.kind).toBe("ConfigMapList");
    expect(list.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(["a", "b"]);
    expect(Number(list.metadata.resourceVersion)).toBeGreaterThanOrEqual(Number(second.metadata.resourceVersion));
  });

  it("answers 409 AlreadyExists and 409 Conflict on a stale resourceVersion", async () => {
    const created = await (await server.api("/api/v1/namespaces/default/configmaps", json(configMap("a")))).json();
    const again = await server.api("/api/v1/namespaces/default/configmaps", json(configMap("a")));
    expect(again.status).toBe(409);
    expect((await again.json()).reason).toBe("AlreadyExists");
    const put = (data: Record<string, string>, rv: string) =>
      server.api("/api/v1/namespaces/default/configmaps/a", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...configMap("a", data), metadata: { name: "a", resourceVersion: rv } }) });
    expect((await put({ k: "1" }, created.metadata.resourceVersion)).status).toBe(200);
    const stale = await put({ k: "2" }, created.metadata.resourceVersion);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ reason: "Conflict", message: expect.stringContaining("the object has been modified") });
  });

  it("answers 404 NotFound with the resource named as upstream does", async () => {
    const res = await server.api("/apis/leaderworkerset.x-k8s.io/v1/namespaces/default/leaderworkersets/x");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ reason: "NotFound", message: 'leaderworkersets.leaderworkerset.x-k8s.io "x" not found', details: { name: "x", group: "leaderworkerset.x-k8s.io", kind: "leaderworkersets" } });
  });

  it("refuses bodies over 3 MiB with 413", async () => {
    const big = configMap("big", { blob: "x".repeat(3 * 1024 * 1024 + 10) });
    const res = await server.api("/api/v1/namespaces/default/configmaps", json(big));
    expect(res.status).toBe(413);
    expect((await res.json()).kind).toBe("Status");
    expect(server.cluster.store.get("configmaps", "default", "big")).toBeUndefined();
  });

  it("answers 422 Invalid with causes naming each field", async () => {
    const res = await server.api("/api/v1/namespaces/default/configmaps", json(configMap("Bad_Name")));
    expect(res.status).toBe(422);
    const status = await res.json();
    expect(status.reason).toBe("Invalid");
    expect(status.details.causes).toEqual(expect.arrayContaining([expect.objectContaining({ field: "metadata.name" })]));
  });

  it("answers 415 for strategic merge patch on the LeaderWorkerSet CRD", async () => {
    const res = await server.api("/apis/leaderworkerset.x-k8s.io/v1/namespaces/default/leaderworkersets/x", { method: "PATCH", headers: { "content-type": "application/strategic-merge-patch+json" }, body: "{}" });
    expect(res.status).toBe(415);
    expect((await res.json()).reason).toBe("UnsupportedMediaType");
  });

  it("generates names from generateName", async () => {
    const res = await server.api("/api/v1/namespaces/default/configmaps", json({ apiVersion: "v1", kind: "ConfigMap", metadata: { generateName: "cm-" } }));
    expect(res.status).toBe(201);
    expect((await res.json()).metadata.name).toMatch(/^cm-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});
