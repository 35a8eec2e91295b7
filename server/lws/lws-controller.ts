import type { KubeObject } from "@/lib/k8s/types";
import { LABELS, LWS_EVENT_COMPONENT } from "@/lib/lws/constants";
import type { Client } from "@/server/runtime/client";
import { EventRecorder } from "@/server/runtime/event-recorder";
import type { InformerFactory } from "@/server/runtime/informer-factory";
import { WorkQueue } from "@/server/runtime/work-queue";
import { LwsRevisions } from "./controller-revisions";
import { lwsInformers, type LwsInformers } from "./lws-informers";
import { LwsReconciler } from "./lws-reconciler";
import { controllerOf } from "./owner-references";
import { PodReconciler } from "./pod-reconciler";
import { GroupRestartPolicy } from "./restart-policy";

const keyOf = (namespace: string | undefined, name: string | undefined) => `${namespace ?? ""}/${name ?? ""}`;

function onAnyChange(handler: (object: KubeObject) => void) {
  return { add: handler, update: (_: KubeObject, object: KubeObject) => handler(object), delete: handler };
}

/**
 * The LeaderWorkerSet controller: the LWS reconciler and the pod reconciler, each with its
 * queue, fed by the process's shared informers. Runs unchanged on the embedded cluster and on a
 * real one (it only sees the Client).
 */
export class LwsController {
  private readonly informers: LwsInformers;
  private readonly lwsQueue: WorkQueue<string>;
  private readonly podQueue: WorkQueue<string>;
  private readonly lwsReconciler: LwsReconciler;
  private readonly podReconciler: PodReconciler;

  constructor(client: Client, factory: InformerFactory, options: { workers?: number } = {}) {
    this.informers = lwsInformers(factory);
    const recorder = new EventRecorder(client, LWS_EVENT_COMPONENT);
    const revisions = new LwsRevisions(client, this.informers.revisions, recorder);
    this.lwsReconciler = new LwsReconciler(client, this.informers, revisions, recorder);
    this.podReconciler = new PodReconciler(client, this.informers, revisions, new GroupRestartPolicy(client, this.informers, recorder), recorder);
    this.lwsQueue = new WorkQueue({ name: "leaderworkerset", concurrency: options.workers ?? 4 });
    this.podQueue = new WorkQueue({ name: "leaderworkerset-pod", concurrency: options.workers ?? 8 });
  }

  async start(): Promise<void> {
    const { lws, statefulSets, pods, services } = this.informers;
    const enqueueLws = (o: KubeObject) => this.lwsQueue.add(keyOf(o.metadata.namespace, o.metadata.labels?.[LABELS.name]));
    lws.addHandler(onAnyChange((o) => this.lwsQueue.add(keyOf(o.metadata.namespace, o.metadata.name))));
    // Leader StatefulSets and worker StatefulSets both carry the LWS name; a worker StatefulSet's
    // owner is its leader pod, which must recreate it when it goes.
    statefulSets.addHandler(onAnyChange((o) => {
      enqueueLws(o);
      const owner = controllerOf(o);
      if (owner?.kind === "Pod") this.podQueue.add(keyOf(o.metadata.namespace, owner.name));
    }));
    services.addHandler(onAnyChange((o) => {
      enqueueLws(o);
      const owner = controllerOf(o);
      if (owner?.kind === "Pod") this.podQueue.add(keyOf(o.metadata.namespace, owner.name));
    }));
    pods.addHandler(onAnyChange((o) => {
      this.podQueue.add(keyOf(o.metadata.namespace, o.metadata.name));
      if (o.metadata.labels?.[LABELS.workerIndex] === "0") enqueueLws(o);
    }));
    await Promise.all(Object.values(this.informers).map((informer) => informer.start()));
    this.lwsQueue.run((key) => this.lwsReconciler.reconcile(key));
    this.podQueue.run((key) => this.podReconciler.reconcile(key));
  }

  stop(): void {
    this.lwsQueue.shutdown();
    this.podQueue.shutdown();
  }

  async idle(): Promise<void> {
    await this.lwsQueue.idle();
    await this.podQueue.idle();
  }
}
