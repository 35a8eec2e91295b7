import { performance } from "node:perf_hooks";
import { PODS } from "@/lib/k8s/resources";
import { EmbeddedCluster } from "@/server/cluster/embedded-cluster";
import { StreamHub } from "@/server/dashboard/stream-hub";
import { figure, percentile, printFigures } from "./stats";

const CLIENTS = 50;
const RATE_PER_SECOND = 1000;
const SECONDS = 3;

/** 50 tabs on the stream while pods change 1,000 times a second: write → frame latency. */
export async function benchStream(): Promise<void> {
  const cluster = new EmbeddedCluster({ dbPath: `/tmp/lws-bench-stream-${process.pid}.db` });
  await cluster.start();
  const hub = new StreamHub(cluster.informers, { flushMs: 50 });
  await hub.start();
  const pods = 200;
  for (let i = 0; i < pods; i++) {
    await cluster.client.create(PODS, { apiVersion: "v1", kind: "Pod", metadata: { name: `p-${i}`, namespace: "default", labels: { step: "0" } }, spec: { containers: [{ name: "main", image: "x" }] } });
  }
  const written = new Map<string, number>();
  const latencies: number[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    hub.subscribe({}, undefined, {
      write(frame) {
        const at = performance.now();
        for (const match of frame.matchAll(/"resourceVersion":"(\d+)"/g)) {
          const sent = written.get(match[1]);
          if (sent !== undefined) latencies.push(at - sent);
        }
        return true;
      },
    });
  }
  const started = performance.now();
  const total = RATE_PER_SECOND * SECONDS;
  for (let i = 1; i <= total; i++) {
    const due = started + (i * 1000) / RATE_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    const patched = await cluster.client.patch(PODS, "default", `p-${i % pods}`, { type: "merge", body: { metadata: { labels: { step: String(i) } } } });
    // Pod views carry their resourceVersion (not their labels): it names the change in the frames.
    written.set(patched.metadata.resourceVersion ?? "", sent);
  }
  const elapsed = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 500));
  hub.stop();
  cluster.close();
  printFigures(`Dashboard stream (${CLIENTS} clients, ${pods} pods)`, [
    figure("pod changes written per second (the load)", total / elapsed, "changes/s"),
    figure("change → client frame latency p99 (50 ms coalescing tick)", percentile(latencies, 99), "ms", 100),
    figure("change → client frame latency p50", percentile(latencies, 50), "ms"),
  ]);
}
