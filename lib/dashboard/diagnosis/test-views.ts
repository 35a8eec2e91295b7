/** Small hand-built views for the diagnosis unit tests. */
import { LABELS } from "@/lib/lws/constants";
import { NO_USAGE, usageByNode } from "../node-usage";
import type { EventView, LwsView, NodeView, PodView, PvcView, StatefulSetView } from "../view-models";
import type { DiagnosisInput } from "./types";

const HOSTNAME = "kubernetes.io/hostname";

export const NOW = Date.parse("2026-01-01T12:00:00Z");

export const minutesAgo = (minutes: number): string => new Date(NOW - minutes * 60_000).toISOString();

export function lws(spec: Record<string, unknown> = {}, name = "llm"): LwsView {
  return { apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", metadata: { name, namespace: "default" }, spec: { replicas: 3, leaderWorkerTemplate: { size: 2 }, ...spec } };
}

export function pod(group: number, worker: number, over: Partial<PodView> = {}): PodView {
  return {
    namespace: "default", name: worker ? `llm-${group}-${worker}` : `llm-${group}`, uid: `${group}-${worker}`, resourceVersion: "1", placementLabels: {},
    lws: "llm", groupIndex: group, workerIndex: worker, revision: "new", nodeName: `node-${group}`, phase: "Running", status: "Running", ready: true, readyContainers: "1/1",
    restarts: 0, requests: { cpu: 0, memory: 0, gpu: 0 }, deleting: false, createdAt: "", ...over,
  };
}

/** Leader and one worker of a group, both with `over`. */
export const group = (index: number, over: Partial<PodView> = {}): PodView[] => [pod(index, 0, over), pod(index, 1, over)];

export const NOT_READY: Partial<PodView> = { ready: false, status: "ContainerCreating", readyContainers: "0/1" };
export const UNSCHEDULABLE: Partial<PodView> = { ready: false, phase: "Pending", status: "Pending", nodeName: undefined, readyContainers: "0/1", unschedulable: "0/32 nodes are available: 32 Insufficient nvidia.com/gpu." };

export function sts(name: string, over: Partial<StatefulSetView> = {}): StatefulSetView {
  return { namespace: "default", name, uid: name, resourceVersion: "1", labels: { [LABELS.templateRevisionHash]: "new" }, replicas: 1, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1, partition: 0, ...over };
}

/** The leader StatefulSet and one worker StatefulSet per group index. */
export const statefulSets = (groups: number, leader: Partial<StatefulSetView> = {}): StatefulSetView[] => [sts("llm", leader), ...Array.from({ length: groups }, (_, i) => sts(`llm-${i}`))];

export function event(over: Partial<EventView> & Pick<EventView, "reason" | "message">): EventView {
  return { namespace: "default", name: `e-${over.message}`, uid: over.message, resourceVersion: "1", involved: { kind: "LeaderWorkerSet", name: "llm", namespace: "default" }, type: "Normal", count: 1, ...over };
}

export const recreated = (index: number, count: number, first: number, last: number, lwsName = "llm"): EventView =>
  event({ reason: "RecreateGroup", message: `Worker pod llm-${index}-1 failed, deleted leader pod llm-${index} to recreate group ${index}`, count, firstTimestamp: minutesAgo(first), lastTimestamp: minutesAgo(last), involved: { kind: "LeaderWorkerSet", name: lwsName, namespace: "default" } });

export function claim(podName: string, over: Partial<PvcView> = {}): PvcView {
  return { namespace: "default", name: `data-${podName}`, uid: podName, resourceVersion: "1", labels: { [LABELS.name]: "llm" }, phase: "Bound", storage: "10Gi", pod: podName, ...over };
}

/** The nodes with `requested` summed afresh from `pods`, as the stream hub keeps it pod by pod. */
export function withUsage(nodes: Iterable<NodeView>, pods: Iterable<PodView>): NodeView[] {
  const usage = usageByNode(pods);
  return [...nodes].map((node) => ({ ...node, requested: usage.get(node.name) ?? NO_USAGE }));
}

/** The input with every node's `requested` summed from its pods, as the stream hub keeps it. */
export function input(over: Partial<DiagnosisInput> = {}): DiagnosisInput {
  const base: DiagnosisInput = { lws: lws(), pods: [], statefulSets: statefulSets(3), nodes: new Map(), events: [], now: NOW, ...over };
  const nodes = withUsage(base.nodes.values(), base.namespacePods ?? base.pods);
  return { ...base, nodes: new Map(nodes.map((n) => [`/${n.name}`, n])) };
}

/** An 8-GPU node in `rack`, as the default topology builds them. */
export function node(name: string, rack: string, over: Partial<NodeView> = {}): NodeView {
  const amounts = { cpu: 32, memory: 256 * 2 ** 30, gpu: 8, pods: 110 };
  return { name, uid: name, resourceVersion: "1", labels: { rack, [HOSTNAME]: name }, rack, ready: true, unschedulable: false, taints: [], capacity: amounts, allocatable: amounts, requested: NO_USAGE, ...over };
}

/** `count` racks rack-0 … of `perRack` nodes node-<rack>-<i>, keyed as DiagnosisInput.nodes wants. */
export function racks(count: number, perRack: number, over: Partial<NodeView> = {}): Map<string, NodeView> {
  const nodes = Array.from({ length: count * perRack }, (_, i) => node(`node-${Math.floor(i / perRack)}-${i % perRack}`, `rack-${Math.floor(i / perRack)}`, over));
  return new Map(nodes.map((n) => [`/${n.name}`, n]));
}

/** An LWS whose pods each ask for `gpu` GPUs. */
export function gpuLws(o: { replicas: number; size: number; gpu: number; annotations?: Record<string, string>; podSpec?: Record<string, unknown>; subGroupSize?: number; name?: string }): LwsView {
  const podSpec = { containers: [{ name: "main", resources: { limits: { "nvidia.com/gpu": String(o.gpu) } } }], ...o.podSpec };
  const subGroups = o.subGroupSize ? { subGroupPolicy: { subGroupSize: o.subGroupSize } } : {};
  const base = lws({ replicas: o.replicas, leaderWorkerTemplate: { size: o.size, workerTemplate: { spec: podSpec }, ...subGroups } }, o.name);
  return { ...base, metadata: { ...base.metadata, annotations: o.annotations ?? {} } };
}

/** A pod of LWS `lwsName` bound to `nodeName`, with its group key and `gpu` GPUs. */
export function boundPod(lwsName: string, group: number, worker: number, nodeName: string, gpu: number, over: Partial<PodView> = {}): PodView {
  const placementLabels = { [LABELS.groupKey]: `${lwsName}-${group}` };
  return pod(group, worker, { name: `${lwsName}-${group}-${worker}`, uid: `${lwsName}-${group}-${worker}`, lws: lwsName, nodeName, placementLabels, requests: { cpu: 0, memory: 0, gpu }, ...over });
}

/** A Pending pod of group `group` that kube-scheduler gave up on, asking for `gpu` GPUs. */
export const stuckPod = (group: number, worker: number, gpu: number, message = "0/32 nodes are available: 32 Insufficient nvidia.com/gpu."): PodView =>
  pod(group, worker, { ...UNSCHEDULABLE, unschedulable: message, requests: { cpu: 0, memory: 0, gpu } });
