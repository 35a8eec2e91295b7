import { pathToFileURL } from "node:url";
import type { KubeObject } from "@/lib/k8s/types";
import { Store } from "@/server/cluster/store/store";
import { nodeSpecs } from "@/server/cluster/topology/node-specs";
import { gridTopology } from "./topologies";

/** 1,000 nodes: 10 zones × 10 racks × 10 nodes, roomy enough for 100 pods each. */
export const THOUSAND_NODES = gridTopology(10, 10, 10);

/** A pod as the scale scenario holds them, bound to `nodeName` when given. */
export function pod(name: string, nodeName?: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", uid: `uid-${name}`, labels: { app: "scale", "apps.kubernetes.io/pod-index": "0" } },
    spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: "main", image: "vllm/vllm-openai:v0.6.0", imagePullPolicy: "IfNotPresent", resources: { requests: { cpu: "100m", memory: "128Mi" } } }] },
  };
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

// `node --import tsx bench/seed-pods.ts <store file> <count>`: the scale scenario runs it in a process of its own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  seedPods(process.argv[2], Number(process.argv[3])).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
