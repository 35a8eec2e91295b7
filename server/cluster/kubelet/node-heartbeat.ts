import { isAlreadyExists, isConflict, isNotFound } from "@/lib/k8s/api-errors";
import { LEASES, NODES } from "@/lib/k8s/resources";
import { rfc3339, rfc3339Micro } from "@/lib/k8s/time";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";
import type { Informer } from "@/server/runtime/informer";
import type { InformerFactory } from "@/server/runtime/informer-factory";
import { WorkQueue, type ReconcileResult } from "@/server/runtime/work-queue";
import { recordAt, stringAt } from "../scheduler/narrow";
import { KUBELET } from "./kubelet";
import { nodeConditionsOf, reportedNodeConditions } from "./node-conditions";

export const NODE_LEASE_NAMESPACE = "kube-node-lease";
const LEASE_DURATION_SECONDS = 40;
const CONDITION_TYPES = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable"];

export interface NodeHeartbeatOptions {
  /** how often each node renews its Lease (upstream: 10 s, a quarter of the lease duration) */
  leaseRenewMs?: number;
  /** how often unchanged node conditions get a new heartbeat time (upstream nodeStatusReportFrequency: 5 min) */
  statusReportMs?: number;
  clock?: () => Date;
}

/**
 * The kubelets' heartbeats: each node renews its Lease in kube-node-lease and, less often,
 * re-posts its conditions. The Ready condition keeps whatever status the node reports (a
 * NotReady fault stays until cleared); a node that never reported gets the full set, Ready.
 */
export class NodeHeartbeat {
  private readonly queue = new WorkQueue<string>({ name: "node-heartbeat", concurrency: 4 });
  private readonly nodes: Informer;
  private readonly leases: Informer;
  private readonly clock: () => Date;

  constructor(
    private readonly client: Client,
    informers: InformerFactory,
    private readonly options: NodeHeartbeatOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.nodes = informers.informer(NODES);
    this.leases = informers.informer(LEASES, { namespace: NODE_LEASE_NAMESPACE });
  }

  async start(): Promise<void> {
    const missingConditions = (n: KubeObject) => CONDITION_TYPES.some((type) => !nodeConditionsOf(n).some((c) => c.type === type));
    this.nodes.addHandler({ add: (n) => this.queue.add(n.metadata.name ?? ""), update: (_, n) => missingConditions(n) && this.queue.add(n.metadata.name ?? "") });
    await Promise.all([this.nodes.start(), this.leases.start()]);
    this.queue.run((name) => this.sync(name));
  }

  stop(): void {
    this.queue.shutdown();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async sync(name: string): Promise<ReconcileResult | void> {
    const node = this.nodes.get("", name);
    if (!node) return;
    const now = this.clock();
    try {
      const renewIn = await this.renewLease(node, now);
      const reportIn = await this.reportStatus(node, now);
      return { requeueAfterMs: Math.min(renewIn, reportIn) };
    } catch (err) {
      if (isConflict(err) || isNotFound(err) || isAlreadyExists(err)) return { requeueAfterMs: 10 };
      throw err;
    }
  }

  /** Renews the node's Lease when due; resolves to the time until the next renewal. */
  private async renewLease(node: KubeObject, now: Date): Promise<number> {
    const renewMs = this.options.leaseRenewMs ?? 10_000;
    const name = node.metadata.name ?? "";
    const lease = this.leases.get(NODE_LEASE_NAMESPACE, name);
    const age = now.getTime() - Date.parse(stringAt(recordAt(lease?.spec).renewTime) ?? "");
    if (age < renewMs) return renewMs - age;
    const spec = { holderIdentity: name, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: rfc3339Micro(now) };
    if (lease) await this.client.update(LEASES, { ...lease, spec: { ...recordAt(lease.spec), ...spec } }, { fieldManager: KUBELET });
    else {
      const owner = { apiVersion: "v1", kind: "Node", name, uid: node.metadata.uid ?? "" };
      await this.client.create(LEASES, { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name, namespace: NODE_LEASE_NAMESPACE, ownerReferences: [owner] }, spec }, { fieldManager: KUBELET });
    }
    return renewMs;
  }

  /** Posts the node's conditions when one is missing or their heartbeat is stale. */
  private async reportStatus(node: KubeObject, now: Date): Promise<number> {
    const reportMs = this.options.statusReportMs ?? 300_000;
    const conditions = nodeConditionsOf(node);
    const oldest = Math.min(...CONDITION_TYPES.map((type) => Date.parse(conditions.find((c) => c.type === type)?.lastHeartbeatTime ?? "") || 0));
    const age = now.getTime() - oldest;
    if (age < reportMs) return reportMs - age;
    const status = { ...recordAt(node.status), conditions: reportedNodeConditions(conditions, rfc3339(now)) };
    await this.client.updateStatus(NODES, { ...node, status }, { fieldManager: KUBELET });
    return reportMs;
  }
}
