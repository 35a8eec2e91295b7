import { performance } from "node:perf_hooks";
import { STATEFUL_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { EmbeddedCluster } from "@/server/cluster/embedded-cluster";
import { INSTANT_SIMULATION } from "@/server/testing/test-server";
import { cpuFigures, startCpuMeter } from "./cpu-meter";
import { trackPods } from "./pod-tracker";
import { figure, printFigures } from "./stats";
import { gridTopology } from "./topologies";

function statefulSet(name: string, replicas: number): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name, namespace: "default" },
    spec: {
      replicas,
      serviceName: name,
      podManagementPolicy: "Parallel",
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "main", image: "vllm/vllm-openai:v0.6.0", resources: { requests: { cpu: "100m", memory: "128Mi" } } }] } },
    },
  };
}

/** 10,000 pods from StatefulSets, scheduled and Ready with zero simulated delay, on the default 32 nodes. */
export async function benchSimulation(): Promise<void> {
  const dbPath = `/tmp/lws-bench-sim-${process.pid}.db`;
  const topology = gridTopology(4, 8, 8);
  const cluster = new EmbeddedCluster({ dbPath, simulation: { ...INSTANT_SIMULATION, dataPlane: { ...INSTANT_SIMULATION.dataPlane, topology } } });
  await cluster.start();
  try {
    const total = 10_000;
    const tracker = trackPods(cluster);
    const started = performance.now();
    const spent = startCpuMeter();
    for (let i = 0; i < 100; i++) await cluster.client.create(STATEFUL_SETS, statefulSet(`sts-${i}`, total / 100));
    const ready = await tracker.reach(total, 120_000);
    const seconds = (performance.now() - started) / 1000;
    const cpu = spent();
    const rss = process.memoryUsage().rss / 2 ** 20;
    printFigures("Simulated cluster", [
      figure(`pods Ready of ${total} (100 StatefulSets)`, ready, "pods", total, false),
      figure(`${total} StatefulSet pods scheduled and Ready, zero delay`, seconds, "s", 10),
      ...cpuFigures(cpu, total),
      figure("resident memory after", rss, "MiB"),
    ]);
  } finally {
    cluster.close();
  }
}
