import { isNotFound } from "@/lib/k8s/api-errors";
import { deepEqual } from "@/lib/k8s/deep-equal";
import { NODES, PODS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";
import { EventRecorder } from "@/server/runtime/event-recorder";
import type { Informer } from "@/server/runtime/informer";
import type { InformerFactory } from "@/server/runtime/informer-factory";
import { WorkQueue, type ReconcileResult } from "@/server/runtime/work-queue";
import { NODE_NAME_INDEX, nodeNameIndex } from "../kubelet/kubelet";
import { recordAt, stringAt } from "../scheduler/narrow";
import { evictionDelayMs, timedTolerationsAt, type NoExecuteTaint } from "./eviction-time";
import { nodeTaintsOf } from "./node-taints";

export const TAINT_EVICTION_CONTROLLER = "taint-eviction-controller";

export interface TaintEvictionOptions {
  /** how long one tolerationSeconds second lasts (default 1000; tests shrink it) */
  tolerationSecondMs?: number;
  clock?: () => Date;
}

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;

/** A pod update matters to evictions only if it changes the pod's node or its tolerations, as upstream's taint manager sees it. */
function movedOrTolerating(old: KubeObject, pod: KubeObject): boolean {
  const [before, after] = [recordAt(old.spec), recordAt(pod.spec)];
  return before.nodeName !== after.nodeName || (before.tolerations !== after.tolerations && !deepEqual(before.tolerations, after.tolerations));
}

/**
 * The taint manager: deletes pods from nodes with NoExecute taints they do not tolerate, at once
 * or once their tolerationSeconds (300 s by the API server's default tolerations) have passed
 * since the taint's timeAdded. The owner of a deleted pod (a StatefulSet) creates it anew.
 */
export class TaintEvictionController {
  private readonly queue = new WorkQueue<string>({ name: TAINT_EVICTION_CONTROLLER, concurrency: 4 });
  private readonly nodes: Informer;
  private readonly pods: Informer;
  private readonly recorder: EventRecorder;
  private readonly clock: () => Date;
  /** first sight of taints without a timeAdded, which then count from there */
  private readonly firstSeen = new Map<string, number>();

  constructor(
    private readonly client: Client,
    informers: InformerFactory,
    private readonly options: TaintEvictionOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.nodes = informers.informer(NODES);
    this.pods = informers.informer(PODS);
    this.recorder = new EventRecorder(client, TAINT_EVICTION_CONTROLLER, this.clock);
  }

  async start(): Promise<void> {
    this.pods.addIndex(NODE_NAME_INDEX, nodeNameIndex);
    const onPod = (pod: KubeObject) => nodeNameIndex(pod).length > 0 && this.queue.add(keyOf(pod));
    this.pods.addHandler({ add: onPod, update: (old, pod) => movedOrTolerating(old, pod) && onPod(pod) });
    const onNode = (node: KubeObject) => this.pods.byIndex(NODE_NAME_INDEX, node.metadata.name ?? "").forEach((p) => this.queue.add(keyOf(p)));
    this.nodes.addHandler({ add: onNode, update: (old, node) => JSON.stringify(nodeTaintsOf(old)) !== JSON.stringify(nodeTaintsOf(node)) && onNode(node) });
    await Promise.all([this.nodes.start(), this.pods.start()]);
    this.queue.run((key) => this.sync(key));
  }

  stop(): void {
    this.queue.shutdown();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private noExecuteTaints(node: KubeObject, now: number): NoExecuteTaint[] {
    return nodeTaintsOf(node)
      .filter((t) => t.effect === "NoExecute")
      .map((t) => {
        const seenKey = `${node.metadata.name}/${t.key}/${t.value ?? ""}`;
        if (!this.firstSeen.has(seenKey)) this.firstSeen.set(seenKey, now);
        const addedAt = t.timeAdded ? Date.parse(t.timeAdded) : (this.firstSeen.get(seenKey) ?? now);
        return { key: t.key, value: t.value ?? "", effect: t.effect, addedAt };
      });
  }

  private async sync(key: string): Promise<ReconcileResult | void> {
    const [namespace, name] = key.split("/");
    const pod = this.pods.get(namespace, name);
    const node = pod && this.nodes.get("", stringAt(recordAt(pod.spec).nodeName) ?? "");
    if (!pod || !node || pod.metadata.deletionTimestamp) return;
    const now = this.clock().getTime();
    const taints = this.noExecuteTaints(node, now);
    const delay = evictionDelayMs(taints, timedTolerationsAt(recordAt(pod.spec).tolerations), now, this.options.tolerationSecondMs ?? 1000);
    if (delay === undefined) return;
    if (delay > 0) return { requeueAfterMs: delay };
    try {
      await this.client.delete(PODS, namespace, name, { preconditions: { uid: pod.metadata.uid } });
      this.recorder.event(pod, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${namespace}/${name}`);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}
