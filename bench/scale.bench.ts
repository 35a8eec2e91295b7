import { performance } from "node:perf_hooks";
import type { KubeObject } from "@/lib/k8s/types";
import { EmbeddedCluster } from "@/server/cluster/embedded-cluster";
import { SchedulerCache } from "@/server/cluster/scheduler/cache";
import { schedulePod } from "@/server/cluster/scheduler/schedule";
import { schedulingNodeFromObject } from "@/server/cluster/scheduler/scheduling-node";
import { schedulingPodFromObject } from "@/server/cluster/scheduler/scheduling-pod";
import { Store } from "@/server/cluster/store/store";
import { nodeObject } from "@/server/cluster/topology/node-objects";
import { nodeSpecs } from "@/server/cluster/topology/node-specs";
import { INSTANT_SIMULATION } from "@/server/testing/test-server";
import { figure, printFigures } from "./stats";
import { gridTopology } from "./topologies";

/** 1,000 nodes: 10 zones × 10 racks × 10 nodes, roomy enough for 100 pods each. */
const THOUSAND_NODES = gridTopology(10, 10, 10);

function pod(name: string, nodeName?: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", uid: `uid-${name}`, labels: { app: "scale", "apps.kubernetes.io/pod-index": "0" } },
    spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: "main", image: "vllm/vllm-openai:v0.6.0", imagePullPolicy: "IfNotPresent", resources: { requests: { cpu: "100m", memory: "128Mi" } } }] },
  };
}

/** Mean µs per scheduling decision for the pods numbered [from, to) on a cluster already holding `from` pods. */
function scheduleRange(cache: SchedulerCache, from: number, to: number): number {
  const cursor = { next: 0 };
  const started = performance.now();
  for (let i = from; i < to; i++) {
    const candidate = schedulingPodFromObject(pod(`p-${i}`));
    const result = schedulePod(candidate, cache, { cursor });
    if (!("nodeName" in result)) throw new Error(`pod ${i} did not fit: ${result.message}`);
    cache.setPod({ ...candidate, nodeName: result.nodeName });
  }
  return ((performance.now() - started) * 1000) / (to - from);
}

/** kube-scheduler's cost per pod should not grow with the number of pods already placed. */
function schedulingCost(): [number, number] {
  const cache = new SchedulerCache();
  nodeSpecs(THOUSAND_NODES).forEach((spec, slot) => cache.setNode(schedulingNodeFromObject(nodeObject(spec, slot, new Date()))));
  const atOneThousand = scheduleRange(cache, 0, 1000);
  scheduleRange(cache, 1000, 9000);
  return [atOneThousand, scheduleRange(cache, 9000, 10_000)];
}

/** Writes `count` bound pods straight into a store file, as a cluster that ran them would have left it. */
async function seedPods(path: string, count: number): Promise<void> {
  const store = new Store({ path });
  const nodes = nodeSpecs(THOUSAND_NODES);
  for (let i = 0; i < count; i++) {
    store.commit([{ type: "put", resource: "pods", object: pod(`p-${i}`, nodes[i % nodes.length].name) }]);
    if (i % 1000 === 999) await store.durable();
  }
  await store.durable();
  store.close();
}

/** 100,000 pods on 1,000 nodes: the embedded cluster restarts onto them and runs them all. */
async function heldPods(count: number): Promise<{ rss: number; seconds: number; ready: number }> {
  const path = `/tmp/lws-bench-scale-${process.pid}.db`;
  await seedPods(path, count);
  const started = performance.now();
  const cluster = new EmbeddedCluster({ dbPath: path, historySize: 1000, simulation: { ...INSTANT_SIMULATION, dataPlane: { ...INSTANT_SIMULATION.dataPlane, topology: THOUSAND_NODES } } });
  await cluster.start();
  let ready = 0;
  cluster.store.onCommit((event) => {
    const status = event.object.status as { conditions?: Array<{ type: string; status: string }> } | undefined;
    if (event.resource === "pods" && event.type === "MODIFIED" && status?.conditions?.some((c) => c.type === "Ready" && c.status === "True")) ready++;
  });
  while (ready < count && performance.now() - started < 600_000) await new Promise((resolve) => setTimeout(resolve, 500));
  const seconds = (performance.now() - started) / 1000;
  // What the cluster holds, not garbage not yet collected (`npm run bench` exposes gc).
  global.gc?.();
  const rss = process.memoryUsage().rss / 2 ** 20;
  cluster.close();
  return { rss, seconds, ready };
}

export async function benchScale(): Promise<void> {
  const [atOneThousand, atTenThousand] = schedulingCost();
  const count = Number(process.env.BENCH_SCALE_PODS ?? 100_000);
  const held = await heldPods(count);
  printFigures("Cluster scale (1,000 nodes)", [
    figure("scheduling cost per pod, first 1,000 pods", atOneThousand, "µs"),
    figure("scheduling cost per pod, pods 9,000-10,000", atTenThousand, "µs"),
    figure("  growth from 1k to 10k pods", atTenThousand / atOneThousand, "×", 1.5),
    figure(`pods the kubelets made Ready after a restart onto ${count}`, held.ready, "pods", count, false),
    figure(`  seconds until all ${count} Ready`, held.seconds, "s"),
    figure(`resident memory holding ${count} pods on 1,000 nodes`, held.rss, "MiB", 2048),
  ]);
}
