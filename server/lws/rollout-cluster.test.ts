import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEADER_WORKER_SETS, NODES, PODS, STATEFUL_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { CONDITION_TYPES, LABELS } from "@/lib/lws/constants";
import { INSTANT_SIMULATION, startTestServer, type TestServer } from "@/server/testing/test-server";
import { waitFor } from "@/server/testing/wait-for";

// Rolling updates end to end on the embedded cluster: the LWS controller drives the leader
// StatefulSet's (partition, replicas), the StatefulSet controller and kubelets do the rest.

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ lws: "controller", simulation: INSTANT_SIMULATION });
});
afterEach(() => server.close());

const client = () => server.cluster.client;
const SIZE = 2;

function lws(name: string, rollingUpdateConfiguration: Record<string, unknown>): KubeObject {
  return {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name, namespace: "default" },
    spec: {
      replicas: 4,
      rolloutStrategy: { type: "RollingUpdate", rollingUpdateConfiguration },
      leaderWorkerTemplate: { size: SIZE, workerTemplate: { spec: { containers: [{ name: "main", image: "nginx:1" }] } } },
    },
  };
}

interface LwsStatus {
  replicas?: number;
  readyReplicas?: number;
  updatedReplicas?: number;
  conditions?: Array<{ type: string; status: string }>;
}

const getLws = () => client().get(LEADER_WORKER_SETS, "default", NAME);
const statusOf = async () => (await getLws()).status as LwsStatus;
const conditionOf = (status: LwsStatus, type: string) => status.conditions?.find((c) => c.type === type)?.status;
const leaderSts = () => client().get(STATEFUL_SETS, "default", NAME);
const stsShape = (sts: KubeObject) => {
  const spec = sts.spec as { replicas: number; updateStrategy?: { rollingUpdate?: { partition?: number } } };
  return { replicas: spec.replicas, partition: spec.updateStrategy?.rollingUpdate?.partition ?? 0 };
};
/** The LWS's current revision key, as the leader StatefulSet carries it. */
const currentHash = async () => (await leaderSts()).metadata.labels?.[LABELS.templateRevisionHash] ?? "";
const hashOf = (pod: KubeObject) => pod.metadata.labels?.[LABELS.templateRevisionHash];
const groupOf = (pod: KubeObject) => Number(pod.metadata.labels?.[LABELS.groupIndex]);
const isReady = (pod: KubeObject) => ((pod.status as { conditions?: Array<{ type: string; status: string }> }).conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
const NAME = "roll";

async function settledPods(groups: number): Promise<KubeObject[]> {
  return waitFor(async () => {
    const list = (await client().list(PODS, { namespace: "default", labelSelector: `${LABELS.name}=${NAME}` })).items;
    return list.length === groups * SIZE && list.every((p) => isReady(p) && !p.metadata.deletionTimestamp) ? list : undefined;
  }, { what: `${groups * SIZE} ready pods`, timeoutMs: 20_000 });
}

async function createAndSettle(rollingUpdateConfiguration: Record<string, unknown>): Promise<string> {
  await client().create(LEADER_WORKER_SETS, lws(NAME, rollingUpdateConfiguration));
  await settledPods(4);
  await waitFor(async () => (await statusOf()).readyReplicas === 4, { what: "4 ready groups" });
  return currentHash();
}

/** Changes the LWS spec through `edit`, retrying on conflicts with the controller's status writes. */
async function editLws(edit: (spec: Record<string, unknown>) => void): Promise<void> {
  await waitFor(async () => {
    const current = await getLws();
    const spec = structuredClone(current.spec) as Record<string, unknown>;
    edit(spec);
    return client().update(LEADER_WORKER_SETS, { ...current, spec }).then(() => true, () => false);
  }, { what: "an LWS update" });
}

const template = (spec: Record<string, unknown>) => (spec.leaderWorkerTemplate as { workerTemplate: { spec: Record<string, unknown> } }).workerTemplate.spec;
const changeImage = (image: string) => (spec: Record<string, unknown>) => {
  template(spec).containers = [{ name: "main", image }];
};

/** The largest spec.replicas the leader StatefulSet had, from every committed change. */
async function recordMaxReplicas(): Promise<{ max(): number; stop(): void }> {
  const list = await client().list(STATEFUL_SETS, { namespace: "default" });
  let max = 0;
  const watch = client().watch(STATEFUL_SETS, { namespace: "default", resourceVersion: list.metadata.resourceVersion ?? "" }, (event) => {
    if (event.type !== "BOOKMARK" && event.object.metadata.name === NAME) max = Math.max(max, stsShape(event.object).replicas);
  });
  return { max: () => max, stop: () => watch.stop() };
}

describe("LWS rolling updates on the embedded cluster", () => {
  it("bursts to 5 groups with maxSurge 1, then settles on 4 groups on the new template", async () => {
    const oldHash = await createAndSettle({ maxUnavailable: 1, maxSurge: 1 });
    const replicas = await recordMaxReplicas();
    await editLws(changeImage("nginx:2"));
    const pods = await waitFor(async () => {
      const hash = await currentHash();
      const list = await settledPods(4);
      const done = hash !== oldHash && list.every((p) => hashOf(p) === hash) && stsShape(await leaderSts()).replicas === 4 && (await statusOf()).updatedReplicas === 4;
      return done ? list : undefined;
    }, { what: "4 groups on the new revision", timeoutMs: 20_000 });
    replicas.stop();
    expect(replicas.max()).toBe(5);
    expect(stsShape(await leaderSts())).toEqual({ replicas: 4, partition: 0 });
    expect(pods.map((p) => p.metadata.name).sort()).toEqual(["roll-0", "roll-0-1", "roll-1", "roll-1-1", "roll-2", "roll-2-1", "roll-3", "roll-3-1"]);
    await expect(client().get(STATEFUL_SETS, "default", "roll-4")).rejects.toMatchObject({ code: 404 });
    expect(pods.every((p) => (p.spec as { containers: Array<{ image: string }> }).containers[0].image === "nginx:2")).toBe(true);
  });

  it("updates only groups at or above the user partition, and finishes when it is lowered to 0", async () => {
    const oldHash = await createAndSettle({ maxUnavailable: 1, partition: 2 });
    await editLws(changeImage("nginx:2"));
    const partial = await waitFor(async () => {
      const hash = await currentHash();
      const list = await settledPods(4);
      const updated = list.filter((p) => hash !== oldHash && hashOf(p) === hash).map(groupOf);
      return new Set(updated).size === 2 && (await statusOf()).updatedReplicas === 2 ? list : undefined;
    }, { what: "groups 2 and 3 updated", timeoutMs: 20_000 });
    const newHash = await currentHash();
    for (const pod of partial) expect([groupOf(pod), hashOf(pod)]).toEqual([groupOf(pod), groupOf(pod) >= 2 ? newHash : oldHash]);
    expect(stsShape(await leaderSts())).toEqual({ replicas: 4, partition: 2 });
    // Groups below the partition are not waited for: with the rest updated and ready, the LWS is Available.
    await waitFor(async () => conditionOf(await statusOf(), CONDITION_TYPES.available) === "True", { what: "Available at partition 2" });
    expect(stsShape(await leaderSts())).toEqual({ replicas: 4, partition: 2 });
    expect((await settledPods(4)).filter((p) => hashOf(p) === oldHash).map(groupOf).sort()).toEqual([0, 0, 1, 1]);

    await editLws((spec) => {
      (spec.rolloutStrategy as { rollingUpdateConfiguration: Record<string, unknown> }).rollingUpdateConfiguration.partition = 0;
    });
    await waitFor(async () => (await settledPods(4)).every((p) => hashOf(p) === newHash) && (await statusOf()).updatedReplicas === 4, { what: "every group updated", timeoutMs: 20_000 });
    expect(stsShape(await leaderSts())).toEqual({ replicas: 4, partition: 0 });
  });

  it("converges on 6 updated groups when replicas go from 4 to 6 in the middle of a rollout", async () => {
    const oldHash = await createAndSettle({ maxUnavailable: 1 });
    // The new template only fits nodes labelled pool=new: none yet, so the rollout stalls on its first group.
    await editLws((spec) => {
      changeImage("nginx:2")(spec);
      template(spec).nodeSelector = { pool: "new" };
    });
    await waitFor(async () => conditionOf(await statusOf(), CONDITION_TYPES.updateInProgress) === "True", { what: "the rollout under way" });
    expect((await currentHash()) !== oldHash).toBe(true);
    await editLws((spec) => {
      spec.replicas = 6;
    });
    await waitFor(async () => stsShape(await leaderSts()).replicas >= 6, { what: "the leader StatefulSet scaled" });
    await client().patch(NODES, "", "node-a1-1", { type: "merge", body: { metadata: { labels: { pool: "new" } } } });

    const newHash = await currentHash();
    const status = await waitFor(async () => {
      const list = await settledPods(6);
      const current = await statusOf();
      return list.every((p) => hashOf(p) === newHash) && current.updatedReplicas === 6 && current.readyReplicas === 6 ? current : undefined;
    }, { what: "6 ready groups on the new revision", timeoutMs: 20_000 });
    expect(status.replicas).toBe(6);
    expect(stsShape(await leaderSts())).toEqual({ replicas: 6, partition: 0 });
    const settled = await waitFor(async () => {
      const current = await statusOf();
      return conditionOf(current, CONDITION_TYPES.available) === "True" ? current : undefined;
    }, { what: "Available" });
    expect(conditionOf(settled, CONDITION_TYPES.progressing)).toBe("False");
    expect(conditionOf(settled, CONDITION_TYPES.updateInProgress)).toBe("False");
  });
});
