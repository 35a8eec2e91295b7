/**
 * What the dashboard receives: slim views of the objects it draws, computed on the server so a
 * 1,000-group LWS streams kilobytes per change rather than whole pods. Shared by the SSE hub and
 * the browser's cache.
 */
import type { KubeObject } from "@/lib/k8s/types";
import type { Verdict } from "./diagnosis/types";
import type { GroupHealth } from "./groups";
import type { ToneCounts } from "./pod-tone";

export interface PodView {
  namespace: string;
  name: string;
  uid: string;
  resourceVersion: string;
  /**
   * The pod's group-key and subgroup-key labels only: what exclusive placement matches pods by.
   * Its other labels are in the fields below or not needed by any view (the pod panel reads the
   * pod itself), and would be half of every pod's bytes on the stream.
   */
  placementLabels: Record<string, string>;
  /** LWS identity, from the pod's labels */
  lws?: string;
  groupIndex?: number;
  workerIndex?: number;
  subGroupIndex?: number;
  revision?: string;
  nodeName?: string;
  podIP?: string;
  phase: string;
  /** kubectl's STATUS column */
  status: string;
  ready: boolean;
  /** kubectl's READY column, e.g. "1/1" */
  readyContainers: string;
  restarts: number;
  /** when a container last restarted (its latest lastState.terminated.finishedAt): kubectl's "3 (5m ago)" */
  lastRestartAt?: string;
  /** summed container requests: what the pod takes from its node */
  requests: { cpu: number; memory: number; gpu: number };
  /** the PodScheduled=False message when the scheduler cannot place it */
  unschedulable?: string;
  deleting: boolean;
  createdAt: string;
}

export interface ResourceAmounts {
  cpu: number;
  memory: number;
  gpu: number;
  pods: number;
}

export interface NodeView {
  name: string;
  uid: string;
  resourceVersion: string;
  labels: Record<string, string>;
  zone?: string;
  rack?: string;
  ready: boolean;
  unschedulable: boolean;
  taints: Array<{ key: string; value?: string; effect: string }>;
  capacity: ResourceAmounts;
  allocatable: ResourceAmounts;
  /**
   * What the pods bound to it ask for, all namespaces (`pods`: how many), summed by the server:
   * a page that holds only some pods still sees how full every node is.
   */
  requested: ResourceAmounts;
}

export interface StatefulSetView {
  namespace: string;
  name: string;
  uid: string;
  resourceVersion: string;
  labels: Record<string, string>;
  owner?: { kind: string; name: string; uid: string };
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  updatedReplicas: number;
  currentRevision?: string;
  updateRevision?: string;
  /** spec.updateStrategy.rollingUpdate.partition: ordinals below it keep the old revision */
  partition: number;
}

export interface EventView {
  namespace: string;
  name: string;
  uid: string;
  resourceVersion: string;
  involved: { kind: string; name: string; namespace?: string; uid?: string };
  reason: string;
  message: string;
  type: string;
  count: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
}

export interface PvcView {
  namespace: string;
  name: string;
  uid: string;
  resourceVersion: string;
  labels: Record<string, string>;
  /** Pending until a volume is bound; Lost when the bound volume is gone */
  phase: string;
  storageClassName?: string;
  /** spec.resources.requests.storage as written, e.g. "100Gi" */
  storage?: string;
  /** the LWS pod the claim was made for: StatefulSets name claims `<template>-<pod>` */
  pod?: string;
}

/** LeaderWorkerSets travel whole (they are small), minus managedFields. */
export type LwsView = KubeObject;

/** One group at a glance: what the overview's group bar draws of it. */
export interface GroupGlance {
  index: number;
  health: GroupHealth;
  readyPods: number;
  size: number;
  /** beyond spec.replicas: a surge group of a rolling update */
  surge: boolean;
}

/** A group stuck, failing or degraded, with the first cause its diagnosis gives. */
export interface GroupTrouble {
  index: number;
  verdict: Verdict;
  summary: string;
}

/**
 * What the overview shows of one LWS, summed up by the server from its pods and its diagnosis:
 * an overview of a cluster of 100,000 pods downloads a few of these, not the pods.
 */
export interface LwsSummaryView {
  namespace: string;
  name: string;
  groups: GroupGlance[];
  /** container restarts of its pods, and when the latest was: kubectl's "3 (5m ago)" */
  restarts: number;
  lastRestartAt?: string;
  trouble: GroupTrouble[];
}

/** A node's pods counted by state, kept by the server: the cluster page of a cluster too large to send pod by pod. */
export interface NodePodsView {
  name: string;
  counts: ToneCounts;
}

export interface ViewsByKind {
  lws: LwsView;
  pod: PodView;
  statefulset: StatefulSetView;
  node: NodeView;
  event: EventView;
  pvc: PvcView;
  summary: LwsSummaryView;
  nodePods: NodePodsView;
}

export type ViewKind = keyof ViewsByKind;

/** The kinds projected one object to one view; summaries and pod counts are computed from many. */
export type ProjectedKind = Exclude<ViewKind, "summary" | "nodePods">;

export const PROJECTED_KINDS: readonly ProjectedKind[] = ["lws", "pod", "statefulset", "node", "event", "pvc"];

export const VIEW_KINDS: readonly ViewKind[] = [...PROJECTED_KINDS, "summary", "nodePods"];

/** One change of one object; `key` is "namespace/name" ("/name" for nodes). */
export type ViewChange = { [K in ViewKind]: { kind: K; type: "upsert"; key: string; object: ViewsByKind[K] } | { kind: K; type: "delete"; key: string } }[ViewKind];

export type Snapshot = { resourceVersion: string } & { [K in ViewKind]: Array<ViewsByKind[K]> };

/** What the stream sends: a snapshot first (or after too long a gap), then deltas. */
export type StreamMessage = { event: "snapshot"; id: string; data: Snapshot } | { event: "delta"; id: string; data: { changes: ViewChange[] } };

export function viewKey(namespace: string | undefined, name: string | undefined): string {
  return `${namespace ?? ""}/${name ?? ""}`;
}
