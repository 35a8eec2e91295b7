import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, SAMPLE_LWS } from "@/lib/lws/examples";
import { hasKubectl, kubectl } from "@/server/testing/kubectl";
import { INSTANT_SIMULATION, startTestServer, type TestServer } from "@/server/testing/test-server";
import { waitFor } from "@/server/testing/wait-for";


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
  /**
   * Applies a gallery example in a namespace of its own and waits for its pods. Own namespaces
   * because exclusive placement's anti-affinity repels every LWS pod of a namespace (upstream
   * #539); deleting the namespace afterwards frees the GPUs for the next example.
   */
  const runExample = async (id: string, count: number): Promise<{ pods: PodJson[]; done: () => Promise<unknown> }> => {
    const example = EXAMPLES.find((e) => e.id === id)!;
    await k(["create", "namespace", id]);
    expect((await k(["apply", "-n", id, "-f", "-"], example.yaml)).code).toBe(0);
    const name = /name: (\S+)/.exec(example.yaml)![1];
    return { pods: await running(name, count, id), done: () => k(["delete", "namespace", id, "--wait=false"]) };
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
    const { pods, done } = await runExample("multi-template", 8);
    for (const pod of pods) {
      const leader = pod.metadata.labels["leaderworkerset.sigs.k8s.io/worker-index"] === "0";
      expect(pod.spec.containers[0].name).toBe(leader ? "leader" : "vllm");
    }
    await done();
  });

  it("with startupPolicy LeaderReady creates workers only once the leader is Ready", async () => {
    const { done } = await runExample("leader-ready", 12);
    const events = (await k(["get", "events", "-n", "leader-ready", "--field-selector", "involvedObject.name=leader-ready", "-o", "json"])).stdout;
    expect(events).toContain("Created worker statefulset for leader pod leader-ready-0");
    await done();
  });

  it("puts each group on its own rack with the exclusive-topology annotation", async () => {
    const { pods, done } = await runExample("exclusive-rack", 12);
    const labels = await nodes();
    const racksByGroup = new Map<string, Set<string>>();
    for (const pod of pods) {
      const group = pod.metadata.labels["leaderworkerset.sigs.k8s.io/group-index"];
      racksByGroup.set(group, new Set([...(racksByGroup.get(group) ?? []), labels.get(pod.spec.nodeName ?? "")?.rack ?? ""]));
    }
    expect([...racksByGroup.values()].every((racks) => racks.size === 1)).toBe(true);
    expect(new Set([...racksByGroup.values()].map((r) => [...r][0])).size).toBe(3);
    await done();
  });

  it("places each sub-group on its own rack with subgroup-exclusive-topology", async () => {
    const { pods, done } = await runExample("subgroups", 12);
    const labels = await nodes();
    const racks = new Map<string, Set<string>>();
    for (const pod of pods) {
      const key = pod.metadata.labels["leaderworkerset.sigs.k8s.io/subgroup-key"];
      racks.set(key, new Set([...(racks.get(key) ?? []), labels.get(pod.spec.nodeName ?? "")?.rack ?? ""]));
    }
    expect(racks.size).toBe(6);
    expect([...racks.values()].every((r) => r.size === 1)).toBe(true);
    expect(new Set([...racks.values()].map((r) => [...r][0])).size).toBe(6);
    await done();
  });

  it("keeps the leader out of the sub-groups with LeaderExcluded", async () => {
    const { pods, done } = await runExample("leader-excluded", 10);
    const group0 = pods.filter((p) => p.metadata.labels["leaderworkerset.sigs.k8s.io/group-index"] === "0");
    const byWorker = Object.fromEntries(group0.map((p) => [p.metadata.labels["leaderworkerset.sigs.k8s.io/worker-index"], p.metadata.labels["leaderworkerset.sigs.k8s.io/subgroup-index"]]));
    expect(byWorker).toEqual({ "0": undefined, "1": "0", "2": "0", "3": "1", "4": "1" });
    await done();
  });

  it("creates the PVCs of volumeClaimTemplates for leaders and workers", async () => {
    const { done } = await runExample("volume-claims", 4);
    const claims = (await k(["get", "pvc", "-n", "volume-claims", "-o", "name"])).stdout.trim().split("\n").sort();
    expect(claims).toEqual(["persistentvolumeclaim/persistent-storage-lws-0", "persistentvolumeclaim/persistent-storage-lws-0-1", "persistentvolumeclaim/persistent-storage-lws-1", "persistentvolumeclaim/persistent-storage-lws-1-1"]);
    await done();
  });
});
