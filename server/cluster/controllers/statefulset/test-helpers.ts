import { EVENTS, PODS, STATEFUL_SETS } from "@/lib/k8s/resources";
import { rfc3339 } from "@/lib/k8s/time";
import { isRecord, type KubeObject } from "@/lib/k8s/types";
import { InformerFactory } from "@/server/runtime/informer-factory";
import { EmbeddedClient } from "../../embedded-client";
import { EmbeddedCluster } from "../../embedded-cluster";
import { ordinalOf } from "./pod-identity";
import { isHealthy } from "./pod-state";
import { StatefulSetController } from "./statefulset-controller";
import type { StatefulSetStatus } from "./statefulset-spec";

export const NS = "default";

/** A StatefulSet `name` selecting `app: <name>`, one container, with `spec` merged over the defaults. */
export function statefulSet(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name, namespace: NS },
    spec: {
      replicas: 3,
      serviceName: name,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name }, annotations: { note: "from-template" } }, spec: { containers: [{ name: "main", image: "busybox:1" }] } },
      ...spec,
    },
  };
}

/** A fresh embedded cluster with the controller running on it; `settle()` waits until nothing moves. */
export class Harness {
  readonly cluster = new EmbeddedCluster({ dbPath: ":memory:" });
  readonly client = new EmbeddedClient(this.cluster.registry);
  private informers = new InformerFactory(this.client);
  controller = new StatefulSetController(this.client, this.informers);

  async start(): Promise<this> {
    await this.cluster.start();
    await this.controller.start();
    return this;
  }

  /** A new controller on new informers, as after a process restart. */
  async restart(): Promise<void> {
    this.controller.stop();
    this.informers.stop();
    this.informers = new InformerFactory(this.client);
    this.controller = new StatefulSetController(this.client, this.informers);
    await this.controller.start();
  }

  close(): void {
    this.controller.stop();
    this.informers.stop();
    this.cluster.close();
  }

  /** Waits until the controller, the GC and watch deliveries are all quiet. */
  async settle(): Promise<void> {
    for (let round = 0; round < 200; round++) {
      const before = this.cluster.store.resourceVersion;
      await new Promise((resolve) => setImmediate(resolve));
      await this.controller.idle();
      await this.cluster.settle();
      await new Promise((resolve) => setImmediate(resolve));
      if (this.cluster.store.resourceVersion === before) return;
    }
    throw new Error("the cluster did not settle");
  }

  /** The StatefulSet's pods by ordinal (terminating ones included). */
  async pods(setName: string): Promise<KubeObject[]> {
    const list = await this.client.list(PODS, { namespace: NS, labelSelector: `app=${setName}` });
    return list.items.sort((a, b) => ordinalOf(a) - ordinalOf(b));
  }

  async names(setName: string): Promise<string[]> {
    return (await this.pods(setName)).map((p) => p.metadata.name ?? "");
  }

  async status(setName: string): Promise<StatefulSetStatus> {
    return (await this.client.get(STATEFUL_SETS, NS, setName)).status as StatefulSetStatus;
  }

  /** What a kubelet would report once the pod's containers run and pass readiness. */
  async makeReady(pod: KubeObject, readySince = new Date()): Promise<void> {
    const spec = isRecord(pod.spec) ? pod.spec : {};
    const containers = (Array.isArray(spec.containers) ? spec.containers : []).filter(isRecord);
    const since = rfc3339(readySince);
    const condition = (type: string) => ({ type, status: "True", lastProbeTime: null, lastTransitionTime: since });
    const status = {
      phase: "Running",
      conditions: ["Initialized", "Ready", "ContainersReady", "PodScheduled"].map(condition),
      containerStatuses: containers.map((c) => ({ name: c.name, image: c.image, imageID: "", ready: true, started: true, restartCount: 0, state: { running: { startedAt: since } } })),
    };
    await this.client.patchStatus(PODS, NS, pod.metadata.name ?? "", { type: "merge", body: { status } });
  }

  /** Makes every pod of the set that is not yet Running and Ready so; returns how many it changed. */
  async readyAll(setName: string): Promise<number> {
    const waiting = (await this.pods(setName)).filter((p) => !p.metadata.deletionTimestamp && !isHealthy(p));
    for (const pod of waiting) await this.makeReady(pod);
    return waiting.length;
  }

  /** Alternates settling and readying pods until every pod is ready (a kubelet in lock-step). */
  async converge(setName: string, afterEachStep: () => Promise<void> = async () => {}): Promise<void> {
    for (let step = 0; step < 100; step++) {
      await this.settle();
      await afterEachStep();
      if ((await this.readyAll(setName)) === 0) return;
    }
    throw new Error(`${setName} did not converge`);
  }

  async events(reason: string): Promise<string[]> {
    const list = await this.client.list(EVENTS, { namespace: NS });
    return list.items.filter((e) => e.reason === reason).map((e) => String(e.message));
  }
}
