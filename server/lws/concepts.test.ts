import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasKubectl, kubectl } from "@/server/testing/kubectl";
import { INSTANT_SIMULATION, startTestServer, type TestServer } from "@/server/testing/test-server";
import { waitFor } from "@/server/testing/wait-for";

const SAMPLE = `apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata:
  name: leaderworkerset-sample
spec:
  replicas: 3
  leaderWorkerTemplate:
    size: 4
    workerTemplate:
      spec:
        containers:
        - name: nginx
          image: nginxinc/nginx-unprivileged:1.27
          resources:
            limits:
              cpu: "100m"
            requests:
              cpu: "50m"
          ports:
          - containerPort: 8080
`;

describe.skipIf(!hasKubectl)("the concepts page's examples, applied with kubectl", () => {
  let server: TestServer;
  const k = (args: string[], input?: string) => kubectl(server.kubeconfig, args, { input });

  beforeAll(async () => {
    server = await startTestServer({ simulation: INSTANT_SIMULATION, lws: true });
  });
  afterAll(() => server.close());

  it("runs the sample: exactly the 12 pods shown, Running 1/1", async () => {
    expect((await k(["apply", "-f", "-"], SAMPLE)).stdout).toContain("leaderworkerset-sample created");
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
});
