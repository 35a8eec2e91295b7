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

const status = (object: KubeObject | undefined) => (object?.metadata.managedFields?.[0].fieldsV1 as Record<string, Record<string, unknown>>)["f:status"];

describe("Store", () => {
  it("hands each object read back from disk to prepareLoaded before freezing it", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "lws-store-")), "cluster.db");
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
});
