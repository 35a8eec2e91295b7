import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasKubectl, kubectl } from "@/server/testing/kubectl";
import { INSTANT_SIMULATION, startTestServer, type TestServer } from "@/server/testing/test-server";
import { waitFor } from "@/server/testing/wait-for";

const STS = (replicas: number, extra = "") => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  replicas: ${replicas}
  serviceName: web
  podManagementPolicy: Parallel
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
${extra}      containers:
      - name: main
        image: nginx:1.27
        resources:
          requests: {cpu: "1", nvidia.com/gpu: "2"}
          limits: {nvidia.com/gpu: "2"}
`;

describe.skipIf(!hasKubectl)("the simulated cluster, driven by kubectl", () => {
  let server: TestServer;
  const k = (args: string[], input?: string) => kubectl(server.kubeconfig, args, { input });
  const podLines = async () => (await k(["get", "pods", "-l", "app=web", "--no-headers"])).stdout.trim().split("\n").filter(Boolean);

  beforeAll(async () => {
    server = await startTestServer({ simulation: INSTANT_SIMULATION });
  });
  afterAll(() => server.close());

  it("has the default topology: 32 Ready nodes in 2 zones and 8 racks", async () => {
    const nodes = JSON.parse((await k(["get", "nodes", "-o", "json"])).stdout).items as Array<{ metadata: { labels: Record<string, string> } }>;
    expect(nodes).toHaveLength(32);
    expect(new Set(nodes.map((n) => n.metadata.labels["topology.kubernetes.io/zone"])).size).toBe(2);
    expect(new Set(nodes.map((n) => n.metadata.labels.rack)).size).toBe(8);
    expect((await k(["get", "nodes"])).stdout).toMatch(/\s+Ready\s+<none>\s+\d+s\s+v1\.32\.0/);
  });

  it("runs a StatefulSet applied by kubectl: scheduled, Running 1/1, logs, scaled", async () => {
    expect((await k(["apply", "-f", "-"], STS(3))).stdout).toContain("statefulset.apps/web created");
    await waitFor(async () => (await podLines()).length === 3 && (await podLines()).every((l) => /\s1\/1\s+Running\s/.test(l)), { what: "3 running pods" });
    expect((await podLines()).map((l) => l.split(/\s+/)[0])).toEqual(["web-0", "web-1", "web-2"]);
    const wide = (await k(["get", "pods", "web-0", "-o", "wide", "--no-headers"])).stdout;
    expect(wide).toMatch(/^web-0\s+1\/1\s+Running\s+0\s+\S+\s+\d+\.\d+\.\d+\.\d+\s+node-/);
    expect((await k(["logs", "web-0"])).stdout.length).toBeGreaterThan(0);
    expect((await k(["scale", "sts", "web", "--replicas=1"])).code).toBe(0);
    await waitFor(async () => (await podLines()).length === 1, { what: "scale down to 1" });
    await waitFor(async () => (await k(["get", "sts", "web", "--no-headers"])).stdout.match(/^web\s+1\/1\s/), { what: "sts 1/1" });
  });

  it("replaces a deleted pod and honours nodeSelector on racks", async () => {
    await k(["apply", "-f", "-"], STS(2, "      nodeSelector: {rack: rack-b2}\n"));
    await waitFor(async () => (await podLines()).filter((l) => /\s1\/1\s+Running\s/.test(l)).length === 2, { what: "2 running pods on rack-b2" });
    const pods = JSON.parse((await k(["get", "pods", "-l", "app=web", "-o", "json"])).stdout).items as Array<{ metadata: { uid: string; name: string }; spec: { nodeName: string } }>;
    for (const pod of pods) expect(pod.spec.nodeName).toMatch(/^node-b2-/);
    const before = pods.find((p) => p.metadata.name === "web-0")!.metadata.uid;
    expect((await k(["delete", "pod", "web-0"])).code).toBe(0);
    await waitFor(async () => {
      const pod = JSON.parse((await k(["get", "pod", "web-0", "-o", "json"])).stdout || "{}");
      return pod.metadata?.uid && pod.metadata.uid !== before && pod.status?.phase === "Running";
    }, { what: "web-0 recreated" });
  });

  it("reports unschedulable pods in kube-scheduler's words", async () => {
    await k(["apply", "-f", "-"], STS(2, "      nodeSelector: {rack: nowhere}\n").replace("name: web", "name: stuck").replaceAll("app: web", "app: stuck"));
    const described = await waitFor(async () => {
      const text = (await k(["describe", "pod", "stuck-0"])).stdout;
      return /FailedScheduling/.test(text) ? text : undefined;
    }, { what: "FailedScheduling" });
    expect(described).toMatch(/0\/32 nodes are available: 32 node\(s\) didn't match Pod's node affinity\/selector/);
  });

  it("cordons and drains a node with kubectl", async () => {
    const node = JSON.parse((await k(["get", "pod", "web-1", "-o", "json"])).stdout).spec.nodeName as string;
    expect((await k(["cordon", node])).stdout).toContain("cordoned");
    expect((await k(["get", "node", node, "--no-headers"])).stdout).toMatch(/Ready,SchedulingDisabled/);
    const drain = await k(["drain", node, "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=20s"]);
    expect(drain.stdout).toContain("drained");
    await waitFor(async () => {
      const pod = JSON.parse((await k(["get", "pod", "web-1", "-o", "json"])).stdout || "{}");
      return pod.spec?.nodeName && pod.spec.nodeName !== node && pod.status?.phase === "Running";
    }, { what: "web-1 moved off the drained node" });
    expect((await k(["uncordon", node])).stdout).toContain("uncordoned");
  });
});
