import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { shareManagedFields } from "../apiserver/patch/fields-v1-sharing";
import { Store } from "./store";

function pod(name: string, ip: string): KubeObject {
  const fieldsV1 = { "f:status": { "f:phase": {}, "f:podIPs": { ".": {}, [`k:{"ip":"${ip}"}`]: { ".": {}, "f:ip": {} } } } };
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", managedFields: [{ manager: "kubelet", operation: "Update", apiVersion: "v1", fieldsType: "FieldsV1", fieldsV1 }] } };
}

const configMap = (name: string, value: string): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "default" }, data: { value } });
const dbPath = () => join(mkdtempSync(join(tmpdir(), "lws-store-")), "cluster.db");
const values = (store: Store) => [...store.entries("configmaps")].map((e) => [e.object.metadata.name, e.object.data]);

const status = (object: KubeObject | undefined) => (object?.metadata.managedFields?.[0].fieldsV1 as Record<string, Record<string, unknown>>)["f:status"];

describe("Store", () => {
  it("hands each object read back from disk to prepareLoaded before freezing it", async () => {
    const path = dbPath();
    const writer = new Store({ path });
    writer.commit([{ type: "put", resource: "pods", object: pod("a", "10.0.0.1") }, { type: "put", resource: "pods", object: pod("b", "10.0.0.2") }]);
    await writer.durable();
    writer.close();
    const store = new Store({ path, prepareLoaded: shareManagedFields });
    const [a, b] = [store.get("pods", "default", "a"), store.get("pods", "default", "b")];
    expect(status(a)["f:phase"]).toBe(status(b)["f:phase"]);
    expect(status(a)["f:podIPs"]).not.toBe(status(b)["f:podIPs"]);
    expect(Object.isFrozen(status(a))).toBe(true);
    expect(JSON.parse(store.getEntry("pods", "default", "a")?.json ?? "")).toEqual(a);
    store.close();
  });

  it("reads back the last state of every object written, updated, deleted and written again, over restarts", async () => {
    const path = dbPath();
    const first = new Store({ path });
    first.commit([{ type: "put", resource: "configmaps", object: configMap("a", "1") }, { type: "put", resource: "configmaps", object: configMap("b", "1") }]);
    first.commit([{ type: "put", resource: "configmaps", object: configMap("a", "2") }, { type: "delete", resource: "configmaps", object: configMap("b", "1") }]);
    first.commit([{ type: "put", resource: "configmaps", object: configMap("b", "3") }]);
    await first.durable();
    first.close();
    const second = new Store({ path });
    expect(values(second)).toEqual([["a", { value: "2" }], ["b", { value: "3" }]]);
    second.commit([{ type: "put", resource: "configmaps", object: configMap("c", "4") }, { type: "delete", resource: "configmaps", object: configMap("a", "2") }]);
    await second.durable();
    second.close();
    const third = new Store({ path });
    expect(values(third)).toEqual([["b", { value: "3" }], ["c", { value: "4" }]]);
    expect(third.resourceVersion).toBe(7);
    third.close();
  });
});
