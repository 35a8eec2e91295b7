import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EVENTS, PERSISTENT_VOLUME_CLAIMS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { InformerFactory } from "@/server/runtime/informer-factory";
import { waitFor } from "@/server/testing/wait-for";
import { EmbeddedClient } from "./embedded-client";
import { EmbeddedCluster } from "./embedded-cluster";
import { VolumeProvisioner } from "./volume-provisioner";

let cluster: EmbeddedCluster;
let client: EmbeddedClient;
let provisioner: VolumeProvisioner;
beforeEach(async () => {
  cluster = new EmbeddedCluster({ dbPath: ":memory:" });
  await cluster.start();
  client = new EmbeddedClient(cluster.registry);
  provisioner = new VolumeProvisioner(client, new InformerFactory(client));
  await provisioner.start();
});
afterEach(() => {
  provisioner.stop();
  cluster.close();
});

describe("the simulated volume provisioner", () => {
  it("binds a claim at once to a volume of its request", async () => {
    const claim = { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data-lws-0", namespace: "default" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } } };
    const created: KubeObject = await client.create(PERSISTENT_VOLUME_CLAIMS, claim);
    const bound = await waitFor(async () => ((c) => (c.status as { phase?: string }).phase === "Bound" && c)(await client.get(PERSISTENT_VOLUME_CLAIMS, "default", "data-lws-0")));
    expect(bound.status).toEqual({ phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "10Gi" } });
    expect((bound.spec as { volumeName: string }).volumeName).toBe(`pvc-${created.metadata.uid}`);
    expect(bound.metadata.annotations?.["pv.kubernetes.io/bind-completed"]).toBe("yes");
    const event = await waitFor(async () => (await client.list(EVENTS, { namespace: "default" })).items.find((e) => e.reason === "ProvisioningSucceeded"));
    expect(event.message).toBe(`Successfully provisioned volume pvc-${created.metadata.uid}`);
  });

  it("leaves a claim of an unknown storage class Pending, with a ProvisioningFailed event", async () => {
    const claim = { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data-lws-1", namespace: "default" }, spec: { storageClassName: "no-such-class", accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } } };
    await client.create(PERSISTENT_VOLUME_CLAIMS, claim);
    const event = await waitFor(async () => (await client.list(EVENTS, { namespace: "default" })).items.find((e) => e.reason === "ProvisioningFailed"));
    expect([event.type, event.message]).toEqual(["Warning", 'storageclass.storage.k8s.io "no-such-class" not found']);
    await provisioner.idle();
    const stored = await client.get(PERSISTENT_VOLUME_CLAIMS, "default", "data-lws-1");
    expect([(stored.status as { phase?: string }).phase, (stored.spec as { volumeName?: string }).volumeName]).toEqual(["Pending", undefined]);
  });
});
