import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONFIG_MAPS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { EmbeddedCluster } from "@/server/cluster/embedded-cluster";
import { waitFor } from "@/server/testing/wait-for";
import { Informer } from "./informer";

let cluster: EmbeddedCluster;
let informer: Informer;
beforeEach(async () => {
  cluster = new EmbeddedCluster({ dbPath: ":memory:" });
  await cluster.start();
  informer = new Informer(cluster.client, CONFIG_MAPS);
  informer.addIndex("data-key", (o) => Object.keys((o as { data?: Record<string, string> }).data ?? {}));
  await informer.start();
});
afterEach(() => {
  informer.stop();
  cluster.close();
});

const configMap = (name: string, labels: Record<string, string>, data: Record<string, string> = {}): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "default", labels }, data });
const names = (objects: KubeObject[]) => objects.map((o) => o.metadata.name).sort();

describe("the shared informer's indexes", () => {
  it("follows label changes, keeps entries through updates that leave labels alone, and forgets deleted objects", async () => {
    const a = await cluster.client.create(CONFIG_MAPS, configMap("a", { app: "x" }, { one: "1" }));
    await cluster.client.create(CONFIG_MAPS, configMap("b", { app: "x" }));
    await waitFor(() => informer.byLabel("app", "x").length === 2);
    const updated = await cluster.client.update(CONFIG_MAPS, { ...a, data: { two: "2" } });
    await waitFor(() => informer.get("default", "a")?.metadata.resourceVersion === updated.metadata.resourceVersion);
    expect(names(informer.byLabel("app", "x"))).toEqual(["a", "b"]);
    expect(names(informer.byIndex("data-key", "two"))).toEqual(["a"]);
    expect(informer.byIndex("data-key", "one")).toEqual([]);
    await cluster.client.update(CONFIG_MAPS, { ...updated, metadata: { ...updated.metadata, labels: { app: "y" } } });
    await waitFor(() => informer.byLabel("app", "y").length === 1);
    expect(names(informer.byLabel("app", "x"))).toEqual(["b"]);
    await cluster.client.delete(CONFIG_MAPS, "default", "b");
    await waitFor(() => informer.byLabel("app", "x").length === 0);
    expect(informer.byIndex("namespace", "default").map((o) => o.metadata.name)).toEqual(["a"]);
  });
});
