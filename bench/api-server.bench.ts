import { performance } from "node:perf_hooks";
import type { KubeObject } from "@/lib/k8s/types";
import { CONFIG_MAPS as CONFIGMAPS, PODS } from "@/lib/k8s/resources";
import { startTestServer } from "@/server/testing/test-server";
import { figure, percentile, printFigures } from "./stats";


function pod(i: number): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: `bench-${i}`, labels: { app: "bench", "leaderworkerset.sigs.k8s.io/name": "bench", "leaderworkerset.sigs.k8s.io/group-index": String(i >> 3) } },
    spec: { containers: [{ name: "main", image: "vllm/vllm-openai:v0.6.0", resources: { requests: { cpu: "4", memory: "32Gi", "nvidia.com/gpu": "8" } }, env: [{ name: "LWS_GROUP_SIZE", value: "8" }] }] },
  };
}

/** Single-object write latency, list throughput and watch delivery of the embedded API server. */
export async function benchApiServer(): Promise<void> {
  const server = await startTestServer({ dbPath: `/tmp/lws-bench-${process.pid}.db` });
  const { registry } = server.cluster;
  try {
    const inProcess: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t = performance.now();
      await registry.create(CONFIGMAPS, "default", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `cm-${i}` }, data: { i: String(i) } });
      inProcess.push(performance.now() - t);
    }
    const overHttp: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const body = JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: `http-${i}` }, data: { i: String(i) } });
      const t = performance.now();
      const res = await server.api("/api/v1/namespaces/default/configmaps", { method: "POST", headers: { "content-type": "application/json" }, body });
      await res.arrayBuffer();
      overHttp.push(performance.now() - t);
    }
    for (let i = 0; i < 10_000; i++) await registry.create(PODS, "default", pod(i));
    const lists: number[] = [];
    const parses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const res = await server.api("/api/v1/namespaces/default/pods");
      const body = Buffer.from(await res.arrayBuffer()).toString("utf8");
      lists.push(performance.now() - t);
      const parsed = performance.now();
      const list = JSON.parse(body) as { items: unknown[] };
      parses.push(performance.now() - parsed);
      if (list.items.length !== 10_000) throw new Error(`listed ${list.items.length} pods`);
    }
    const watch = await watchLatency(server, registry);
    printFigures("Embedded API server", [
      figure("single-object write p99, in-process", percentile(inProcess, 99), "ms", 5),
      figure("single-object write p99, over HTTP", percentile(overHttp, 99), "ms", 10),
      figure("list of 10,000 pods over HTTP, body received (median of 5)", percentile(lists, 50), "ms", 300),
      figure("  then JSON.parse of that body in Node (client side)", percentile(parses, 50), "ms"),
      figure("watch: events delivered of 3,000 sent at 1,000/s", watch.delivered, "events", 3000, false),
      figure("watch: event latency p99 at 1,000 events/s", watch.p99, "ms", 20),
    ]);
  } finally {
    await server.close();
  }
}

/** Writes 1,000 events/s for 3 s while a watcher over HTTP timestamps their arrival. */
async function watchLatency(server: Awaited<ReturnType<typeof startTestServer>>, registry: typeof server.cluster.registry): Promise<{ p99: number; delivered: number }> {
  const abort = new AbortController();
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const res = await server.api(`/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${server.cluster.store.resourceVersion}`, { signal: abort.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffered += decoder.decode(value, { stream: true });
      let nl;
      while ((nl = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (!line.trim()) continue;
        const name = (JSON.parse(line) as { object: { metadata: { name: string } } }).object.metadata.name;
        const t = sentAt.get(name);
        if (t !== undefined) latencies.push(performance.now() - t);
      }
    }
  })();
  const total = 3000;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + i; // one event per millisecond
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    sentAt.set(`w-${i}`, performance.now());
    await registry.create(CONFIGMAPS, "default", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `w-${i}` } });
  }
  while (latencies.length < total && performance.now() - started < 20_000) await new Promise((r) => setTimeout(r, 10));
  abort.abort();
  await reading;
  return { p99: percentile(latencies, 99), delivered: latencies.length };
}
