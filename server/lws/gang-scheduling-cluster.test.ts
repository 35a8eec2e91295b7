import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEADER_WORKER_SETS, POD_GROUPS, PODS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, LABELS } from "@/lib/lws/constants";
import { hasKubectl, kubectl } from "@/server/testing/kubectl";
import { INSTANT_SIMULATION, startTestServer, type TestServer } from "@/server/testing/test-server";
import { waitFor } from "@/server/testing/wait-for";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ lws: "controller", gangScheduling: "volcano", simulation: { ...INSTANT_SIMULATION, scheduler: { gang: true } } });
});
afterEach(() => server.close());

const client = () => server.cluster.client;

function lws(name: string, options: { replicas: number; size: number; resources: Record<string, string>; nodeSelector?: Record<string, string>; annotations?: Record<string, string> }): KubeObject {
  const container = { name: "main", image: "vllm:1", resources: { requests: options.resources, limits: options.resources } };
  return {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name, namespace: "default", annotations: options.annotations },
    spec: {
      replicas: options.replicas,
      leaderWorkerTemplate: { size: options.size, workerTemplate: { spec: { containers: [container], ...(options.nodeSelector ? { nodeSelector: options.nodeSelector } : {}) } } },
    },
  };
}

const pods = async (name: string) => (await client().list(PODS, { namespace: "default", labelSelector: `${LABELS.name}=${name}` })).items;
const podGroups = async (name: string) => (await client().list(POD_GROUPS, { namespace: "default", labelSelector: `${LABELS.name}=${name}` })).items;
const nodeName = (pod: KubeObject) => (pod.spec as { nodeName?: string }).nodeName;
const isReady = (pod: KubeObject) => ((pod.status as { conditions?: Array<{ type: string; status: string }> }).conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
const unschedulable = (pod: KubeObject) => ((pod.status as { conditions?: Array<{ type: string; status: string }> }).conditions ?? []).some((c) => c.type === "PodScheduled" && c.status === "False");
const leaderOf = (list: KubeObject[], group: number) => list.find((p) => p.metadata.name === `serve-${group}`);

async function allReady(name: string, count: number): Promise<KubeObject[]> {
  return waitFor(async () => {
    const list = await pods(name);
    return list.length === count && list.every((p) => isReady(p) && !p.metadata.deletionTimestamp) ? list : undefined;
  }, { what: `${count} ready pods of ${name}`, timeoutMs: 15_000 });
}

describe("LWS gang scheduling with volcano PodGroups on the embedded cluster", () => {
  it("creates one PodGroup per group, owned by its leader, and a new one when the group is recreated", async () => {
    const annotations = { [ANNOTATIONS.volcanoQueueName]: "inference", "volcano.sh/preemptable": "false" };
    await client().create(LEADER_WORKER_SETS, lws("serve", { replicas: 2, size: 3, resources: { cpu: "1", memory: "1Gi" }, annotations }));
    const before = await allReady("serve", 6);
    const hash = leaderOf(before, 0)?.metadata.labels?.[LABELS.templateRevisionHash] ?? "";
    const groups = await waitFor(async () => ((await podGroups("serve")).length === 2 ? podGroups("serve") : undefined));
    for (const index of [0, 1]) {
      const group = groups.find((g) => g.metadata.name === `serve-${index}-${hash}`);
      expect(group?.metadata.labels).toEqual({ [LABELS.name]: "serve", [LABELS.groupIndex]: String(index), [LABELS.templateRevisionHash]: hash });
      expect(group?.metadata.annotations).toEqual({ "volcano.sh/preemptable": "false" });
      expect(group?.spec).toEqual({ minMember: 3, minResources: { cpu: "3", memory: "3Gi" }, queue: "inference" });
      expect(group?.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: "Pod", name: `serve-${index}`, uid: leaderOf(before, index)?.metadata.uid, controller: true })]);
    }
    for (const pod of before) expect(pod.metadata.annotations?.[ANNOTATIONS.volcanoGroupName]).toBe(`serve-${pod.metadata.labels?.[LABELS.groupIndex]}-${hash}`);

    await client().delete(PODS, "default", "serve-1");
    const newLeader = await waitFor(async () => {
      const leader = leaderOf(await allReady("serve", 6), 1);
      return leader?.metadata.uid !== leaderOf(before, 1)?.metadata.uid ? leader : undefined;
    }, { what: "group 1 recreated", timeoutMs: 15_000 });
    await waitFor(async () => (await client().get(POD_GROUPS, "default", `serve-1-${hash}`)).metadata.ownerReferences?.[0]?.uid === newLeader.metadata.uid, {
      what: "the old PodGroup garbage collected and a new one owned by the new leader",
    });
    expect((await podGroups("serve")).map((g) => g.metadata.name).sort()).toEqual([`serve-0-${hash}`, `serve-1-${hash}`]);
  });

  it("places a group all or none: of two groups of three 8-GPU pods on a 4-node rack, one runs and the other stays Pending", async () => {
    await client().create(LEADER_WORKER_SETS, lws("big", { replicas: 2, size: 3, resources: { "nvidia.com/gpu": "8" }, nodeSelector: { rack: "rack-a1" } }));
    const list = await waitFor(async () => {
      const all = await pods("big");
      const placed = all.filter((p) => nodeName(p) && isReady(p));
      return all.length === 6 && placed.length === 3 && all.filter(unschedulable).length === 3 ? all : undefined;
    }, { what: "one group running and the other unschedulable", timeoutMs: 15_000 });
    const placedGroups = new Set(list.filter(nodeName).map((p) => p.metadata.labels?.[LABELS.groupIndex]));
    expect(placedGroups.size).toBe(1);
    const waiting = list.filter((p) => !placedGroups.has(p.metadata.labels?.[LABELS.groupIndex]));
    expect(waiting).toHaveLength(3);
    for (const pod of waiting) {
      expect(nodeName(pod)).toBeUndefined();
      expect((pod.status as { phase?: string }).phase).toBe("Pending");
    }
  });

  it.skipIf(!hasKubectl)("serves PodGroups to kubectl", async () => {
    await client().create(LEADER_WORKER_SETS, lws("serve", { replicas: 1, size: 2, resources: { cpu: "1" } }));
    await waitFor(async () => (await podGroups("serve")).length === 1);
    const listed = await kubectl(server.kubeconfig, ["get", "podgroups", "-n", "default", "-o", "name"]);
    expect(listed.stdout).toMatch(/^podgroup\.scheduling\.volcano\.sh\/serve-0-[0-9a-z]+$/m);
    expect((await kubectl(server.kubeconfig, ["get", "pg", "-l", `${LABELS.groupIndex}=0`])).stdout).toMatch(/^NAME\s+AGE\nserve-0-/);
    expect((await kubectl(server.kubeconfig, ["explain", "podgroup.spec.minMember"])).stdout).toContain("minMember");
  });
});
