/**
 * The cluster as the scheduler weighs a stuck group: free room per node after every bound pod,
 * the group's demand from its LWS spec, and which pods hold which topology domains. Built from
 * the capacity check's modules, once per diagnosis and only when some group is unschedulable.
 */
import { LABELS } from "@/lib/lws/constants";
import { applyWebhookDefaults } from "@/lib/lws/defaults";
import { groupDemand, type GroupDemand, type PodDemand } from "../capacity-demand";
import { domainHolders, NodePool } from "../capacity-nodes";
import { GroupPlacer } from "../capacity-placement";
import { podShortfall } from "../capacity-reasons";
import { lwsReplicas } from "../groups";
import type { LwsView, NodeView, PodView } from "../view-models";

export interface PlacementView {
  pool: NodePool;
  demand: GroupDemand;
  placer: GroupPlacer;
  namespace: string;
  lwsName: string;
  replicas: number;
  /** Bound pods of the namespace carrying `label`, by domain of `key`: what exclusive anti-affinity repels. */
  holders(key: string, label: string): ReadonlyMap<string, PodView[]>;
  /** The template's leader or worker with the pod's own requests: what the scheduler weighs for it. */
  demandOf(pod: PodView): PodDemand;
}

function memo<T>(make: (id: string) => T): (id: string) => T {
  const cache = new Map<string, T>();
  return (id) => {
    if (!cache.has(id)) cache.set(id, make(id));
    return cache.get(id) as T;
  };
}

/** `pods`: at least every pod of the LWS's namespace, so the domains other groups hold are whole. */
export function placementView(lws: LwsView, nodes: ReadonlyMap<string, NodeView>, pods: readonly PodView[]): PlacementView {
  const namespace = lws.metadata.namespace ?? "default";
  const pool = new NodePool([...nodes.values()]);
  const demand = groupDemand(applyWebhookDefaults(lws));
  const holdersBy = memo((id) => {
    const [key, label] = id.split("\n");
    return domainHolders(pool, pods, key, label, (pod) => pod.namespace === namespace);
  });
  const holders = (key: string, label: string) => holdersBy(`${key}\n${label}`);
  const placer = new GroupPlacer(pool, demand, { blockedDomains: (key, label) => new Set(holders(key, label).keys()), groupLabel: LABELS.groupKey, explainPod: (pod) => podShortfall(pool, pod) });
  const [leader, worker = leader] = demand.pods;
  const demandBy = memo((id): PodDemand => {
    const [role, cpu, memory, gpu] = id.split(" ");
    return { ...(role === "leader" ? leader : worker), requests: { cpu: Number(cpu), memory: Number(memory), gpu: Number(gpu) } };
  });
  const demandOf = ({ workerIndex, requests: r }: PodView) =>
    demandBy(`${workerIndex === 0 ? "leader" : "worker"} ${Math.round(r.cpu * 1000)} ${Math.round(r.memory)} ${Math.round(r.gpu)}`);
  return { pool, demand, placer, namespace, lwsName: lws.metadata.name ?? "", replicas: lwsReplicas(lws), holders, demandOf };
}
