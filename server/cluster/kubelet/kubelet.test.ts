import { afterEach, describe, expect, it } from "vitest";
import { EVENTS, PERSISTENT_VOLUME_CLAIMS, PODS } from "@/lib/k8s/resources";
import { waitFor } from "@/server/testing/wait-for";
import { conditionOf, isRunningAndReady, eventReasons, podGone, podObject, podStatus, startDataPlane, waitForPod, type Harness } from "../data-plane-harness";

let h: Harness;
afterEach(() => h.close());

const running = isRunningAndReady;

describe("the simulated kubelet", () => {
  it("runs a bound pod: Running, 1/1 ready, with a pod IP from its node's CIDR and start-up events", async () => {
    h = await startDataPlane();
    await h.client.create(PODS, podObject("web", { nodeName: "node-a1-1" }));
    const status = await waitForPod(h, "web", running);
    expect(status.podIP).toMatch(/^10\.240\.0\.\d+$/);
    expect(status.hostIP).toMatch(/^172\.16\./);
    expect(status.containerStatuses?.[0]).toMatchObject({ name: "main", ready: true, started: true, restartCount: 0, image: "nginx:1.27", imageID: expect.stringMatching(/^docker.io\/library\/nginx@sha256:/), containerID: expect.stringMatching(/^containerd:\/\//) });
    expect(status.containerStatuses?.[0].state.running?.startedAt).toBeDefined();
    for (const type of ["PodScheduled", "Initialized", "ContainersReady", "Ready", "PodReadyToStartContainers"]) expect(conditionOf(status, type)).toBe("True");
    expect((status as Record<string, unknown>).qosClass).toBe("BestEffort");
    expect(await waitFor(async () => ((r) => ["Pulling", "Pulled", "Created", "Started"].every((e) => r.includes(e)) && r)(await eventReasons(h)))).toBeTruthy();
  });

  it("pulls an image once per node with IfNotPresent, and on every start with Always", async () => {
    h = await startDataPlane();
    const pulled = async (pod: string) => (await h.client.list(EVENTS, { namespace: "default" })).items.filter((e) => (e.involvedObject as { name: string }).name === pod && e.reason === "Pulled").map((e) => String(e.message));
    const always = [{ name: "main", image: "nginx:1.27", imagePullPolicy: "Always" }];
    for (const [name, node, containers] of [["first", "node-a1-1"], ["second", "node-a1-1"], ["elsewhere", "node-a1-2"], ["always", "node-a1-1", always]] as const) {
      await h.client.create(PODS, podObject(name, { nodeName: node, containers: containers && [...containers] }));
      await waitForPod(h, name, running);
    }
    const messages = await waitFor(async () => ((m) => (m.every((x) => x.length === 1) ? m : undefined))(await Promise.all(["first", "second", "elsewhere", "always"].map(pulled))));
    expect(messages.map(([m]) => m.startsWith("Successfully pulled") ? "pulled" : m.endsWith("already present on machine") ? "present" : m)).toEqual(["pulled", "present", "pulled", "pulled"]);
  });

  it("gives pods on one node distinct IPs", async () => {
    h = await startDataPlane();
    for (const name of ["a", "b", "c"]) await h.client.create(PODS, podObject(name, { nodeName: "node-b2-3" }));
    const ips = await Promise.all(["a", "b", "c"].map(async (n) => (await waitForPod(h, n, running)).podIP));
    expect(new Set(ips).size).toBe(3);
  });

  it("waits the configured start-up time in ContainerCreating", async () => {
    h = await startDataPlane({ podStartupMs: 60_000 });
    await h.client.create(PODS, podObject("slow", { nodeName: "node-a1-1" }));
    const status = await waitForPod(h, "slow", (s) => !!s.containerStatuses);
    expect(status.phase).toBe("Pending");
    expect(status.containerStatuses?.[0].state.waiting?.reason).toBe("ContainerCreating");
    expect(conditionOf(status, "Ready")).toBe("False");
  });

  it("counts start-up from the pod's arrival to the millisecond, not from its whole-second startTime", async () => {
    // The simulated clock reads .900 of a second when the pod arrives, so startTime (whole
    // seconds) says it arrived 900 ms earlier than it did.
    const shift = (1900 - (Date.now() % 1000)) % 1000;
    h = await startDataPlane({ podStartupMs: 400, clock: () => new Date(Date.now() + shift) });
    const created = Date.now();
    await h.client.create(PODS, podObject("punctual", { nodeName: "node-a1-1" }));
    await waitForPod(h, "punctual", running);
    expect(Date.now() - created).toBeGreaterThanOrEqual(400);
  });

  it("completes a graceful delete (kubectl delete pod) and records Killing", async () => {
    h = await startDataPlane();
    await h.client.create(PODS, podObject("web", { nodeName: "node-a1-1" }));
    await waitForPod(h, "web", running);
    await h.client.delete(PODS, "default", "web");
    expect(await podGone(h, "web")).toBe(true);
    expect(await waitFor(async () => (await eventReasons(h)).includes("Killing"))).toBe(true);
  });

  it("keeps a terminating pod, no longer ready, until its termination time is up", async () => {
    h = await startDataPlane({ terminationMs: 60_000 });
    await h.client.create(PODS, podObject("web", { nodeName: "node-a1-1" }));
    await waitForPod(h, "web", running);
    await h.client.delete(PODS, "default", "web", { gracePeriodSeconds: 30 });
    const status = await waitForPod(h, "web", (s) => conditionOf(s, "Ready") === "False");
    expect(status.containerStatuses?.[0].ready).toBe(false);
  });

  it("keeps a pod whose claim is unbound in ContainerCreating", async () => {
    h = await startDataPlane();
    const volumes = [{ name: "data", persistentVolumeClaim: { claimName: "missing" } }];
    await h.client.create(PODS, podObject("db", { nodeName: "node-a1-1", spec: { volumes } }));
    const status = await waitForPod(h, "db", (s) => !!s.containerStatuses);
    expect(status.containerStatuses?.[0].state.waiting?.reason).toBe("ContainerCreating");
    const claim = { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "missing", namespace: "default" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } };
    await h.client.create(PERSISTENT_VOLUME_CLAIMS, claim);
    await waitForPod(h, "db", running, "the pod to start once its claim is bound");
  });

  it("serves start-up output through the PodLogSource, LWS_* variables resolved", async () => {
    h = await startDataPlane();
    const env = [
      { name: "LWS_LEADER_ADDRESS", value: "lws-0.lws.default" },
      { name: "LWS_WORKER_INDEX", valueFrom: { fieldRef: { fieldPath: "metadata.labels['leaderworkerset.sigs.k8s.io/worker-index']" } } },
    ];
    const containers = [{ name: "main", image: "vllm/vllm-openai:v0.6", env, ports: [{ containerPort: 8000 }] }];
    await h.client.create(PODS, podObject("lws-0-1", { nodeName: "node-a1-1", containers, labels: { "leaderworkerset.sigs.k8s.io/worker-index": "1" } }));
    await waitForPod(h, "lws-0-1", running);
    const pod = await h.client.get(PODS, "default", "lws-0-1");
    const text = await waitFor(() => { try { return h.plane.logs.read(pod, "main", {}); } catch { return undefined; } });
    expect(text).toContain("vllm/vllm-openai:v0.6");
    expect(text).toContain("env LWS_LEADER_ADDRESS=lws-0.lws.default");
    expect(text).toContain("env LWS_WORKER_INDEX=1");
    expect(text).toContain("listening on 0.0.0.0:8000");
    expect(h.plane.logs.read(pod, "main", { tailLines: 1 })).toBe("ready to serve requests\n");
    expect(h.plane.logs.read(pod, "main", { tailLines: 1, timestamps: true })).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z ready to serve requests\n$/);
    expect(() => h.plane.logs.read(pod, "main", { previous: true })).toThrow('previous terminated container "main" in pod "lws-0-1" not found');
  });

  it("marks a pod on a NotReady node not Ready at once", async () => {
    h = await startDataPlane({ tolerationSecondMs: 60_000 });
    await h.client.create(PODS, podObject("web", { nodeName: "node-a1-1" }));
    await waitForPod(h, "web", running);
    await h.plane.faults.setNodeReady("node-a1-1", false);
    const status = await waitForPod(h, "web", (s) => conditionOf(s, "Ready") === "False");
    expect(status.phase).toBe("Running");
    expect(status.conditions?.find((c) => c.type === "Ready")?.reason).toBe("NodeNotReady");
    await h.plane.faults.setNodeReady("node-a1-1", true);
    await waitForPod(h, "web", running, "the pod to be Ready again");
    expect((await podStatus(h, "web")).podIP).toBe(status.podIP);
  });
});
