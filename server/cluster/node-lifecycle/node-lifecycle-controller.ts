import { isConflict, isNotFound } from "@/lib/k8s/api-errors";
import { NODES, PODS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";
import { EventRecorder } from "@/server/runtime/event-recorder";
import type { Informer } from "@/server/runtime/informer";
import type { InformerFactory } from "@/server/runtime/informer-factory";
import { WorkQueue } from "@/server/runtime/work-queue";
import { KUBELET, NODE_NAME_INDEX, nodeNameIndex } from "../kubelet/kubelet";
import { TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE } from "../scheduler/taints";
import { controlledTaints, hasTaint, nodeTaintsOf, type NodeTaint } from "./node-taints";

export const NODE_CONTROLLER = "node-controller";

const notReady = (taints: readonly NodeTaint[]) => hasTaint(taints, TAINT_NOT_READY, "NoExecute") || hasTaint(taints, TAINT_UNREACHABLE, "NoExecute");
const cordoned = (taints: readonly NodeTaint[]) => hasTaint(taints, TAINT_UNSCHEDULABLE, "NoSchedule");

/**
 * kube-controller-manager's node lifecycle controller for the simulation: taints a node whose
 * Ready condition is False (not-ready) or Unknown (unreachable) with NoSchedule and NoExecute,
 * and a cordoned one with unschedulable:NoSchedule; untaints it when that ends. It records the
 * node's status changes as events; the taint eviction controller acts on the NoExecute taints.
 */
export class NodeLifecycleController {
  private readonly queue = new WorkQueue<string>({ name: NODE_CONTROLLER });
  private readonly nodes: Informer;
  private readonly pods: Informer;
  private readonly recorder: EventRecorder;
  private readonly kubeletRecorder: EventRecorder;

  constructor(
    private readonly client: Client,
    informers: InformerFactory,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.nodes = informers.informer(NODES);
    this.pods = informers.informer(PODS);
    this.recorder = new EventRecorder(client, NODE_CONTROLLER, clock);
    this.kubeletRecorder = new EventRecorder(client, KUBELET, clock);
  }

  async start(): Promise<void> {
    this.pods.addIndex(NODE_NAME_INDEX, nodeNameIndex);
    this.nodes.addHandler({ add: (n) => this.queue.add(n.metadata.name ?? ""), update: (_, n) => this.queue.add(n.metadata.name ?? "") });
    await Promise.all([this.nodes.start(), this.pods.start()]);
    this.queue.run((name) => this.sync(name));
  }

  stop(): void {
    this.queue.shutdown();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async sync(name: string): Promise<void> {
    const node = this.nodes.get("", name);
    const taints = node && controlledTaints(node, this.clock());
    if (!node || !taints) return;
    try {
      await this.client.update(NODES, { ...node, spec: { ...(node.spec as object), taints: taints.length ? taints : undefined } }, { fieldManager: NODE_CONTROLLER });
    } catch (err) {
      // The informer brings the newer node, and with it this key again.
      if (isConflict(err) || isNotFound(err)) return;
      throw err;
    }
    this.announce(node, nodeTaintsOf(node), taints);
  }

  private announce(node: KubeObject, before: readonly NodeTaint[], after: readonly NodeTaint[]): void {
    const name = node.metadata.name ?? "";
    if (notReady(before) !== notReady(after)) {
      const status = notReady(after) ? "NodeNotReady" : "NodeReady";
      this.recorder.event(node, "Normal", status, `Node ${name} status is now: ${status}`);
      if (notReady(after)) for (const pod of this.pods.byIndex(NODE_NAME_INDEX, name)) this.recorder.event(pod, "Warning", "NodeNotReady", "Node is not ready");
    }
    if (cordoned(before) !== cordoned(after)) {
      const status = cordoned(after) ? "NodeNotSchedulable" : "NodeSchedulable";
      this.kubeletRecorder.event(node, "Normal", status, `Node ${name} status is now: ${status}`);
    }
  }
}
