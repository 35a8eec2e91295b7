import { integer, record } from "@/lib/k8s/object-fields";
import type { LwsView, PodView } from "./view-models";

/** How a group looks at a glance: the one legend every view colours by (docs/ui.md). */
export type GroupHealth = "ready" | "progressing" | "failing" | "pending" | "missing";

export interface GroupView {
  index: number;
  leader?: PodView;
  /** by worker index, leader excluded */
  workers: PodView[];
  size: number;
  readyPods: number;
  health: GroupHealth;
  revision?: string;
  /** beyond spec.replicas: a surge group of a rolling update */
  surge: boolean;
}

const FAILING = new Set(["CrashLoopBackOff", "Error", "Failed", "ImagePullBackOff", "ErrImagePull", "OOMKilled", "Unknown"]);

export function lwsSize(lws: LwsView): number {
  return integer(record(record(lws.spec).leaderWorkerTemplate).size) ?? 1;
}

export function lwsReplicas(lws: LwsView): number {
  return integer(record(lws.spec).replicas) ?? 1;
}

function health(pods: PodView[], size: number): GroupHealth {
  if (pods.length === 0) return "missing";
  if (pods.some((p) => FAILING.has(p.status) || p.unschedulable)) return "failing";
  if (pods.length === size && pods.every((p) => p.ready && !p.deleting)) return "ready";
  if (pods.every((p) => p.phase === "Pending" && !p.nodeName)) return "pending";
  return "progressing";
}

/** The groups of an LWS from its pods: leader (worker index 0) and workers, by group index. */
export function groupsOf(lws: LwsView, pods: Iterable<PodView>): GroupView[] {
  const name = lws.metadata.name;
  const namespace = lws.metadata.namespace;
  const byIndex = new Map<number, PodView[]>();
  for (const pod of pods) {
    if (pod.lws !== name || pod.namespace !== namespace || pod.groupIndex === undefined) continue;
    const list = byIndex.get(pod.groupIndex) ?? [];
    list.push(pod);
    byIndex.set(pod.groupIndex, list);
  }
  const replicas = lwsReplicas(lws);
  const size = lwsSize(lws);
  const indexes = new Set([...Array.from({ length: replicas }, (_, i) => i), ...byIndex.keys()]);
  return [...indexes].sort((a, b) => a - b).map((index) => {
    const members = byIndex.get(index) ?? [];
    const leader = members.find((p) => p.workerIndex === 0);
    const workers = members.filter((p) => p.workerIndex !== 0).sort((a, b) => (a.workerIndex ?? 0) - (b.workerIndex ?? 0));
    return { index, leader, workers, size, readyPods: members.filter((p) => p.ready).length, health: health(members, size), revision: leader?.revision, surge: index >= replicas };
  });
}
