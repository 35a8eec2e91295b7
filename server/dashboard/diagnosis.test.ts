import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEADER_WORKER_SETS } from "@/lib/k8s/resources";
import { EXCLUSIVE, lwsManifest as lws, startDiagnosisCluster, workerTemplate, type DiagnosisCluster } from "@/server/testing/diagnosis-cluster";
import { waitFor } from "@/server/testing/wait-for";

let cluster: DiagnosisCluster;
beforeEach(async () => {
  cluster = await startDiagnosisCluster();
});
afterEach(() => cluster.close());

const lwsDiagnosisOf = (name: string) => cluster.diagnosis(name);
const diagnosisOf = (name: string) => lwsDiagnosisOf(name).groups;
const healthy = (name: string, groups: number) => cluster.healthy(name, groups);

/** "0-3, 5-8": the group indexes as the diagnosis writes them. */
function groupRuns(indexes: number[]): string {
  const runs: number[][] = [];
  for (const i of indexes) {
    const last = runs.at(-1);
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else runs.push([i]);
  }
  return runs.map((r) => (r.length > 1 ? `${r[0]}-${r[r.length - 1]}` : `${r[0]}`)).join(", ");
}

async function changeTemplate(name: string, gpus: string, image: string): Promise<void> {
  await cluster.server.cluster.client.patch(LEADER_WORKER_SETS, "default", name, { type: "merge", body: { spec: { leaderWorkerTemplate: { workerTemplate: workerTemplate(gpus, image) } } } });
}

describe("diagnosis of groups on the embedded cluster", () => {
  it("raises no alarm for a healthy LWS", async () => {
    await cluster.create(lws("fine", 2, "1"));
    const result = await healthy("fine", 2);
    expect(result.groups.flatMap((g) => g.causes)).toEqual([]);
    expect(result.groups.map((g) => g.restarts)).toEqual([{ count: 0, podRestarts: 0 }, { count: 0, podRestarts: 0 }]);
  });

  it("calls a rollout held by the user's partition intentional, the held groups healthy", async () => {
    const rollout = { rolloutStrategy: { type: "RollingUpdate", rollingUpdateConfiguration: { partition: 2, maxUnavailable: 1, maxSurge: 0 } } };
    await cluster.create(lws("canary", 3, "1", {}, rollout));
    await healthy("canary", 3);
    await changeTemplate("canary", "1", "vllm:2");
    const paused = await waitFor(() => ((d) => d.rollout?.summary.startsWith("rolling update paused") && d.groups.every((g) => g.verdict === "healthy") && d)(lwsDiagnosisOf("canary")), { what: "a paused rollout" });
    expect(paused.rollout).toMatchObject({ verdict: "progressing", summary: expect.stringMatching(/^rolling update paused by partition 2: 2 groups below it stay on revision \w+$/) });
    expect(paused.rollout?.evidence).toContain("1/3 groups updated");
    expect(paused.groups.flatMap((g) => g.causes)).toEqual([]);
  });

  it("says the rollout waits on a group whose new template cannot be scheduled", async () => {
    await cluster.create(lws("upgrade", 2, "1"));
    await healthy("upgrade", 2);
    await changeTemplate("upgrade", "100", "vllm:2");
    const stuck = await waitFor(() => ((d) => d.rollout?.verdict === "stuck" && d)(lwsDiagnosisOf("upgrade")), { what: "a stuck rollout" });
    expect(stuck.rollout?.summary).toMatch(/^rolling update to revision \w+ waits on an updated group that cannot become Ready: group 1 \(1 pod cannot be scheduled: no node has 100 free nvidia\.com\/gpu; the most free on one node is \d+ \(node-\w+-\d\)/);
    expect(stuck.rollout?.suggestion).toMatch(/fix the template/);
    expect(stuck.groups.map((g) => g.verdict)).toEqual(["healthy", "stuck"]);
    expect(stuck.groups[1].causes.at(-1)?.summary).toMatch(/waits for this group to become Ready/);
  });

  it("blames a PersistentVolumeClaim of a storage class nobody provisions", async () => {
    const claims = { volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { storageClassName: "no-such-class", accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } } }] };
    const spec = lws("disk", 1, "1");
    await cluster.create({ ...spec, spec: { ...(spec.spec as object), leaderWorkerTemplate: { ...(spec.spec as { leaderWorkerTemplate: object }).leaderWorkerTemplate, ...claims } } });
    const stuck = await waitFor(() => diagnosisOf("disk").find((g) => g.causes[0]?.summary.startsWith("PVC data-disk-0 Pending: storageclass")), { what: "a Pending claim" });
    expect(stuck.verdict).toBe("stuck");
    expect(stuck.causes[0].summary).toBe('PVC data-disk-0 Pending: storageclass.storage.k8s.io "no-such-class" not found');
    expect(stuck.causes[0].evidence[0]).toBe("pvc/data-disk-0: Pending, storageClassName no-such-class, requests 10Gi, for pod/disk-0");
  });

  it("explains a group that cannot get a rack of its own: every rack is taken by the other groups", async () => {
    // 8 racks in the default topology: the ninth group has nowhere to go.
    await cluster.create(lws("racks", 9, "1", { [EXCLUSIVE]: "rack" }));
    const stuck = await waitFor(() => diagnosisOf("racks").find((g) => g.verdict === "stuck" && /all 8 racks are taken/.test(g.causes[0]?.summary ?? "")), { what: "a stuck group", timeoutMs: 20_000 });
    const others = [0, 1, 2, 3, 4, 5, 6, 7, 8].filter((i) => i !== stuck.index);
    expect(stuck.causes[0].summary).toBe(`1 pod cannot be scheduled: exclusive topology needs a rack of its own with room for 2 pods, 2 nvidia.com/gpu; all 8 racks are taken by groups ${groupRuns(others)}`);
    expect(stuck.causes[0].evidence).toEqual(expect.arrayContaining([expect.stringMatching(/^rack-a1 is taken by group \d$/), expect.stringMatching(/^kube-scheduler: 0\/32 nodes are available: .*anti-affinity/)]));
    expect(stuck.causes[0].suggestion).toBe("add a rack with room for a group (nodes labelled rack) or lower replicas to 8");
    await waitFor(() => diagnosisOf("racks").filter((g) => g.verdict === "healthy").length === 8, { what: "the other 8 groups healthy" });
  });

  it("names the other LWS of the namespace whose pods hold a rack (the namespace trap, upstream #539)", async () => {
    await cluster.create(lws("other", 1, "1"));
    await healthy("other", 1);
    await cluster.create(lws("trapped", 8, "1", { [EXCLUSIVE]: "rack" }));
    const stuck = await waitFor(() => diagnosisOf("trapped").find((g) => g.verdict === "stuck" && /pods of LWS other \(upstream #539\)$/.test(g.causes[0]?.summary ?? "")), { what: "a trapped group", timeoutMs: 20_000 });
    expect(stuck.causes[0].summary).toMatch(/^1 pod cannot be scheduled: exclusive topology needs a rack of its own with room for 2 pods, 2 nvidia\.com\/gpu; of 8 racks, \d are taken by groups [\d, -]+, (rack-\w+ holds|2 hold) pods of LWS other \(upstream #539\)$/);
    expect(stuck.causes[0].evidence).toContainEqual(expect.stringMatching(/^rack-\w+ holds pods of LWS other in this namespace, and exclusive placement keeps every LWS's groups apart there \(upstream #539\)$/));
    expect(stuck.causes[0].suggestion).toContain("move LWS other to another namespace");
  });

  it("explains GPUs that no node has", async () => {
    await cluster.create(lws("greedy", 1, "16"));
    const stuck = await waitFor(() => diagnosisOf("greedy").find((g) => g.causes.some((c) => /cannot be scheduled/.test(c.summary))), { what: "a stuck group" });
    expect(stuck.verdict).toBe("stuck");
    expect(stuck.causes[0].summary).toMatch(/^[12] pods? cannot be scheduled: no node has 16 free nvidia\.com\/gpu; the most free on one node is 8 \(node-a1-1\)$/);
    expect(stuck.causes[0].evidence).toContainEqual(expect.stringMatching(/^kube-scheduler: 0\/32 nodes are available: 32 Insufficient nvidia\.com\/gpu/));
    expect(stuck.causes[0].suggestion).toMatch(/add nodes or free room/);
  });
});
