import { isNotFound } from "@/lib/k8s/api-errors";
import { clone, deepEqual } from "@/lib/k8s/deep-equal";
import { NODES } from "@/lib/k8s/resources";
import { isRecord, type KubeObject } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";
import { retryOnConflict } from "../retry-on-conflict";
import { appliedTopology, nodeObject, slotOfPodCidr, TOPOLOGY_APPLIED_ANNOTATION, type AppliedTopology } from "./node-objects";
import { nodeSpecs, type NodeSpec } from "./node-specs";
import type { Topology } from "./topology-schema";

const FIELD_MANAGER = "kubelet";

type Taint = { key: string; effect: string };
const sameTaint = (a: Taint) => (b: Taint) => a.key === b.key && a.effect === b.effect;

function previouslyApplied(node: KubeObject): AppliedTopology {
  try {
    const parsed: unknown = JSON.parse(node.metadata.annotations?.[TOPOLOGY_APPLIED_ANNOTATION] ?? "");
    if (isRecord(parsed) && Array.isArray(parsed.labels) && Array.isArray(parsed.taints)) return parsed as unknown as AppliedTopology;
  } catch {
    // not registered from a topology: nothing of it is ours to remove
  }
  return { labels: [], taints: [] };
}

/** The node with the topology's labels and taints, keeping what others set (cordon, NotReady taints, kubectl label). */
function withTopology(node: KubeObject, spec: NodeSpec): KubeObject {
  const previous = previouslyApplied(node);
  const next = clone(node);
  const labels = { ...node.metadata.labels };
  for (const key of previous.labels) delete labels[key];
  const nodeSpec = isRecord(next.spec) ? next.spec : {};
  const current = (Array.isArray(nodeSpec.taints) ? nodeSpec.taints : []) as Taint[];
  const others = current.filter((t) => !previous.taints.some(sameTaint(t)) && !spec.taints.some(sameTaint(t)));
  const taints = [...others, ...spec.taints];
  next.metadata.labels = { ...labels, ...spec.labels };
  next.metadata.annotations = { ...node.metadata.annotations, [TOPOLOGY_APPLIED_ANNOTATION]: JSON.stringify(appliedTopology(spec)) };
  next.spec = { ...nodeSpec, taints: taints.length ? taints : undefined };
  return next;
}

/**
 * Registers the topology's nodes, as kubelets do when they join: creates the missing ones,
 * brings labels, taints and capacity in line with the file, and deletes the nodes an earlier
 * topology registered that this one no longer has. Runtime state (spec.unschedulable, the Ready
 * condition, taints others added) is left alone.
 */
export class NodeRegistrar {
  constructor(
    private readonly client: Client,
    private readonly topology: Topology,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  start(): Promise<void> {
    return this.sync();
  }

  stop(): void {}

  async sync(): Promise<void> {
    const specs = nodeSpecs(this.topology);
    const existing = (await this.client.list(NODES)).items;
    const byName = new Map(existing.map((n) => [n.metadata.name ?? "", n]));
    const taken = new Set(existing.map((n) => slotOfPodCidr(String((n.spec as { podCIDR?: unknown } | undefined)?.podCIDR ?? ""))));
    for (const spec of specs) {
      if (byName.has(spec.name)) await this.converge(spec);
      else await this.client.create(NODES, nodeObject(spec, freeSlot(spec.index, taken), this.clock()), { fieldManager: FIELD_MANAGER });
    }
    const wanted = new Set(specs.map((s) => s.name));
    for (const node of existing) {
      if (wanted.has(node.metadata.name ?? "") || !node.metadata.annotations?.[TOPOLOGY_APPLIED_ANNOTATION]) continue;
      await this.client.delete(NODES, "", node.metadata.name ?? "").catch((err: unknown) => {
        if (!isNotFound(err)) throw err;
      });
    }
  }

  private async converge(spec: NodeSpec): Promise<void> {
    await retryOnConflict(async () => {
      const live = await this.client.get(NODES, "", spec.name);
      const next = withTopology(live, spec);
      if (!deepEqual(next, live)) await this.client.update(NODES, next, { fieldManager: FIELD_MANAGER });
    });
    await retryOnConflict(async () => {
      const live = await this.client.get(NODES, "", spec.name);
      const status = isRecord(live.status) ? live.status : {};
      if (deepEqual(status.capacity, spec.capacity) && deepEqual(status.allocatable, spec.capacity)) return;
      await this.client.updateStatus(NODES, { ...live, status: { ...status, capacity: spec.capacity, allocatable: spec.capacity } }, { fieldManager: FIELD_MANAGER });
    });
  }
}

/** The slot the node's place in the topology suggests, or the next one no existing node holds. */
function freeSlot(preferred: number, taken: Set<number | undefined>): number {
  let slot = preferred;
  while (taken.has(slot)) slot++;
  taken.add(slot);
  return slot;
}
