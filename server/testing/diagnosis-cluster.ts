/**
 * An embedded cluster with the LWS controller and the dashboard's StreamHub, for tests that
 * build a stuck situation and read the diagnosis as the API serves it from the hub's views.
 */
import { stateFromSnapshot, type ClusterState } from "@/lib/dashboard/cluster-state";
import type { LwsDiagnosis } from "@/lib/dashboard/diagnosis";
import type { PodView, Snapshot } from "@/lib/dashboard/view-models";
import { LEADER_WORKER_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { diagnoseFromViews } from "@/server/dashboard/lws-diagnosis";
import { StreamHub } from "@/server/dashboard/stream-hub";
import { INSTANT_SIMULATION, startTestServer, type TestServer } from "./test-server";
import { waitFor } from "./wait-for";

export const EXCLUSIVE = "leaderworkerset.sigs.k8s.io/exclusive-topology";

export interface DiagnosisCluster {
  server: TestServer;
  /** The diagnosis of LWS `name` in namespace default from the hub's current views. */
  diagnosis(name: string): LwsDiagnosis;
  /** The hub's current views of the pods of namespace default. */
  pods(): PodView[];
  /** What the overview is sent now: every LWS with its summary, and the nodes. */
  overview(): ClusterState;
  create(lws: KubeObject): Promise<void>;
  /** Waits until every one of `groups` groups is healthy and no rollout is under way. */
  healthy(name: string, groups: number): Promise<LwsDiagnosis>;
  close(): Promise<void>;
}

export function workerTemplate(gpus: string, image = "vllm:1") {
  return { spec: { containers: [{ name: "main", image, resources: { limits: { "nvidia.com/gpu": gpus } } }] } };
}

/** An LWS of `replicas` groups of 2 pods, each asking for `gpus` GPUs. */
export function lwsManifest(name: string, replicas: number, gpus: string, annotations: Record<string, string> = {}, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name, namespace: "default", annotations },
    spec: { replicas, ...extra, leaderWorkerTemplate: { size: 2, workerTemplate: workerTemplate(gpus) } },
  };
}

export async function startDiagnosisCluster(): Promise<DiagnosisCluster> {
  const server = await startTestServer({ lws: "controller", simulation: INSTANT_SIMULATION });
  const hub = new StreamHub(server.cluster.informers);
  await hub.start();
  const diagnosis = (name: string): LwsDiagnosis => {
    const found = diagnoseFromViews(hub, "default", name);
    if (!found) throw new Error(`no LWS ${name}`);
    return found;
  };
  return {
    server,
    diagnosis,
    pods: () => hub.snapshot({ namespace: "default" }).pod,
    overview: () => {
      let snapshot = "";
      hub.subscribe({ overview: true }, undefined, { write: (frame) => ((snapshot ||= frame), true) }).close();
      return stateFromSnapshot(JSON.parse(snapshot.slice(snapshot.indexOf("data: ") + "data: ".length)) as Snapshot);
    },
    create: async (lws) => void (await server.cluster.client.create(LEADER_WORKER_SETS, lws)),
    healthy: (name, groups) =>
      waitFor(() => ((d) => d.groups.length === groups && d.groups.every((g) => g.verdict === "healthy") && !d.rollout && d)(diagnosis(name)), { what: `${groups} healthy groups of ${name}` }),
    async close() {
      hub.stop();
      await server.close();
    },
  };
}
