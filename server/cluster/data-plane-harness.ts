/** A fresh embedded cluster with the simulated data plane running, zero delays: for the data plane's tests. */
import { EVENTS, PODS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { InformerFactory } from "@/server/runtime/informer-factory";
import { waitFor } from "@/server/testing/wait-for";
import { SimulatedDataPlane, type DataPlaneOptions } from "./data-plane";
import { EmbeddedClient } from "./embedded-client";
import { EmbeddedCluster } from "./embedded-cluster";
import type { ContainerStatus } from "./kubelet/container-status";
import type { PodCondition } from "./kubelet/pod-status";

export interface Harness {
  cluster: EmbeddedCluster;
  client: EmbeddedClient;
  plane: SimulatedDataPlane;
  close(): void;
}

export async function startDataPlane(options: DataPlaneOptions = {}): Promise<Harness> {
  const cluster = new EmbeddedCluster({ dbPath: ":memory:" });
  await cluster.start();
  const client = new EmbeddedClient(cluster.registry);
  const informers = new InformerFactory(client);
  const defaults: DataPlaneOptions = { podStartupMs: 0, terminationMs: 0, backoffMs: 0, leaseRenewMs: 60_000, tolerationSecondMs: 0 };
  const plane = new SimulatedDataPlane(client, informers, { ...defaults, ...options });
  await plane.start();
  return {
    cluster,
    client,
    plane,
    close() {
      plane.stop();
      informers.stop();
      cluster.close();
    },
  };
}

export interface PodShape {
  nodeName?: string;
  containers?: Array<Record<string, unknown>>;
  spec?: Record<string, unknown>;
  labels?: Record<string, string>;
}

export function podObject(name: string, shape: PodShape = {}): KubeObject {
  const containers = shape.containers ?? [{ name: "main", image: "nginx:1.27" }];
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", labels: shape.labels }, spec: { ...(shape.nodeName ? { nodeName: shape.nodeName } : {}), containers, ...shape.spec } };
}

export interface PodStatusShape {
  phase?: string;
  podIP?: string;
  hostIP?: string;
  reason?: string;
  conditions?: PodCondition[];
  containerStatuses?: ContainerStatus[];
}

export async function podStatus(h: Harness, name: string): Promise<PodStatusShape> {
  return ((await h.client.get(PODS, "default", name)).status ?? {}) as PodStatusShape;
}

export function conditionOf(status: PodStatusShape, type: string): string | undefined {
  return status.conditions?.find((c) => c.type === type)?.status;
}

export function isRunningAndReady(status: PodStatusShape): boolean {
  return status.phase === "Running" && conditionOf(status, "Ready") === "True";
}

/** Waits until the pod's status passes `check`, and returns it. */
export function waitForPod(h: Harness, name: string, check: (s: PodStatusShape) => boolean, what = `pod ${name}`): Promise<PodStatusShape> {
  return waitFor(async () => {
    const status = await podStatus(h, name).catch(() => undefined);
    return status && check(status) ? status : undefined;
  }, { what, timeoutMs: 5000 });
}

export async function podGone(h: Harness, name: string): Promise<boolean> {
  return waitFor(async () => (await h.client.get(PODS, "default", name).then(() => false, () => true)) || undefined, { what: `pod ${name} to be deleted`, timeoutMs: 5000 });
}

export async function eventReasons(h: Harness, namespace = "default"): Promise<string[]> {
  return (await h.client.list(EVENTS, { namespace })).items.map((e) => String(e.reason));
}
