import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONTROLLER_REVISIONS, PERSISTENT_VOLUME_CLAIMS, PODS, STATEFUL_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { InformerFactory } from "@/server/runtime/informer-factory";
import { POD_INDEX_LABEL, POD_NAME_LABEL } from "./pod-identity";
import { isHealthy, POD_REVISION_LABEL } from "./pod-state";
import { newRevision, REVISION_HASH_LABEL, type ControllerRevision } from "./revisions";
import { readSpec } from "./statefulset-spec";
import { Harness, NS, statefulSet } from "./test-helpers";

let h: Harness;
beforeEach(async () => {
  h = await new Harness().start();
});
afterEach(() => h.close());

const create = (set: KubeObject) => h.client.create(STATEFUL_SETS, set);
const patchSpec = (name: string, spec: Record<string, unknown>) => h.client.patch(STATEFUL_SETS, NS, name, { type: "merge", body: { spec } });
const setImage = (name: string, image: string) => patchSpec(name, { template: { spec: { containers: [{ name: "main", image }] } } });
const imageOf = (pod: KubeObject) => (pod.spec as { containers: Array<{ image: string }> }).containers[0].image;
const revisions = async (setName: string) =>
  (await h.client.list<ControllerRevision>(CONTROLLER_REVISIONS, { namespace: NS })).items.filter((r) => r.metadata.ownerReferences?.[0]?.name === setName).sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));

/** Counts, on every pod event, the in-range pods that are not Running and Ready; keeps the maximum. */
async function watchUnavailable(setName: string, replicas: number) {
  const informer = new InformerFactory(h.client).informer(PODS);
  const observed = { max: 0 };
  const count = () => {
    if (!informer.hasSynced) return;
    const healthy = informer.list(NS).filter((p) => p.metadata.labels?.app === setName && isHealthy(p)).length;
    observed.max = Math.max(observed.max, replicas - healthy);
  };
  informer.addHandler({ add: count, update: count, delete: count });
  await informer.start();
  return { observed, stop: () => informer.stop() };
}

describe("creating pods", () => {
  it("creates every pod at once with Parallel, named from ordinals.start, with identity, template and owner", async () => {
    const set = await create(statefulSet("w", { podManagementPolicy: "Parallel", ordinals: { start: 1 } }));
    await h.settle();
    expect(await h.names("w")).toEqual(["w-1", "w-2", "w-3"]);
    const status = await h.status("w");
    for (const pod of await h.pods("w")) {
      const name = pod.metadata.name;
      expect(pod.metadata.labels).toEqual({ app: "w", [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: name?.slice(2), [POD_REVISION_LABEL]: status.updateRevision });
      expect(pod.metadata.annotations).toEqual({ note: "from-template" });
      expect(pod.spec).toMatchObject({ hostname: name, subdomain: "w" });
      expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "StatefulSet", name: "w", uid: set.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    expect((await h.events("SuccessfulCreate")).sort()).toEqual(["create Pod w-1 in StatefulSet w successful", "create Pod w-2 in StatefulSet w successful", "create Pod w-3 in StatefulSet w successful"]);
  });

  it("writes as kube-controller-manager, and the pods' creator owns no status (the server resets it)", async () => {
    await create(statefulSet("m", { podManagementPolicy: "Parallel" }));
    await h.settle();
    const [pod] = await h.pods("m");
    expect(pod.metadata.managedFields?.map((m) => [m.manager, m.operation, m.subresource])).toEqual([["kube-controller-manager", "Update", undefined]]);
    expect(Object.keys(pod.metadata.managedFields?.[0].fieldsV1 ?? {})).toEqual(["f:metadata", "f:spec"]);
    const set = await h.client.get(STATEFUL_SETS, NS, "m");
    expect(set.metadata.managedFields?.find((m) => m.subresource === "status")?.manager).toBe("kube-controller-manager");
  });

  it("creates OrderedReady pods one at a time, each after the previous is Running and Ready", async () => {
    await create(statefulSet("o"));
    const seen: string[][] = [];
    await h.converge("o", async () => void seen.push(await h.names("o")));
    expect(seen).toEqual([["o-0"], ["o-0", "o-1"], ["o-0", "o-1", "o-2"], ["o-0", "o-1", "o-2"]]);
  });

  it("scales OrderedReady down from the highest ordinal, one pod at a time", async () => {
    await create(statefulSet("o", { replicas: 4 }));
    await h.converge("o");
    const deleted: string[] = [];
    const informer = new InformerFactory(h.client).informer(PODS);
    informer.addHandler({ delete: (pod) => void deleted.push(pod.metadata.name ?? "") });
    await informer.start();
    await patchSpec("o", { replicas: 1 });
    await h.settle();
    informer.stop();
    expect(deleted).toEqual(["o-3", "o-2", "o-1"]);
    expect(await h.names("o")).toEqual(["o-0"]);
  });

  it("scales up and down with Parallel", async () => {
    await create(statefulSet("p", { podManagementPolicy: "Parallel", replicas: 2 }));
    await h.settle();
    await patchSpec("p", { replicas: 5 });
    await h.settle();
    expect(await h.names("p")).toEqual(["p-0", "p-1", "p-2", "p-3", "p-4"]);
    await patchSpec("p", { replicas: 1 });
    await h.settle();
    expect(await h.names("p")).toEqual(["p-0"]);
    expect(await h.events("SuccessfulDelete")).toHaveLength(4);
  });
});

describe("replacing pods", () => {
  it("recreates a deleted pod and a failed one", async () => {
    await create(statefulSet("r", { podManagementPolicy: "Parallel" }));
    await h.converge("r");
    const [first, second] = await h.pods("r");
    await h.client.delete(PODS, NS, "r-0");
    await h.client.patchStatus(PODS, NS, "r-1", { type: "merge", body: { status: { phase: "Failed" } } });
    await h.settle();
    const [again, replaced] = await h.pods("r");
    expect(again.metadata.uid).not.toBe(first.metadata.uid);
    expect(replaced.metadata.uid).not.toBe(second.metadata.uid);
    expect(replaced.status).toMatchObject({ phase: "Pending" });
    expect(await h.events("RecreatingFailedPod")).toEqual(["StatefulSet default/r is recreating failed Pod r-1"]);
  });

  it("waits for a terminating pod to go before recreating its name", async () => {
    await create(statefulSet("t", { podManagementPolicy: "Parallel", replicas: 2 }));
    await h.converge("t");
    await h.client.bind(NS, "t-1", "node-a"); // a pod on a node is deleted gracefully
    const old = await h.client.get(PODS, NS, "t-1");
    await h.client.delete(PODS, NS, "t-1");
    await h.settle();
    const terminating = await h.client.get(PODS, NS, "t-1");
    expect(terminating.metadata.uid).toBe(old.metadata.uid);
    expect(terminating.metadata.deletionTimestamp).toBeDefined();
    await h.client.delete(PODS, NS, "t-1", { gracePeriodSeconds: 0 });
    await h.settle();
    const recreated = await h.client.get(PODS, NS, "t-1");
    expect(recreated.metadata.uid).not.toBe(old.metadata.uid);
    expect(recreated.metadata.deletionTimestamp).toBeUndefined();
  });

  it("garbage-collects the pods when the StatefulSet is deleted", async () => {
    await create(statefulSet("g", { podManagementPolicy: "Parallel" }));
    await h.settle();
    expect(await h.names("g")).toHaveLength(3);
    await h.client.delete(STATEFUL_SETS, NS, "g");
    await h.settle();
    expect(await h.names("g")).toEqual([]);
  });
});

describe("status", () => {
  it("reports replicas, readiness, revisions and observedGeneration, and writes only changes", async () => {
    await create(statefulSet("s", { podManagementPolicy: "Parallel" }));
    await h.settle();
    expect(await h.status("s")).toMatchObject({ replicas: 3, readyReplicas: 0, availableReplicas: 0, currentReplicas: 3, updatedReplicas: 3, observedGeneration: 1, collisionCount: 0 });
    await h.converge("s");
    const status = await h.status("s");
    expect(status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, currentReplicas: 3, updatedReplicas: 3 });
    expect(status.currentRevision).toBe(status.updateRevision);
    expect(status.updateRevision).toMatch(/^s-[bcdfghjklmnpqrstvwxz2456789]+$/);
    await patchSpec("s", { replicas: 2 });
    await h.settle();
    expect(await h.status("s")).toMatchObject({ replicas: 2, observedGeneration: 2 });
    const before = (await h.client.get(STATEFUL_SETS, NS, "s")).metadata.resourceVersion;
    await h.client.patch(PODS, NS, "s-0", { type: "merge", body: { metadata: { annotations: { touched: "yes" } } } });
    await h.settle();
    expect((await h.client.get(STATEFUL_SETS, NS, "s")).metadata.resourceVersion).toBe(before);
  });

  it("counts a Ready pod as available only after minReadySeconds", async () => {
    await create(statefulSet("m", { podManagementPolicy: "Parallel", replicas: 2, minReadySeconds: 3600 }));
    await h.settle();
    const [longAgo, justNow] = await h.pods("m");
    await h.makeReady(longAgo, new Date(Date.now() - 2 * 3600_000));
    await h.makeReady(justNow);
    await h.settle();
    expect(await h.status("m")).toMatchObject({ readyReplicas: 2, availableReplicas: 1 });
  });
});

describe("volumeClaimTemplates", () => {
  const claimTemplate = { metadata: { name: "data", labels: { tier: "db" } }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } };
  const claimNames = async () => (await h.client.list(PERSISTENT_VOLUME_CLAIMS, { namespace: NS })).items.map((c) => c.metadata.name).sort();

  it("creates each pod's claims first, labelled with the selector, and mounts them", async () => {
    await create(statefulSet("v", { podManagementPolicy: "Parallel", replicas: 2, volumeClaimTemplates: [claimTemplate] }));
    await h.settle();
    expect(await claimNames()).toEqual(["data-v-0", "data-v-1"]);
    const claim = await h.client.get(PERSISTENT_VOLUME_CLAIMS, NS, "data-v-0");
    expect(claim.metadata.labels).toEqual({ tier: "db", app: "v" });
    expect(claim.metadata.ownerReferences ?? []).toEqual([]);
    const [pod] = await h.pods("v");
    expect((pod.spec as { volumes: unknown[] }).volumes).toEqual([{ name: "data", persistentVolumeClaim: { claimName: "data-v-0" } }]);
    expect(await h.events("SuccessfulCreate")).toContain("create Claim data-v-0 Pod v-0 in StatefulSet v success");
  });

  it("keeps claims with Retain when scaled down and when the StatefulSet is deleted", async () => {
    await create(statefulSet("k", { podManagementPolicy: "Parallel", replicas: 2, volumeClaimTemplates: [claimTemplate] }));
    await h.settle();
    await patchSpec("k", { replicas: 1 });
    await h.settle();
    await h.client.delete(STATEFUL_SETS, NS, "k");
    await h.settle();
    expect(await h.names("k")).toEqual([]);
    expect(await claimNames()).toEqual(["data-k-0", "data-k-1"]);
  });

  it("deletes a scaled-away pod's claims with whenScaled Delete, and re-creates them fresh on scale up", async () => {
    await create(statefulSet("d", { podManagementPolicy: "Parallel", replicas: 2, volumeClaimTemplates: [claimTemplate], persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Delete" } }));
    await h.settle();
    const old = await h.client.get(PERSISTENT_VOLUME_CLAIMS, NS, "data-d-1");
    await patchSpec("d", { replicas: 1 });
    await h.settle();
    expect(await claimNames()).toEqual(["data-d-0"]);
    await patchSpec("d", { replicas: 2 });
    await h.settle();
    const fresh = await h.client.get(PERSISTENT_VOLUME_CLAIMS, NS, "data-d-1");
    expect(fresh.metadata.uid).not.toBe(old.metadata.uid);
    await h.client.delete(STATEFUL_SETS, NS, "d");
    await h.settle();
    expect(await claimNames()).toEqual(["data-d-0", "data-d-1"]);
  });

  it("gives the claims to the StatefulSet with whenDeleted Delete, so they go with it", async () => {
    const set = await create(statefulSet("x", { podManagementPolicy: "Parallel", replicas: 2, volumeClaimTemplates: [claimTemplate], persistentVolumeClaimRetentionPolicy: { whenDeleted: "Delete", whenScaled: "Retain" } }));
    await h.settle();
    const claim = await h.client.get(PERSISTENT_VOLUME_CLAIMS, NS, "data-x-0");
    expect(claim.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "StatefulSet", name: "x", uid: set.metadata.uid }]);
    await patchSpec("x", { replicas: 1 });
    await h.settle();
    expect(await claimNames()).toEqual(["data-x-0", "data-x-1"]);
    await h.client.delete(STATEFUL_SETS, NS, "x");
    await h.settle();
    expect(await claimNames()).toEqual([]);
  });

  it("moves ownership to the pod being scaled away when both policies are Delete", async () => {
    await create(statefulSet("b", { replicas: 2, volumeClaimTemplates: [claimTemplate], persistentVolumeClaimRetentionPolicy: { whenDeleted: "Delete", whenScaled: "Delete" } }));
    await h.converge("b");
    await patchSpec("b", { replicas: 1 });
    await h.settle();
    expect(await claimNames()).toEqual(["data-b-0"]);
    await h.client.delete(STATEFUL_SETS, NS, "b");
    await h.settle();
    expect(await claimNames()).toEqual([]);
  });
});

describe("rolling updates", () => {
  async function rollOut(setName: string, spec: Record<string, unknown>, replicas: number) {
    await create(statefulSet(setName, { podManagementPolicy: "Parallel", replicas, ...spec }));
    await h.converge(setName);
    const watcher = await watchUnavailable(setName, replicas);
    await setImage(setName, "busybox:2");
    await h.converge(setName);
    watcher.stop();
    return watcher.observed.max;
  }

  it.each([
    { maxUnavailable: undefined, replicas: 4, expected: 1 },
    { maxUnavailable: 2, replicas: 5, expected: 2 },
    { maxUnavailable: "40%", replicas: 5, expected: 2 },
    { maxUnavailable: "10%", replicas: 5, expected: 1 },
  ])("replaces every pod with at most maxUnavailable=$maxUnavailable of $replicas unavailable at once", async ({ maxUnavailable, replicas, expected }) => {
    const updateStrategy = { type: "RollingUpdate", rollingUpdate: { partition: 0, ...(maxUnavailable === undefined ? {} : { maxUnavailable }) } };
    expect(await rollOut("u", { updateStrategy }, replicas)).toBe(expected);
    const pods = await h.pods("u");
    expect(pods.map(imageOf)).toEqual(Array(replicas).fill("busybox:2"));
    const status = await h.status("u");
    expect(status).toMatchObject({ replicas, readyReplicas: replicas, updatedReplicas: replicas, currentReplicas: replicas });
    expect(status.currentRevision).toBe(status.updateRevision);
    expect(pods.every((p) => p.metadata.labels?.[POD_REVISION_LABEL] === status.updateRevision)).toBe(true);
  });

  it("updates from the highest ordinal down", async () => {
    await create(statefulSet("h", { podManagementPolicy: "Parallel", replicas: 3 }));
    await h.converge("h");
    const order: string[] = [];
    const informer = new InformerFactory(h.client).informer(PODS);
    informer.addHandler({ add: (p) => void order.push(p.metadata.name ?? "") });
    await informer.start();
    order.length = 0;
    await setImage("h", "busybox:2");
    await h.converge("h");
    informer.stop();
    expect(order).toEqual(["h-2", "h-1", "h-0"]);
  });

  it("updates only ordinals at or above the partition, then the rest when it is lowered", async () => {
    await create(statefulSet("q", { podManagementPolicy: "Parallel", replicas: 4, updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 2 } } }));
    await h.converge("q");
    const oldRevision = (await h.status("q")).currentRevision;
    await setImage("q", "busybox:2");
    await h.converge("q");
    expect((await h.pods("q")).map(imageOf)).toEqual(["busybox:1", "busybox:1", "busybox:2", "busybox:2"]);
    const partial = await h.status("q");
    expect(partial).toMatchObject({ currentReplicas: 2, updatedReplicas: 2, currentRevision: oldRevision });
    expect(partial.updateRevision).not.toBe(oldRevision);
    // A pod below the partition that is recreated keeps the current revision.
    await h.client.delete(PODS, NS, "q-0");
    await h.converge("q");
    expect(imageOf(await h.client.get(PODS, NS, "q-0"))).toBe("busybox:1");
    await patchSpec("q", { updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } } });
    await h.converge("q");
    expect((await h.pods("q")).map(imageOf)).toEqual(Array(4).fill("busybox:2"));
    expect(await h.status("q")).toMatchObject({ currentReplicas: 4, updatedReplicas: 4, currentRevision: partial.updateRevision });
  });

  it("counts the partition from ordinals.start, as upstream does", async () => {
    await create(statefulSet("i", { podManagementPolicy: "Parallel", ordinals: { start: 1 }, updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 1 } } }));
    await h.converge("i");
    await setImage("i", "busybox:2");
    await h.converge("i");
    expect((await h.pods("i")).map((p) => [p.metadata.name, imageOf(p)])).toEqual([
      ["i-1", "busybox:1"],
      ["i-2", "busybox:2"],
      ["i-3", "busybox:2"],
    ]);
  });

  it("replaces nothing with OnDelete until a pod is deleted, which comes back updated", async () => {
    await create(statefulSet("n", { podManagementPolicy: "Parallel", replicas: 3, updateStrategy: { type: "OnDelete" } }));
    await h.converge("n");
    await setImage("n", "busybox:2");
    await h.converge("n");
    expect((await h.pods("n")).map(imageOf)).toEqual(["busybox:1", "busybox:1", "busybox:1"]);
    await h.client.delete(PODS, NS, "n-1");
    await h.converge("n");
    expect((await h.pods("n")).map(imageOf)).toEqual(["busybox:1", "busybox:2", "busybox:1"]);
    expect(await h.status("n")).toMatchObject({ currentReplicas: 2, updatedReplicas: 1 });
  });

  it("rolls OrderedReady pods one at a time and finishes after a controller restart", async () => {
    await create(statefulSet("z", { replicas: 3 }));
    await h.converge("z");
    const watcher = await watchUnavailable("z", 3);
    await setImage("z", "busybox:2");
    await h.settle();
    expect((await h.pods("z")).map(imageOf)).toEqual(["busybox:1", "busybox:1", "busybox:2"]);
    await h.restart();
    await h.converge("z");
    watcher.stop();
    expect(watcher.observed.max).toBe(1);
    expect((await h.pods("z")).map(imageOf)).toEqual(["busybox:2", "busybox:2", "busybox:2"]);
  });
});

describe("revision history", () => {
  it("names revisions <sts>-<hash>, numbers them, rolls back to an equal one and keeps revisionHistoryLimit old ones", async () => {
    const set = await create(statefulSet("y", { podManagementPolicy: "Parallel", replicas: 1, revisionHistoryLimit: 2 }));
    await h.converge("y");
    const [first] = await revisions("y");
    expect(first.metadata.name).toBe(`y-${first.metadata.labels?.[REVISION_HASH_LABEL]}`);
    expect(first.metadata.labels).toMatchObject({ app: "y" });
    expect(first.revision).toBe(1);
    expect(first.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "StatefulSet", name: "y", uid: set.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(first.data).toMatchObject({ spec: { template: { $patch: "replace", metadata: { labels: { app: "y" } } } } });
    for (const image of ["busybox:2", "busybox:3", "busybox:4"]) {
      await setImage("y", image);
      await h.converge("y");
    }
    const kept = await revisions("y");
    expect(kept.map((r) => r.revision)).toEqual([2, 3, 4]);
    await setImage("y", "busybox:3");
    await h.converge("y");
    const afterRollback = await revisions("y");
    expect(afterRollback.map((r) => r.revision)).toEqual([2, 4, 5]);
    const status = await h.status("y");
    expect(afterRollback.at(-1)?.metadata.name).toBe(status.updateRevision);
    expect(afterRollback.at(-1)?.metadata.name).toBe(kept[1].metadata.name);
  });
});

describe("ownership", () => {
  it("adopts a matching orphan pod at a wanted ordinal and releases an owned pod that stops matching", async () => {
    const orphan = await h.client.create<KubeObject>(PODS, { apiVersion: "v1", kind: "Pod", metadata: { name: "a-0", namespace: NS, labels: { app: "a" } }, spec: { containers: [{ name: "main", image: "busybox:1" }] } });
    const set = await create(statefulSet("a", { podManagementPolicy: "Parallel", replicas: 2 }));
    await h.settle();
    const adopted = await h.client.get(PODS, NS, "a-0");
    expect(adopted.metadata.uid).toBe(orphan.metadata.uid);
    expect(adopted.metadata.ownerReferences?.[0]).toMatchObject({ uid: set.metadata.uid, controller: true });
    const before = await h.client.get(PODS, NS, "a-1");
    await h.client.patch(PODS, NS, "a-1", { type: "merge", body: { metadata: { labels: { app: "elsewhere" } } } });
    await h.settle();
    const released = (await h.client.list(PODS, { namespace: NS, labelSelector: "app=elsewhere" })).items;
    expect(released.map((p) => [p.metadata.uid, p.metadata.ownerReferences ?? []])).toEqual([[before.metadata.uid, []]]);
  });
});

describe("revision name collisions", () => {
  it("probes past a revision name taken by different data and counts it in status.collisionCount", async () => {
    h.controller.stop();
    const set = await create(statefulSet("c", { podManagementPolicy: "Parallel", replicas: 1 }));
    const wanted = newRevision(set, readSpec(set), 1, 0);
    await h.client.create(CONTROLLER_REVISIONS, { ...wanted, metadata: { name: wanted.metadata.name, namespace: NS }, data: { something: "else" } });
    await h.restart();
    await h.settle();
    const status = await h.status("c");
    expect(status.collisionCount).toBe(1);
    expect(status.updateRevision).not.toBe(wanted.metadata.name);
    expect(status.updateRevision).toBe(newRevision(set, readSpec(set), 1, 1).metadata.name);
  });
});
