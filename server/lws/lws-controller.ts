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
import type { GangSchedulerProvider } from "./volcano-pod-group";

export interface LwsControllerOptions {
  workers?: number;
  /** create a PodGroup per group for this scheduler (the pod webhook must name them: see PodWebhookOptions) */
  gangScheduling?: GangSchedulerProvider;
}

const keyOf = (namespace: string | undefined, name: string | undefined) => `${namespace ?? ""}/${name ?? ""}`;

/**
 * How long an LWS waits after a change of its StatefulSets, Services or leader pods before it is
 * reconciled: one reconcile covers the burst. A reconcile reads every group, so 8,000 pods
 * starting would otherwise mean thousands of whole-LWS passes; edits of the LWS itself go at once.
 */
const CHILD_CHANGE_COALESCING_MS = 100;

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

  constructor(client: Client, factory: InformerFactory, options: LwsControllerOptions = {}) {
    this.informers = lwsInformers(factory, options);
    const recorder = new EventRecorder(client, LWS_EVENT_COMPONENT);
    const revisions = new LwsRevisions(client, this.informers.revisions, recorder);
    this.lwsReconciler = new LwsReconciler(client, this.informers, revisions, recorder);
    this.podReconciler = new PodReconciler(client, this.informers, revisions, new GroupRestartPolicy(client, this.informers, recorder), recorder);
    this.lwsQueue = new WorkQueue({ name: "leaderworkerset", concurrency: options.workers ?? 4 });
    this.podQueue = new WorkQueue({ name: "leaderworkerset-pod", concurrency: options.workers ?? 8 });
  }

  async start(): Promise<void> {
    const { lws, statefulSets, pods, services, podGroups } = this.informers;
    const enqueueLws = (o: KubeObject) => this.lwsQueue.addAfter(keyOf(o.metadata.namespace, o.metadata.labels?.[LABELS.name]), CHILD_CHANGE_COALESCING_MS);
    // A new spec goes at once; status-only updates (our own, mostly) wait like child changes do.
    lws.addHandler({
      add: (o) => this.lwsQueue.add(keyOf(o.metadata.namespace, o.metadata.name)),
      update: (old, o) => (old.metadata.generation === o.metadata.generation ? this.lwsQueue.addAfter(keyOf(o.metadata.namespace, o.metadata.name), CHILD_CHANGE_COALESCING_MS) : this.lwsQueue.add(keyOf(o.metadata.namespace, o.metadata.name))),
      delete: (o) => this.lwsQueue.add(keyOf(o.metadata.namespace, o.metadata.name)),
    });
    // Leader and worker StatefulSets and Services carry the LWS name. What a leader pod owns
    // (worker StatefulSet, per-replica Service, PodGroup) also goes back to its leader, which must
    // recreate it when it goes: a recreated leader, same name, replaces its predecessor's PodGroup
    // once the garbage collector removes it.
    const enqueueLeader = (o: KubeObject) => {
      const owner = controllerOf(o);
      if (owner?.kind === "Pod") this.podQueue.add(keyOf(o.metadata.namespace, owner.name));
    };
    statefulSets.addHandler(onAnyChange((o) => {
      enqueueLws(o);
      enqueueLeader(o);
    }));
    statefulSets.addHandler({ delete: (o) => this.lwsReconciler.forgetStatefulSet(o) });
    services.addHandler(onAnyChange((o) => {
      enqueueLws(o);
      enqueueLeader(o);
    }));
    podGroups?.addHandler({ delete: enqueueLeader });
    pods.addHandler(onAnyChange((o) => {
      this.podQueue.add(keyOf(o.metadata.namespace, o.metadata.name));
      if (o.metadata.labels?.[LABELS.workerIndex] === "0") enqueueLws(o);
    }));
    await Promise.all(Object.values(this.informers).map((informer) => informer?.start()));
    this.lwsQueue.run((key) => this.lwsReconciler.reconcile(key));
    this.podQueue.run((key) => this.podReconciler.reconcile(key));
  }

  /** How many leader StatefulSets the controller remembers its last apply for (one per live LWS). */
  get rememberedApplies(): number {
    return this.lwsReconciler.rememberedApplies;
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
