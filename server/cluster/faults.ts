import { badRequest } from "@/lib/k8s/api-errors";
import type { FaultInjector } from "@/lib/k8s/faults";
import { NODES, PODS } from "@/lib/k8s/resources";
import { rfc3339 } from "@/lib/k8s/time";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";
import { nodeConditionsOf, reportedNodeConditions } from "./kubelet/node-conditions";
import { containerStatusesOf, podView, stoppedPodStatus } from "./kubelet/pod-status";
import { retryOnConflict } from "./retry-on-conflict";
import { recordAt } from "./scheduler/narrow";

const FIELD_MANAGER = "lws-console-faults";

/** DaemonSet pods stay on a drained node (kubectl drain --ignore-daemonsets), as do mirror pods. */
function drainable(pod: KubeObject): boolean {
  const daemon = (pod.metadata.ownerReferences ?? []).some((r) => r.controller && r.kind === "DaemonSet");
  return !daemon && !pod.metadata.annotations?.["kubernetes.io/config.mirror"];
}

/**
 * Faults for the embedded cluster, each written as the state a real failure would leave in the
 * objects: the simulated kubelets and node controllers then react as they would to the real thing
 * (a crashed container is restarted, a NotReady node is tainted and drained of its pods).
 */
export class EmbeddedFaultInjector implements FaultInjector {
  constructor(
    private readonly client: Client,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async crashContainer(namespace: string, pod: string, container?: string): Promise<void> {
    await this.updatePodStatus(namespace, pod, (live) => {
      const statuses = containerStatusesOf(recordAt(live.status));
      const target = container ?? statuses[0]?.name;
      const status = statuses.find((s) => s.name === target);
      if (!status?.state.running) throw badRequest(`container "${target ?? ""}" in pod "${pod}" is not running`);
      return stoppedPodStatus(podView(live), this.clock(), { exit: { exitCode: 1, reason: "Error" }, containers: [status.name] });
    });
  }

  async failPod(namespace: string, pod: string, reason = "Error"): Promise<void> {
    await this.updatePodStatus(namespace, pod, (live) => {
      const phase = { phase: "Failed", reason, message: `Pod failed: ${reason} (fault injected)` };
      return stoppedPodStatus(podView(live), this.clock(), { exit: { exitCode: 1, reason: "Error" }, phase });
    });
  }

  async deletePod(namespace: string, pod: string): Promise<void> {
    await this.client.delete(PODS, namespace, pod);
  }

  async setNodeReady(node: string, ready: boolean): Promise<void> {
    await retryOnConflict(async () => {
      const live = await this.client.get(NODES, "", node);
      const conditions = reportedNodeConditions(nodeConditionsOf(live), rfc3339(this.clock()), ready);
      await this.client.updateStatus(NODES, { ...live, status: { ...recordAt(live.status), conditions } }, { fieldManager: FIELD_MANAGER });
    });
  }

  async cordon(node: string): Promise<void> {
    await this.client.patch(NODES, "", node, { type: "strategic", body: { spec: { unschedulable: true } } }, { fieldManager: FIELD_MANAGER });
  }

  async uncordon(node: string): Promise<void> {
    await this.client.patch(NODES, "", node, { type: "strategic", body: { spec: { unschedulable: null } } }, { fieldManager: FIELD_MANAGER });
  }

  async drain(node: string): Promise<string[]> {
    await this.cordon(node);
    const pods = (await this.client.list(PODS, { fieldSelector: `spec.nodeName=${node}` })).items;
    const evicted: string[] = [];
    for (const pod of pods.filter(drainable)) {
      if (pod.metadata.deletionTimestamp) continue;
      await this.client.evict(pod.metadata.namespace ?? "", pod.metadata.name ?? "");
      evicted.push(`${pod.metadata.namespace}/${pod.metadata.name}`);
    }
    return evicted;
  }

  private async updatePodStatus(namespace: string, name: string, next: (live: KubeObject) => Record<string, unknown>): Promise<void> {
    await retryOnConflict(async () => {
      const live = await this.client.get(PODS, namespace, name);
      if (!recordAt(live.spec).nodeName) throw badRequest(`pod "${name}" is not running on a node yet`);
      await this.client.updateStatus(PODS, { ...live, status: next(live) }, { fieldManager: FIELD_MANAGER });
    });
  }
}
