import { performance } from "node:perf_hooks";
import { LEADER_WORKER_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { EmbeddedCluster } from "@/server/cluster/embedded-cluster";
import { Store } from "@/server/cluster/store/store";
import { StreamHub } from "@/server/dashboard/stream-hub";
import { LwsController } from "@/server/lws/lws-controller";
import { INSTANT_SIMULATION } from "@/server/testing/test-server";
import { registerLwsAdmission } from "@/server/wiring/lws-admission";
import { cpuFigures, startCpuMeter, type CpuSpent } from "./cpu-meter";
import { isReadyPod, trackPods } from "./pod-tracker";
import { figure, printFigures } from "./stats";
import { gridTopology } from "./topologies";

const BIG_TOPOLOGY = gridTopology(4, 8, 8);

function lws(name: string, replicas: number, size: number, image: string, maxSurge: number | string = 0): KubeObject {
  return {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name, namespace: "default" },
    spec: {
      replicas,
      rolloutStrategy: { type: "RollingUpdate", rollingUpdateConfiguration: { maxUnavailable: 1, maxSurge } },
      leaderWorkerTemplate: { size, workerTemplate: { spec: { containers: [{ name: "main", image, resources: { requests: { cpu: "100m" } } }] } } },
    },
  };
}

/** A cluster with the LWS controller; `withHub`: and the dashboard's stream hub, as `npm start` runs them. */
async function startCluster(path: string, withHub = false): Promise<{ cluster: EmbeddedCluster; stop: () => void }> {
  const cluster = new EmbeddedCluster({ dbPath: path, simulation: { ...INSTANT_SIMULATION, dataPlane: { ...INSTANT_SIMULATION.dataPlane, topology: BIG_TOPOLOGY } } });
  registerLwsAdmission(cluster.admission);
  await cluster.start();
  const controller = new LwsController(cluster.client, cluster.informers);
  await controller.start();
  const hub = withHub ? new StreamHub(cluster.informers) : undefined;
  await hub?.start();
  return { cluster, stop: () => (hub?.stop(), controller.stop(), cluster.close()) };
}

/** Raw store throughput for the same number of pod objects: the floor the controllers stand on. */
async function rawWrites(count: number): Promise<number> {
  const store = new Store({ path: `/tmp/lws-bench-raw-${process.pid}.db` });
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    store.commit([{ type: "put", resource: "pods", object: { apiVersion: "v1", kind: "Pod", metadata: { name: `p-${i}`, namespace: "default", uid: String(i) }, spec: { containers: [{ name: "main", image: "x" }] } } }]);
    if (i % 100 === 99) await store.durable();
  }
  await store.durable();
  const seconds = (performance.now() - started) / 1000;
  store.close();
  return seconds;
}

interface ApplyRun {
  seconds: number;
  ready: number;
  writes: number;
  writesByResource: Map<string, number>;
  cpu: CpuSpent;
}

/** An LWS of `groups` × 8 from apply to every pod Ready. */
async function applyRun(groups: number, withHub: boolean): Promise<ApplyRun> {
  const { cluster, stop } = await startCluster(`/tmp/lws-bench-lws-${withHub ? "hub-" : ""}${process.pid}.db`, withHub);
  const run: ApplyRun = { seconds: Number.NaN, ready: 0, writes: 0, writesByResource: new Map(), cpu: { mainMs: Number.NaN, processMs: Number.NaN } };
  try {
    const tracker = trackPods(cluster);
    cluster.store.onCommit(({ resource }) => run.writesByResource.set(resource, (run.writesByResource.get(resource) ?? 0) + 1));
    const started = performance.now();
    const firstVersion = cluster.store.resourceVersion;
    const spent = startCpuMeter();
    await cluster.client.create(LEADER_WORKER_SETS, lws("big", groups, 8, "vllm:1"));
    run.ready = await tracker.reach(groups * 8, 300_000);
    run.seconds = (performance.now() - started) / 1000;
    run.cpu = spent();
    run.writes = cluster.store.resourceVersion - firstVersion;
  } finally {
    stop();
  }
  return run;
}

/** A rolling update of 100 groups × 8 with maxSurge 10%, from the update to every pod Ready on the new image. */
async function rollRun(): Promise<number> {
  const { cluster, stop } = await startCluster(`/tmp/lws-bench-roll-${process.pid}.db`);
  try {
    const updated = trackPods(cluster, (pod) => isReadyPod(pod) && (pod.spec as { containers: Array<{ image: string }> }).containers[0].image === "vllm:2");
    await cluster.client.create(LEADER_WORKER_SETS, lws("roll", 100, 8, "vllm:1", "10%"));
    await trackPods(cluster).reach(800, 120_000);
    const current = await cluster.client.get(LEADER_WORKER_SETS, "default", "roll");
    const started = performance.now();
    await cluster.client.update(LEADER_WORKER_SETS, { ...current, spec: lws("roll", 100, 8, "vllm:2", "10%").spec });
    await updated.reach(800, 300_000);
    return (performance.now() - started) / 1000;
  } finally {
    stop();
  }
}

/** An LWS of 1,000 groups × 8 from apply to every pod Ready (alone, and beside the dashboard's hub), and a rolling update of 100 × 8 with maxSurge 10%. */
export async function benchLws(): Promise<void> {
  const groups = Number(process.env.BENCH_LWS_GROUPS ?? 1000);
  const total = groups * 8;
  const run = await applyRun(groups, false);
  const withHub = await applyRun(groups, true);
  const raw = await rawWrites(total);
  const rawAll = await rawWrites(run.writes);
  const rollSeconds = await rollRun();
  printFigures("LeaderWorkerSet controller", [
    figure(`pods Ready of ${total} (${groups} groups × 8)`, run.ready, "pods", total, false),
    figure(`${groups} groups × 8 from apply to all pods Ready`, run.seconds, "s", 10),
    ...cpuFigures(run.cpu, total),
    figure("  the same beside the dashboard's stream hub (as npm start runs it, no page open)", withHub.seconds, "s"),
    figure(`store: ${total} raw pod writes`, raw, "s"),
    figure("  ratio of the two", run.seconds / raw, "×", 3),
    figure(`writes the run made (pods, bindings, statuses, events, StatefulSets, ...), ${(run.writes / total).toFixed(1)} per pod`, run.writes, "writes"),
    ...[...run.writesByResource].sort(([, a], [, b]) => b - a).map(([resource, count]) => figure(`  of them ${resource}, per pod`, count / total, "writes")),
    figure(`store: ${run.writes} raw writes`, rawAll, "s"),
    figure("  ratio of the run to its own number of raw writes", run.seconds / rawAll, "×"),
    // Even if every write of the run cost no more than a raw one, the first ratio could not go below this.
    figure("  lowest first ratio possible: the run's writes at raw cost", rawAll / raw, "×"),
    figure("rolling update of 100 groups × 8, maxSurge 10%", rollSeconds, "s", 15),
  ]);
}
