import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GroupDiagnosis, Verdict } from "@/lib/dashboard/diagnosis";
import { groupsInTrouble, troubleRows, type GroupInTrouble } from "@/lib/dashboard/groups-in-trouble";
import { forbidden } from "@/lib/k8s/api-errors";
import type { FaultInjector } from "@/lib/k8s/faults";
import { CONFIG_MAPS, NODES, PODS, STATEFUL_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { EXCLUSIVE, lwsManifest, startDiagnosisCluster, workerTemplate, type DiagnosisCluster } from "@/server/testing/diagnosis-cluster";
import { waitFor } from "@/server/testing/wait-for";

let cluster: DiagnosisCluster;
beforeEach(async () => {
  cluster = await startDiagnosisCluster();
});
afterEach(() => cluster.close());

const client = () => cluster.server.cluster.client;
const faults = (): FaultInjector => cluster.server.cluster.faults!;
const podNamed = (name: string) => cluster.pods().find((p) => p.name === name);

/** `lwsManifest` with more in its spec, its leaderWorkerTemplate and its pod template's spec (leader and workers alike). */
function lwsWith(name: string, replicas: number, gpus: string, more: { spec?: Record<string, unknown>; template?: Record<string, unknown>; podSpec?: Record<string, unknown> }): KubeObject {
  const pods = { spec: { ...workerTemplate(gpus).spec, ...more.podSpec } };
  return { ...lwsManifest(name, replicas, gpus), spec: { replicas, ...more.spec, leaderWorkerTemplate: { size: 2, ...more.template, workerTemplate: pods } } };
}

/** What a situation leaves behind: the group it breaks, the verdict it should get and the summary of one of its causes. */
interface Stuck {
  lws: string;
  group: number;
  verdict: Verdict;
  summary: string | RegExp;
}

/** The group's diagnosis once its causes include one matching `stuck.summary`. */
function diagnosed(stuck: Stuck): Promise<GroupDiagnosis> {
  const matches = (summary: string) => (typeof stuck.summary === "string" ? summary === stuck.summary : stuck.summary.test(summary));
  return waitFor(() => cluster.diagnosis(stuck.lws).groups.find((g) => g.index === stuck.group && g.verdict === stuck.verdict && g.causes.some((c) => matches(c.summary))), { what: `group ${stuck.group} of ${stuck.lws}: ${stuck.summary}` });
}

/** Every group of `stuck.lws` but the stuck one is healthy. */
function othersHealthy(stuck: Stuck): boolean {
  return cluster.diagnosis(stuck.lws).groups.every((g) => g.index === stuck.group || (g.verdict === "healthy" && g.causes.length === 0));
}

const GATE = "example.com/model-loaded";

/** LeaderReady leaders with a readiness gate that only group 1's ever meets: group 0's workers never come. */
async function leaderNeverReady(): Promise<Stuck> {
  const leaderTemplate = { spec: { ...workerTemplate("1").spec, readinessGates: [{ conditionType: GATE }] } };
  await cluster.create(lwsWith("gated", 2, "1", { spec: { startupPolicy: "LeaderReady" }, template: { leaderTemplate } }));
  await waitFor(() => podNamed("gated-1")?.phase === "Running", { what: "leader gated-1 running" });
  const condition = { type: GATE, status: "True", lastProbeTime: null, lastTransitionTime: new Date().toISOString() };
  await client().patchStatus(PODS, "default", "gated-1", { type: "strategic", body: { status: { conditions: [condition] } } });
  return { lws: "gated", group: 0, verdict: "stuck", summary: "startupPolicy LeaderReady: workers wait for leader gated-0, which is Running with 1/1 containers ready but not Ready: a readiness gate is not True" };
}

/** Group 0's worker node goes NotReady; the pods tolerate that for ever, so they stay there as they would for the default 300 s. */
async function nodeDown(): Promise<Stuck & { node: string }> {
  const tolerations = [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" }];
  await cluster.create(lwsWith("down", 2, "8", { podSpec: { tolerations } }));
  await cluster.healthy("down", 2);
  const node = podNamed("down-0-1")?.nodeName ?? "";
  await faults().setNodeReady(node, false);
  return { lws: "down", group: 0, verdict: "stuck", summary: `node ${node} NotReady under this group`, node };
}

/** Crashes group 0's worker and waits for the controller to bring up a new, Ready group in its place. */
async function crashAndRecreate(lws: string): Promise<void> {
  const before = [podNamed(`${lws}-0`)?.uid, podNamed(`${lws}-0-1`)?.uid];
  await faults().crashContainer("default", `${lws}-0-1`);
  await waitFor(() => [`${lws}-0`, `${lws}-0-1`].every((name, i) => ((p) => p && p.uid !== before[i] && p.ready && !p.deleting)(podNamed(name))), { what: `group 0 of ${lws} recreated` });
}

/** RecreateGroupOnPodRestart and a worker that crashes every time it starts: the group is torn down again and again. */
async function restartLoop(): Promise<Stuck> {
  await cluster.create(lwsWith("loop", 2, "1", { template: { restartPolicy: "RecreateGroupOnPodRestart" } }));
  await cluster.healthy("loop", 2);
  for (let i = 0; i < 3; i++) await crashAndRecreate("loop");
  return { lws: "loop", group: 0, verdict: "failing", summary: /^group recreated \d+ times in the last 1 minute$/ };
}

/** A policy (a quota, an admission webhook) refuses group 0's worker StatefulSet. */
async function workersRefused(): Promise<Stuck & { error: string }> {
  const error = 'statefulsets.apps "quota-0" is forbidden: exceeded quota: sts-quota, requested: count/statefulsets.apps=1, used: count/statefulsets.apps=1, limited: count/statefulsets.apps=1';
  cluster.server.cluster.admission.register({
    name: "StatefulSetQuota",
    appliesTo: (r) => r.operation === "CREATE" && r.resource.resource === STATEFUL_SETS.resource && r.name === "quota-0",
    validate: () => {
      throw forbidden(error);
    },
  });
  await cluster.create(lwsManifest("quota", 2, "1"));
  return { lws: "quota", group: 0, verdict: "stuck", summary: "no worker StatefulSet for leader quota-0: creating it failed", error };
}

/** A StatefulSet named as group 0's worker StatefulSet, made by someone else first: the controller leaves it be. */
async function workersSquatted(): Promise<Stuck> {
  const owner = await client().create<KubeObject>(CONFIG_MAPS, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "squatter", namespace: "default" }, data: {} });
  const ownerReferences = [{ apiVersion: "v1", kind: "ConfigMap", name: "squatter", uid: owner.metadata.uid ?? "", controller: true }];
  const labels = { app: "squatter" };
  await client().create(STATEFUL_SETS, {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name: "squat-0", namespace: "default", ownerReferences },
    spec: { replicas: 0, serviceName: "squatter", selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "main", image: "busybox" }] } } },
  });
  await cluster.create(lwsManifest("squat", 2, "1"));
  return { lws: "squat", group: 0, verdict: "stuck", summary: "statefulset squat-0 is not this group's: it belongs to ConfigMap squatter, and the LWS controller never replaces it" };
}

/** An exclusive-placement group whose worker's node is relabelled into another rack after the fact. */
async function rackSplit(): Promise<Stuck> {
  // A pod fills an 8-GPU node, so leader and worker sit on different nodes of one rack.
  await cluster.create(lwsManifest("split", 2, "8", { [EXCLUSIVE]: "rack" }));
  await cluster.healthy("split", 2);
  const [leader, worker] = ["split-0", "split-0-1"].map((name) => podNamed(name)?.nodeName ?? "");
  const rack = (await client().get(NODES, "", leader)).metadata.labels?.rack;
  await client().patch(NODES, "", worker, { type: "merge", body: { metadata: { labels: { rack: "rack-z9" } } } });
  return { lws: "split", group: 0, verdict: "degraded", summary: `group spread over 2 rack domains (${rack}, rack-z9) despite exclusive placement` };
}

describe("diagnosis of groups broken on purpose on the embedded cluster", () => {
  it("says a LeaderReady group's workers wait for a leader that is never Ready, and why", async () => {
    const stuck = await leaderNeverReady();
    const group = await diagnosed(stuck);
    expect(group.causes.map((c) => c.summary)).toEqual([stuck.summary]);
    expect(group.causes[0].evidence).toEqual(["pod/gated-0: Running, 1/1 ready"]);
    await waitFor(() => othersHealthy(stuck), { what: "group 1 of gated healthy" });
  });

  it("says a LeaderReady group waits for a leader that cannot be scheduled", async () => {
    const leaderTemplate = { spec: { nodeSelector: { rack: "rack-nowhere" }, containers: [{ name: "main", image: "vllm:1" }] } };
    await cluster.create(lwsWith("unplaced", 1, "1", { spec: { startupPolicy: "LeaderReady" }, template: { leaderTemplate } }));
    const group = await diagnosed({ lws: "unplaced", group: 0, verdict: "stuck", summary: /^1 pod cannot be scheduled/ });
    expect(group.causes.map((c) => c.summary)).toEqual([
      expect.stringMatching(/^1 pod cannot be scheduled: .*rack/),
      "startupPolicy LeaderReady: workers wait for leader unplaced-0, which is Pending and cannot be scheduled",
    ]);
  });

  it("names the NotReady node under a running group", async () => {
    const stuck = await nodeDown();
    const group = await diagnosed(stuck);
    expect(group.causes[0]).toEqual({ summary: stuck.summary, evidence: [`pod/down-0-1 on ${stuck.node}`], suggestion: expect.stringContaining("recover or drain the node") });
    expect(othersHealthy(stuck)).toBe(true);
  });

  it("calls a group recreated again and again a restart loop", async () => {
    const stuck = await restartLoop();
    const group = await diagnosed(stuck);
    expect(group.restarts.count).toBeGreaterThanOrEqual(3);
    expect(group.causes.map((c) => c.summary)).toEqual([`group recreated ${group.restarts.count} times in the last 1 minute`]);
    expect(group.causes[0].evidence[0]).toMatch(/^event RecreateGroup ×\d+ \(.+\): Worker pod loop-0-1 failed, deleted leader pod loop-0 to recreate group 0$/);
    expect(othersHealthy(stuck)).toBe(true);
    expect(cluster.diagnosis("loop").groups[1].restarts.count).toBe(0);
  });

  it("says the worker StatefulSet is missing and quotes the event of the refused create", async () => {
    const stuck = await workersRefused();
    const group = await diagnosed(stuck);
    expect(group.causes.map((c) => c.summary)).toEqual([stuck.summary]);
    expect(group.causes[0].evidence).toEqual(["statefulset/quota-0 missing", expect.stringMatching(/^event FailedCreate ×\d+: Failed to create worker statefulset for leader pod quota-0: /)]);
    expect(group.causes[0].evidence[1]).toContain(stuck.error);
    expect(group.causes[0].suggestion).toBe("fix what the FailedCreate event names; the controller retries");
    await waitFor(() => othersHealthy(stuck), { what: "group 1 of quota healthy" });
  });

  it("names the StatefulSet that took the worker StatefulSet's name", async () => {
    const stuck = await workersSquatted();
    const group = await diagnosed(stuck);
    expect(group.causes.map((c) => c.summary)).toEqual([stuck.summary]);
    expect(group.causes[0]).toMatchObject({ evidence: ["statefulset/squat-0: owner ConfigMap/squatter, not pod/squat-0"], suggestion: "delete statefulset squat-0; the controller then creates the group's own" });
    await waitFor(() => othersHealthy(stuck), { what: "group 1 of squat healthy" });
  });

  it("sees an exclusive group spread over two racks once a node changes rack", async () => {
    const stuck = await rackSplit();
    const group = await diagnosed(stuck);
    expect(group.causes.map((c) => c.summary)).toEqual([stuck.summary]);
    expect(group.causes[0].evidence).toContainEqual(expect.stringMatching(/^pod\/split-0-1 on node-\w+-\d in rack-z9$/));
    expect(othersHealthy(stuck)).toBe(true);
  });

  it("raises no alarm for a healthy LWS beside every kind of stuck one", async () => {
    // Exclusive placement first: its groups need racks free of the namespace's other pods (upstream #539).
    const situations = [await rackSplit(), await nodeDown()];
    await cluster.create(lwsManifest("fine", 2, "1"));
    await cluster.healthy("fine", 2);
    situations.push(await leaderNeverReady(), await restartLoop(), await workersRefused(), await workersSquatted());
    for (const stuck of situations) await diagnosed(stuck);
    const fine = await cluster.healthy("fine", 2);
    expect(fine.groups.flatMap((g) => g.causes)).toEqual([]);
    expect(fine.groups.map((g) => g.restarts)).toEqual([{ count: 0, podRestarts: 0 }, { count: 0, podRestarts: 0 }]);
    // The overview lists each of them, the Ready but split group apart, each linked to its diagnosis.
    const trouble = groupsInTrouble(cluster.overview());
    const listed = (groups: GroupInTrouble[]) => groups.map((g) => g.key).sort();
    const keyOf = (stuck: Stuck) => `default/${stuck.lws}/${stuck.group}`;
    expect(listed(trouble.degraded)).toEqual(situations.filter((s) => s.verdict === "degraded").map(keyOf).sort());
    expect(listed(trouble.stuck)).toEqual(situations.filter((s) => s.verdict !== "degraded").map(keyOf).sort());
    expect(troubleRows(trouble.degraded)).toEqual([expect.objectContaining({ href: "/lws/default/split?tab=diagnosis&group=0", label: "default/split group 0 (degraded)" })]);
  });
});
