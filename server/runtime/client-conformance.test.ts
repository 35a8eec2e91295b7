import * as k8s from "@kubernetes/client-node";
import { EmbeddedClient } from "@/server/cluster/embedded-client";
import { EmbeddedCluster } from "@/server/cluster/embedded-cluster";
import { INSTANT_SIMULATION, startTestServer } from "@/server/testing/test-server";
import { describeClientConformance, describeLogConformance } from "./client-conformance";
import { KubeClient } from "./kube-client";

// A short watch history, so that the expiry case can compact it with a few writes.
const HISTORY_SIZE = 5;

describeClientConformance("EmbeddedClient on an in-process cluster", async () => {
  const cluster = new EmbeddedCluster({ dbPath: ":memory:", historySize: HISTORY_SIZE });
  await cluster.start();
  return { client: new EmbeddedClient(cluster.registry), teardown: async () => cluster.close() };
});

describeClientConformance("KubeClient over HTTPS with the test server's kubeconfig", async () => {
  const server = await startTestServer({ historySize: HISTORY_SIZE });
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(server.kubeconfig);
  return { client: new KubeClient(kc), teardown: () => server.close() };
});

describeLogConformance("EmbeddedClient on a simulated cluster", async () => {
  const cluster = new EmbeddedCluster({ dbPath: ":memory:", simulation: INSTANT_SIMULATION });
  await cluster.start();
  return { client: cluster.client, teardown: async () => cluster.close() };
});

describeLogConformance("KubeClient against a simulated cluster over HTTPS", async () => {
  const server = await startTestServer({ simulation: INSTANT_SIMULATION });
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(server.kubeconfig);
  return { client: new KubeClient(kc), teardown: () => server.close() };
});
