import * as k8s from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEADER_WORKER_SETS, LEASES, PODS } from "@/lib/k8s/resources";
import { InformerFactory } from "@/server/runtime/informer-factory";
import { KubeClient } from "@/server/runtime/kube-client";
import { INSTANT_SIMULATION, startTestServer, type TestServer } from "@/server/testing/test-server";
import { waitFor } from "@/server/testing/wait-for";
import { LEASE, runElectedController, type RunningController } from "./controller-process";

describe("the LWS controller against another process's cluster (the real-cluster path)", () => {
  let server: TestServer;
  const controllers: RunningController[] = [];

  beforeAll(async () => {
    // The cluster serves the API and the LWS webhooks but does not reconcile (LWS_CONTROLLER=off).
    server = await startTestServer({ simulation: INSTANT_SIMULATION, lws: "admission" });
  });
  afterAll(async () => {
    for (const controller of controllers) await controller.stop();
    await server.close();
  });

  it("reconciles over HTTPS through client-node, with exactly one of two controllers leading", async () => {
    for (const identity of ["first", "second"]) {
      const kc = new k8s.KubeConfig();
      kc.loadFromFile(server.kubeconfig);
      const client = new KubeClient(kc);
      controllers.push(runElectedController(client, new InformerFactory(client), identity));
    }
    const lease = await waitFor(async () => {
      const object = await server.cluster.client.get(LEASES, LEASE.namespace, LEASE.name).catch(() => undefined);
      return (object?.spec as { holderIdentity?: string } | undefined)?.holderIdentity ? object : undefined;
    }, { what: "a leader" });
    expect(["first", "second"]).toContain((lease.spec as { holderIdentity: string }).holderIdentity);
    await server.cluster.client.create(LEADER_WORKER_SETS, {
      apiVersion: "leaderworkerset.x-k8s.io/v1",
      kind: "LeaderWorkerSet",
      metadata: { name: "remote", namespace: "default" },
      spec: { replicas: 2, leaderWorkerTemplate: { size: 2, workerTemplate: { spec: { containers: [{ name: "main", image: "nginx:1" }] } } } },
    });
    await waitFor(async () => {
      const pods = (await server.cluster.client.list(PODS, { namespace: "default", labelSelector: "leaderworkerset.sigs.k8s.io/name=remote" })).items;
      return pods.length === 4 && pods.every((p) => (p.status as { phase?: string }).phase === "Running");
    }, { what: "4 running pods reconciled over HTTP", timeoutMs: 20_000 });
    await waitFor(async () => ((await server.cluster.client.get(LEADER_WORKER_SETS, "default", "remote")).status as { readyReplicas?: number } | undefined)?.readyReplicas === 2, { what: "status over HTTP" });
  });
});
