import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { EmbeddedCluster } from "@/server/cluster/embedded-cluster";
import { SchedulerCache } from "@/server/cluster/scheduler/cache";
import { schedulePod } from "@/server/cluster/scheduler/schedule";
import { schedulingNodeFromObject } from "@/server/cluster/scheduler/scheduling-node";
import { schedulingPodFromObject } from "@/server/cluster/scheduler/scheduling-pod";
import { nodeObject } from "@/server/cluster/topology/node-objects";
import { nodeSpecs } from "@/server/cluster/topology/node-specs";
import { INSTANT_SIMULATION } from "@/server/testing/test-server";
import { pod, THOUSAND_NODES } from "./seed-pods";
import { figure, printFigures } from "./stats";

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

/** 100,000 pods on 1,000 nodes: the embedded cluster restarts onto them and runs them all. */
async function heldPods(count: number): Promise<{ rss: number; seconds: number; ready: number }> {
  const path = `/tmp/lws-bench-scale-${process.pid}.db`;
  // The pods are written by another process, as a cluster that ran them would have left them: the
  // figure is what this process holds after restarting onto them, not what writing them left behind.
  const seeded = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL("./seed-pods.ts", import.meta.url)), path, String(count)], { stdio: "inherit" });
  if (seeded.status !== 0) throw new Error(`seeding ${count} pods failed (exit ${seeded.status ?? seeded.signal})`);
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
  // What the cluster holds once it is at rest (the kubelets' events are still being written when
  // the last pod turns Ready), not garbage not yet collected (`npm run bench` exposes gc). V8
  // hands the pages a collection freed back to the system on a background thread: a moment more.
  await podsAtRest(cluster, 1000, 60_000);
  global.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rss = process.memoryUsage().rss / 2 ** 20;
  cluster.close();
  return { rss, seconds, ready };
}

/** Resolves once no pod or event has been written for `quietMs` (node heartbeats go on), or after `timeoutMs`. */
async function podsAtRest(cluster: EmbeddedCluster, quietMs: number, timeoutMs: number): Promise<void> {
  let lastWrite = performance.now();
  const stop = cluster.store.onCommit((event) => {
    if (event.resource === "pods" || event.resource === "events") lastWrite = performance.now();
  });
  const deadline = performance.now() + timeoutMs;
  while (performance.now() - lastWrite < quietMs && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  stop();
}

export async function benchScale(): Promise<void> {
  const count = Number(process.env.BENCH_SCALE_PODS ?? 100_000);
  const held = await heldPods(count);
  const [atOneThousand, atTenThousand] = schedulingCost();
  printFigures("Cluster scale (1,000 nodes)", [
    figure("scheduling cost per pod, first 1,000 pods", atOneThousand, "µs"),
    figure("scheduling cost per pod, pods 9,000-10,000", atTenThousand, "µs"),
    figure("  growth from 1k to 10k pods", atTenThousand / atOneThousand, "×", 1.5),
    figure(`pods the kubelets made Ready after a restart onto ${count}`, held.ready, "pods", count, false),
    figure(`  seconds until all ${count} Ready`, held.seconds, "s"),
    figure(`resident memory holding ${count} pods on 1,000 nodes`, held.rss, "MiB", 2048),
  ]);
}
