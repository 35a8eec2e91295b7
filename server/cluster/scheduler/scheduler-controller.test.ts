import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EVENTS, NODES, POD_GROUPS, PODS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { InformerFactory } from "@/server/runtime/informer-factory";
import { waitFor } from "@/server/testing/wait-for";
import { EmbeddedClient } from "../embedded-client";
import { EmbeddedCluster } from "../embedded-cluster";
import { GANG_MIN_MEMBER_ANNOTATION, SchedulerController } from "./scheduler-controller";
import { exclusiveTopology, node, pod } from "./test-builders";

let cluster: EmbeddedCluster;
let client: EmbeddedClient;
let scheduler: SchedulerController;

async function start(options: ConstructorParameters<typeof SchedulerController>[2] = {}) {
  scheduler = new SchedulerController(client, new InformerFactory(client), options);
  await scheduler.start();
}

beforeEach(async () => {
  cluster = new EmbeddedCluster({ dbPath: ":memory:" });
  await cluster.start();
  client = new EmbeddedClient(cluster.registry);
  // Four racks of two nodes with 8 GPUs each.
  for (const rack of ["r1", "r2", "r3", "r4"]) {
    for (const n of [1, 2]) {
      const object = node(`${rack}-n${n}`).rack(rack).capacity({ cpu: "32", memory: "256Gi", "nvidia.com/gpu": "8" }).ready("True").object();
      await client.create(NODES, object);
    }
  }
});
afterEach(() => {
  scheduler.stop();
  cluster.close();
});

const nodeOf = async (name: string) => ((await client.get(PODS, "default", name)).spec as { nodeName?: string }).nodeName;
const rackOf = (nodeName: string | undefined) => nodeName?.split("-")[0];

describe("the embedded kube-scheduler", () => {
  it("binds a pending pod to a node that fits and records Scheduled", async () => {
    await start();
    await client.create(PODS, pod("p1", "default").container({ cpu: "1", "nvidia.com/gpu": "8" }).object());
    const nodeName = await waitFor(() => nodeOf("p1"));
    expect(nodeName).toMatch(/^r\d-n\d$/);
    const scheduled = (await client.get(PODS, "default", "p1")).status as { conditions: Array<{ type: string; status: string }> };
    expect(scheduled.conditions).toContainEqual(expect.objectContaining({ type: "PodScheduled", status: "True" }));
    const events = await waitFor(async () => (await client.list(EVENTS, { namespace: "default" })).items.find((e) => e.reason === "Scheduled"));
    expect(events.message).toBe(`Successfully assigned default/p1 to ${nodeName}`);
  });

  it("honours nodeSelector on racks", async () => {
    await start();
    await client.create(PODS, pod("p1", "default").container({ cpu: "1" }).nodeSelector({ rack: "r3" }).object());
    expect(rackOf(await waitFor(() => nodeOf("p1")))).toBe("r3");
  });

  it("puts exclusive-topology groups on distinct racks and explains the one that cannot fit", async () => {
    await start();
    for (const group of ["g0", "g1", "g2", "g3", "g4"]) {
      for (const member of [0, 1]) {
        const builder = exclusiveTopology(pod(`${group}-${member}`, "default").container({ cpu: "1", "nvidia.com/gpu": "1" }), group);
        await client.create(PODS, builder.object());
      }
    }
    const racks = new Map<string, string | undefined>();
    for (const group of ["g0", "g1", "g2", "g3"]) {
      const a = await waitFor(() => nodeOf(`${group}-0`));
      const b = await waitFor(() => nodeOf(`${group}-1`));
      expect(rackOf(a)).toBe(rackOf(b));
      racks.set(group, rackOf(a));
    }
    expect(new Set(racks.values()).size).toBe(4);
    const stuck = await waitFor(async () => {
      const p = await client.get(PODS, "default", "g4-0");
      const cond = ((p.status as { conditions?: Array<Record<string, string>> }).conditions ?? []).find((c) => c.type === "PodScheduled");
      return cond?.status === "False" ? cond : undefined;
    });
    expect(stuck.reason).toBe("Unschedulable");
    expect(stuck.message).toMatch(/^0\/8 nodes are available: .*didn't match pod anti-affinity rules/);
    const written = (await client.get(PODS, "default", "g4-0")).metadata.managedFields?.find((m) => m.subresource === "status");
    expect(written?.manager).toBe("kube-scheduler");
    const failed = await waitFor(async () => (await client.list(EVENTS, { namespace: "default", fieldSelector: "involvedObject.name=g4-0" })).items.find((e) => e.reason === "FailedScheduling"));
    expect(failed.type).toBe("Warning");
  });

  it("reports insufficient GPUs in kube-scheduler's words and retries when capacity frees up", async () => {
    await start();
    const hogs: KubeObject[] = [];
    for (let i = 0; i < 8; i++) hogs.push(await client.create(PODS, pod(`hog-${i}`, "default").container({ "nvidia.com/gpu": "8" }).object()));
    for (const h of hogs) await waitFor(() => nodeOf(h.metadata.name!));
    await client.create(PODS, pod("late", "default").container({ "nvidia.com/gpu": "4" }).object());
    const message = await waitFor(async () => {
      const p = await client.get(PODS, "default", "late");
      return ((p.status as { conditions?: Array<Record<string, string>> }).conditions ?? []).find((c) => c.type === "PodScheduled")?.message;
    });
    expect(message).toMatch(/^0\/8 nodes are available: 8 Insufficient nvidia\.com\/gpu\./);
    await client.delete(PODS, "default", "hog-3", { gracePeriodSeconds: 0 });
    expect(await waitFor(() => nodeOf("late"))).toBeDefined();
  });

  it("places a pod group all or none in gang mode", async () => {
    await start({ gang: true });
    for (let i = 0; i < 3; i++) {
      const member = pod(`gang-${i}`, "default").labels({ "scheduling.x-k8s.io/pod-group": "big" }).annotations({ [GANG_MIN_MEMBER_ANNOTATION]: "3" });
      await client.create(PODS, member.container({ "nvidia.com/gpu": "8" }).nodeSelector({ rack: "r1" }).object());
    }
    await waitFor(async () => ((await client.get(PODS, "default", "gang-0")).status as { conditions?: unknown[] }).conditions?.length);
    await scheduler.idle();
    for (let i = 0; i < 3; i++) expect(await nodeOf(`gang-${i}`)).toBeUndefined();
  });

  it("places a whole pod group once it fits", async () => {
    await start({ gang: true });
    for (let i = 0; i < 2; i++) {
      const member = pod(`fits-${i}`, "default").labels({ "scheduling.x-k8s.io/pod-group": "small" }).annotations({ [GANG_MIN_MEMBER_ANNOTATION]: "2" });
      await client.create(PODS, member.container({ "nvidia.com/gpu": "8" }).nodeSelector({ rack: "r2" }).object());
    }
    expect(rackOf(await waitFor(() => nodeOf("fits-0")))).toBe("r2");
    expect(rackOf(await waitFor(() => nodeOf("fits-1")))).toBe("r2");
  });

  describe("with volcano PodGroups", () => {
    const volcanoMember = (name: string, group: string) =>
      pod(name, "default").annotations({ "scheduling.k8s.io/group-name": group }).container({ "nvidia.com/gpu": "8" }).nodeSelector({ rack: "r1" }).object();
    const podGroup = (name: string, minMember: number) => ({ apiVersion: "scheduling.volcano.sh/v1beta1", kind: "PodGroup", metadata: { name, namespace: "default" }, spec: { minMember } });
    const schedulingMessage = async (name: string) =>
      ((await client.get(PODS, "default", name)).status as { conditions?: Array<Record<string, string>> }).conditions?.find((c) => c.type === "PodScheduled" && c.status === "False")?.message;

    it("takes minMember from the PodGroup: two of three fit rack r1, and two are enough", async () => {
      await start({ gang: true });
      await client.create(POD_GROUPS, podGroup("pg", 2));
      for (let i = 0; i < 3; i++) await client.create(PODS, volcanoMember(`m-${i}`, "pg"));
      await waitFor(async () => (await Promise.all([0, 1, 2].map((i) => nodeOf(`m-${i}`)))).filter(Boolean).length === 2, { what: "two members placed" });
      await scheduler.idle();
      expect((await Promise.all([0, 1, 2].map((i) => nodeOf(`m-${i}`)))).filter(Boolean).map(rackOf)).toEqual(["r1", "r1"]);
    });

    it("places none until the PodGroup exists, then the whole group", async () => {
      await start({ gang: true });
      for (let i = 0; i < 2; i++) await client.create(PODS, volcanoMember(`w-${i}`, "late"));
      expect(await waitFor(() => schedulingMessage("w-1"))).toBe("pod group late not found: waiting for its PodGroup");
      expect(await nodeOf("w-0")).toBeUndefined();
      await client.create(POD_GROUPS, podGroup("late", 2));
      expect(rackOf(await waitFor(() => nodeOf("w-0")))).toBe("r1");
      expect(rackOf(await waitFor(() => nodeOf("w-1")))).toBe("r1");
    });

    it("counts bound members toward the quorum, so a replaced member goes alone", async () => {
      await start({ gang: true });
      await client.create(POD_GROUPS, podGroup("pair", 2));
      await client.create(PODS, volcanoMember("a", "pair"));
      expect(await waitFor(() => schedulingMessage("a"))).toMatch(/^pod group pair: fewer than 2 of its 1 pending pods can be placed/);
      await client.create(PODS, volcanoMember("b", "pair"));
      await waitFor(() => nodeOf("a"));
      await client.delete(PODS, "default", "b", { gracePeriodSeconds: 0 });
      await client.create(PODS, volcanoMember("b2", "pair"));
      expect(rackOf(await waitFor(() => nodeOf("b2")))).toBe("r1");
    });
  });
});
