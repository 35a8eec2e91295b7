import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_LWS } from "@/lib/lws/examples";
import { hasKubectl, kubectl } from "@/server/testing/kubectl";
import { INSTANT_SIMULATION, startTestServer, type TestServer } from "@/server/testing/test-server";
import { waitFor } from "@/server/testing/wait-for";


const CONTAINER = `        containers:
        - name: main
          image: vllm/vllm-openai:v0.6.0
          resources: {requests: {cpu: "1"}}
`;

function lws(name: string, body: string, annotations = ""): string {
  return `apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata:
  name: ${name}
${annotations ? `  annotations:\n${annotations}` : ""}spec:
${body}`;
}

interface PodJson {
  metadata: { name: string; labels: Record<string, string> };
  spec: { nodeName?: string; containers: Array<{ name: string; image: string }> };
  status: { phase: string };
}

describe.skipIf(!hasKubectl)("the concepts page's examples, applied with kubectl", () => {
  let server: TestServer;
  const k = (args: string[], input?: string) => kubectl(server.kubeconfig, args, { input });
  const podsOf = async (name: string, namespace = "default"): Promise<PodJson[]> => JSON.parse((await k(["get", "pods", "-n", namespace, "-l", `leaderworkerset.sigs.k8s.io/name=${name}`, "-o", "json"])).stdout).items;
  const running = (name: string, count: number, namespace = "default") =>
    waitFor(async () => {
      const pods = await podsOf(name, namespace);
      return pods.length === count && pods.every((p) => p.status.phase === "Running") ? pods : undefined;
    }, { what: `${count} running pods of ${name}`, timeoutMs: 20_000 });
  // Exclusive placement's anti-affinity matches every LWS pod of a namespace (upstream #539), so
  // the placement examples each get a namespace of their own.
  const applyIn = async (namespace: string, manifest: string) => {
    await k(["create", "namespace", namespace]);
    return k(["apply", "-n", namespace, "-f", "-"], manifest);
  };
  const nodes = async () => new Map((JSON.parse((await k(["get", "nodes", "-o", "json"])).stdout).items as Array<{ metadata: { name: string; labels: Record<string, string> } }>).map((n) => [n.metadata.name, n.metadata.labels]));

  beforeAll(async () => {
    server = await startTestServer({ simulation: INSTANT_SIMULATION, lws: "controller" });
  });
  afterAll(() => server.close());

  it("runs the sample: exactly the 12 pods shown, Running 1/1", async () => {
    expect((await k(["apply", "-f", "-"], SAMPLE_LWS)).stdout).toContain("leaderworkerset-sample created");
    const selector = "--selector=leaderworkerset.sigs.k8s.io/name=leaderworkerset-sample";
    const lines = await waitFor(async () => {
      const out = (await k(["get", "pods", selector, "--no-headers"])).stdout.trim().split("\n").filter(Boolean);
      return out.length === 12 && out.every((l) => /^\S+\s+1\/1\s+Running\s+0\s/.test(l)) ? out : undefined;
    }, { what: "12 running pods", timeoutMs: 20_000 });
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual([
      "leaderworkerset-sample-0", "leaderworkerset-sample-0-1", "leaderworkerset-sample-0-2", "leaderworkerset-sample-0-3",
      "leaderworkerset-sample-1", "leaderworkerset-sample-1-1", "leaderworkerset-sample-1-2", "leaderworkerset-sample-1-3",
      "leaderworkerset-sample-2", "leaderworkerset-sample-2-1", "leaderworkerset-sample-2-2", "leaderworkerset-sample-2-3",
    ]);
    const header = (await k(["get", "pods", selector])).stdout.split("\n")[0];
    expect(header).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    await waitFor(async () => /^leaderworkerset-sample\s+3\s+3\s+3\s+/m.test((await k(["get", "lws"])).stdout), { what: "lws 3/3/3" });
    const worker = JSON.parse((await k(["get", "pod", "leaderworkerset-sample-1-2", "-o", "json"])).stdout);
    expect(worker.spec.containers[0].env.slice(0, 3)).toEqual([
      { name: "LWS_LEADER_ADDRESS", value: "leaderworkerset-sample-1.leaderworkerset-sample.default" },
      { name: "LWS_GROUP_SIZE", value: "4" },
      { name: "LWS_WORKER_INDEX", value: "2" },
    ]);
  });

  it("uses leaderTemplate for leaders and workerTemplate for workers", async () => {
    await k(["apply", "-f", "-"], lws("multi", `  replicas: 2
  leaderWorkerTemplate:
    size: 3
    leaderTemplate:
      spec:
        containers:
        - name: leader
          image: nginx:1.27
    workerTemplate:
      spec:
${CONTAINER}`));
    const pods = await running("multi", 6);
    for (const pod of pods) {
      const leader = pod.metadata.labels["leaderworkerset.sigs.k8s.io/worker-index"] === "0";
      expect(pod.spec.containers[0].name).toBe(leader ? "leader" : "main");
    }
  });

  it("with startupPolicy LeaderReady creates workers only once the leader is Ready", async () => {
    await k(["apply", "-f", "-"], lws("ready-first", `  startupPolicy: LeaderReady
  replicas: 1
  leaderWorkerTemplate:
    size: 3
    workerTemplate:
      spec:
${CONTAINER}`));
    await running("ready-first", 3);
    const events = (await k(["get", "events", "--field-selector", "involvedObject.name=ready-first", "-o", "json"])).stdout;
    expect(events).toContain("Created worker statefulset for leader pod ready-first-0");
  });

  it("puts each group on its own rack with the exclusive-topology annotation", async () => {
    await applyIn("exclusive", lws("exclusive", `  replicas: 3
  leaderWorkerTemplate:
    size: 4
    workerTemplate:
      spec:
${CONTAINER}`, "    leaderworkerset.sigs.k8s.io/exclusive-topology: rack\n"));
    const pods = await running("exclusive", 12, "exclusive");
    const labels = await nodes();
    const racksByGroup = new Map<string, Set<string>>();
    for (const pod of pods) {
      const group = pod.metadata.labels["leaderworkerset.sigs.k8s.io/group-index"];
      const rack = labels.get(pod.spec.nodeName ?? "")?.rack ?? "";
      racksByGroup.set(group, new Set([...(racksByGroup.get(group) ?? []), rack]));
    }
    expect([...racksByGroup.values()].every((racks) => racks.size === 1)).toBe(true);
    expect(new Set([...racksByGroup.values()].map((r) => [...r][0])).size).toBe(3);
  });

  it("places each sub-group on its own rack with subgroup-exclusive-topology", async () => {
    await applyIn("subgroups", lws("subgroups", `  replicas: 3
  leaderWorkerTemplate:
    subGroupPolicy:
      subGroupSize: 2
    size: 4
    workerTemplate:
      spec:
${CONTAINER}`, "    leaderworkerset.sigs.k8s.io/subgroup-exclusive-topology: rack\n"));
    const pods = await running("subgroups", 12, "subgroups");
    const labels = await nodes();
    const racks = new Map<string, Set<string>>();
    for (const pod of pods) {
      const key = pod.metadata.labels["leaderworkerset.sigs.k8s.io/subgroup-key"];
      racks.set(key, new Set([...(racks.get(key) ?? []), labels.get(pod.spec.nodeName ?? "")?.rack ?? ""]));
    }
    expect(racks.size).toBe(6);
    expect([...racks.values()].every((r) => r.size === 1)).toBe(true);
    expect(new Set([...racks.values()].map((r) => [...r][0])).size).toBe(6);
  });

  it("keeps the leader out of the sub-groups with LeaderExcluded", async () => {
    await applyIn("leader-excluded", lws("leader-excluded", `  replicas: 1
  leaderWorkerTemplate:
    subGroupPolicy:
      subGroupPolicyType: LeaderExcluded
      subGroupSize: 2
    size: 5
    workerTemplate:
      spec:
${CONTAINER}`));
    const pods = await running("leader-excluded", 5, "leader-excluded");
    const byWorker = Object.fromEntries(pods.map((p) => [p.metadata.labels["leaderworkerset.sigs.k8s.io/worker-index"], p.metadata.labels["leaderworkerset.sigs.k8s.io/subgroup-index"]]));
    expect(byWorker).toEqual({ "0": undefined, "1": "0", "2": "0", "3": "1", "4": "1" });
  });

  it("creates the PVCs of volumeClaimTemplates for leaders and workers", async () => {
    await k(["apply", "-f", "-"], lws("lws", `  replicas: 2
  leaderWorkerTemplate:
    size: 2
    volumeClaimTemplates:
      - metadata:
          name: persistent-storage
        spec:
          storageClassName: default
          accessModes: ["ReadWriteOnce"]
          resources:
            requests:
              storage: 100Gi
    leaderTemplate:
      spec:
        containers:
          - name: leader
            image: nginx:1.27
            volumeMounts:
              - mountPath: /mnt/volume
                name: persistent-storage
    workerTemplate:
      spec:
        containers:
          - name: worker
            image: nginx:1.27
            volumeMounts:
              - mountPath: /mnt/volume
                name: persistent-storage`));
    await running("lws", 4);
    const claims = (await k(["get", "pvc", "-o", "name"])).stdout.trim().split("\n").sort();
    expect(claims).toEqual(["persistentvolumeclaim/persistent-storage-lws-0", "persistentvolumeclaim/persistent-storage-lws-0-1", "persistentvolumeclaim/persistent-storage-lws-1", "persistentvolumeclaim/persistent-storage-lws-1-1"]);
  });
});
