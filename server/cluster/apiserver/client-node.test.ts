import * as k8s from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@/server/testing/test-server";
import { waitFor } from "@/server/testing/wait-for";

let server: TestServer;
let kc: k8s.KubeConfig;

beforeAll(async () => {
  server = await startTestServer({ historySize: 5 });
  kc = new k8s.KubeConfig();
  kc.loadFromFile(server.kubeconfig);
});
afterAll(() => server.close());

const configMap = (name: string): k8s.V1ConfigMap => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data: { k: name } });

describe("@kubernetes/client-node against the embedded API (TLS, bearer token)", () => {
  it("creates and lists with the typed and custom-object clients", async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    await core.createNamespacedConfigMap({ namespace: "default", body: configMap("from-client-node") });
    const list = await core.listNamespacedConfigMap({ namespace: "default" });
    expect(list.items.map((i) => i.metadata?.name)).toContain("from-client-node");
    expect(list.items[0].metadata?.creationTimestamp).toBeInstanceOf(Date);
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    const lws = (await custom.listNamespacedCustomObject({ group: "leaderworkerset.x-k8s.io", version: "v1", plural: "leaderworkersets", namespace: "default" })) as { kind: string; items: unknown[] };
    expect(lws).toMatchObject({ kind: "LeaderWorkerSetList", items: [] });
  });

  it("reports API errors as ApiException with a Status body", async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const err = await core.readNamespacedConfigMap({ name: "missing", namespace: "default" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(k8s.ApiException);
    const apiErr = err as k8s.ApiException<string>;
    expect(apiErr.code).toBe(404);
    expect(JSON.parse(apiErr.body)).toMatchObject({ kind: "Status", reason: "NotFound" });
  });

  it("watches from a resourceVersion and sees ADDED, MODIFIED and DELETED", async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const start = await core.listNamespacedConfigMap({ namespace: "default" });
    const events: string[] = [];
    const watch = await new k8s.Watch(kc).watch("/api/v1/namespaces/default/configmaps", { resourceVersion: start.metadata?.resourceVersion }, (type, obj: k8s.V1ConfigMap) => events.push(`${type} ${obj.metadata?.name}`), () => {});
    await core.createNamespacedConfigMap({ namespace: "default", body: configMap("watched") });
    await core.patchNamespacedConfigMap({ name: "watched", namespace: "default", body: { data: { k: "changed" } } }, k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.MergePatch));
    await core.deleteNamespacedConfigMap({ name: "watched", namespace: "default" });
    await waitFor(() => events.length >= 3);
    watch.abort();
    expect(events).toEqual(["ADDED watched", "MODIFIED watched", "DELETED watched"]);
  });

  it("gets 410 Expired for a compacted resourceVersion", async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    for (let i = 0; i < 8; i++) await core.createNamespacedConfigMap({ namespace: "default", body: configMap(`churn-${i}`) });
    const events: Array<{ type: string; code?: number; reason?: string }> = [];
    let done = false;
    await new k8s.Watch(kc).watch("/api/v1/namespaces/default/configmaps", { resourceVersion: "1" }, (type, obj: { code?: number; reason?: string }) => events.push({ type, code: obj.code, reason: obj.reason }), () => (done = true));
    await waitFor(() => done);
    expect(events).toEqual([{ type: "ERROR", code: 410, reason: "Expired" }]);
  });

  it("runs an informer that relists after 410 and follows changes", async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    let lists = 0;
    const listFn = async () => {
      const list = await core.listNamespacedConfigMap({ namespace: "default" });
      // The first list pretends to be old, so the informer's first watch is answered with 410.
      if (lists++ === 0) list.metadata = { ...list.metadata, resourceVersion: "1" };
      return list;
    };
    const informer = k8s.makeInformer(kc, "/api/v1/namespaces/default/configmaps", listFn);
    const seen = new Set<string>();
    informer.on("add", (obj: k8s.V1ConfigMap) => seen.add(obj.metadata?.name ?? ""));
    informer.on("error", () => setTimeout(() => void informer.start(), 10));
    await informer.start();
    await core.createNamespacedConfigMap({ namespace: "default", body: configMap("after-relist") });
    await waitFor(() => seen.has("after-relist"));
    expect(lists).toBeGreaterThanOrEqual(2);
    expect(informer.get("churn-0", "default")?.data?.k).toBe("churn-0");
    await informer.stop();
  });
});
