import { viewKey, type EventView, type NodeView, type PodView, type PvcView, type ResourceAmounts, type StatefulSetView, type ProjectedKind, type ViewsByKind } from "@/lib/dashboard/view-models";
import { integer, record, records, stringMap, text } from "@/lib/k8s/object-fields";
import { summarizePod } from "@/lib/k8s/pod-summary";
import { CPU, GPU, MEMORY, podRequests } from "@/lib/k8s/pod-requests";
import { parseQuantity } from "@/lib/k8s/quantity";
import { EVENTS, LEADER_WORKER_SETS, NODES, PERSISTENT_VOLUME_CLAIMS, PODS, STATEFUL_SETS, type ResourceInfo } from "@/lib/k8s/resources";
import { rfc3339 } from "@/lib/k8s/time";
import type { KubeObject } from "@/lib/k8s/types";
import { LABELS } from "@/lib/lws/constants";

function index(labels: Record<string, string>, key: string): number | undefined {
  const value = labels[key];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function quantity(value: unknown): number {
  try {
    return value === undefined ? 0 : parseQuantity(value as string);
  } catch {
    return 0;
  }
}

function amounts(resources: unknown): ResourceAmounts {
  const r = record(resources);
  return { cpu: quantity(r.cpu), memory: quantity(r.memory), gpu: quantity(r[GPU]), pods: quantity(r.pods) };
}

/** What the pod takes from its node, summed as kube-scheduler sums it; cpu in cores, as NodeView's amounts. */
function requestsOf(spec: Record<string, unknown>): PodView["requests"] {
  const requests = podRequests(spec);
  return { cpu: (requests[CPU] ?? 0) / 1000, memory: requests[MEMORY] ?? 0, gpu: requests[GPU] ?? 0 };
}

const PLACEMENT_LABELS = [LABELS.groupKey, LABELS.subGroupKey];

function placementLabelsOf(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(PLACEMENT_LABELS.flatMap((key) => (labels[key] === undefined ? [] : [[key, labels[key]]])));
}

export function podView(pod: KubeObject): PodView {
  const spec = record(pod.spec);
  const status = record(pod.status);
  const labels = pod.metadata.labels ?? {};
  const summary = summarizePod(pod);
  const scheduled = records(status.conditions).find((c) => c.type === "PodScheduled");
  const readyCondition = records(status.conditions).find((c) => c.type === "Ready");
  return {
    namespace: pod.metadata.namespace ?? "",
    name: pod.metadata.name ?? "",
    uid: pod.metadata.uid ?? "",
    resourceVersion: pod.metadata.resourceVersion ?? "",
    placementLabels: placementLabelsOf(labels),
    lws: labels[LABELS.name],
    groupIndex: index(labels, LABELS.groupIndex),
    workerIndex: index(labels, LABELS.workerIndex),
    subGroupIndex: index(labels, LABELS.subGroupIndex),
    revision: labels[LABELS.templateRevisionHash],
    nodeName: text(spec.nodeName) || undefined,
    podIP: text(status.podIP) || undefined,
    phase: text(status.phase) || "Pending",
    status: summary.reason,
    ready: readyCondition?.status === "True",
    readyContainers: `${summary.ready}/${summary.total}`,
    restarts: summary.restarts.count,
    lastRestartAt: summary.restarts.count > 0 && summary.restarts.last !== undefined ? rfc3339(new Date(summary.restarts.last)) : undefined,
    requests: requestsOf(spec),
    unschedulable: scheduled?.status === "False" ? text(scheduled.message) : undefined,
    deleting: pod.metadata.deletionTimestamp !== undefined,
    createdAt: pod.metadata.creationTimestamp ?? "",
  };
}

/** `requested`: what the node's pods ask for, which the node object does not say. */
export function nodeView(node: KubeObject, requested: ResourceAmounts): NodeView {
  const spec = record(node.spec);
  const status = record(node.status);
  const labels = node.metadata.labels ?? {};
  return {
    name: node.metadata.name ?? "",
    uid: node.metadata.uid ?? "",
    resourceVersion: node.metadata.resourceVersion ?? "",
    labels,
    zone: labels["topology.kubernetes.io/zone"],
    rack: labels.rack,
    ready: records(status.conditions).some((c) => c.type === "Ready" && c.status === "True"),
    unschedulable: spec.unschedulable === true,
    taints: records(spec.taints).map((t) => ({ key: text(t.key), ...(t.value ? { value: text(t.value) } : {}), effect: text(t.effect) })),
    capacity: amounts(status.capacity),
    allocatable: amounts(status.allocatable),
    requested,
  };
}

export function statefulSetView(sts: KubeObject): StatefulSetView {
  const spec = record(sts.spec);
  const status = record(sts.status);
  const owner = sts.metadata.ownerReferences?.find((r) => r.controller);
  return {
    namespace: sts.metadata.namespace ?? "",
    name: sts.metadata.name ?? "",
    uid: sts.metadata.uid ?? "",
    resourceVersion: sts.metadata.resourceVersion ?? "",
    labels: sts.metadata.labels ?? {},
    ...(owner ? { owner: { kind: owner.kind, name: owner.name, uid: owner.uid } } : {}),
    replicas: integer(spec.replicas) ?? 1,
    readyReplicas: integer(status.readyReplicas) ?? 0,
    availableReplicas: integer(status.availableReplicas) ?? 0,
    updatedReplicas: integer(status.updatedReplicas) ?? 0,
    partition: integer(record(record(spec.updateStrategy).rollingUpdate).partition) ?? 0,
    currentRevision: text(status.currentRevision) || undefined,
    updateRevision: text(status.updateRevision) || undefined,
  };
}

export function eventView(event: KubeObject): EventView {
  const involved = stringMap(event.involvedObject ?? event.regarding);
  return {
    namespace: event.metadata.namespace ?? "",
    name: event.metadata.name ?? "",
    uid: event.metadata.uid ?? "",
    resourceVersion: event.metadata.resourceVersion ?? "",
    involved: { kind: involved.kind ?? "", name: involved.name ?? "", namespace: involved.namespace, uid: involved.uid },
    reason: text(event.reason),
    message: text(event.message) || text(event.note),
    type: text(event.type) || "Normal",
    count: integer(event.count) ?? 1,
    firstTimestamp: text(event.firstTimestamp) || text(event.eventTime) || undefined,
    lastTimestamp: text(event.lastTimestamp) || text(event.eventTime) || undefined,
  };
}

/**
 * The LWS pod a claim belongs to: StatefulSets name claims `<template>-<pod>` and label them with
 * the LWS name, and LWS pods are `<lws>-<group>` or `<lws>-<group>-<worker>`.
 */
function claimPod(name: string, lws: string | undefined): string | undefined {
  if (!lws) return undefined;
  const escaped = lws.replace(/[.]/g, "\\.");
  return new RegExp(`^.+-(${escaped}-\\d+(?:-\\d+)?)$`).exec(name)?.[1];
}

export function pvcView(claim: KubeObject): PvcView {
  const spec = record(claim.spec);
  const labels = claim.metadata.labels ?? {};
  const name = claim.metadata.name ?? "";
  const storage = text(record(record(spec.resources).requests).storage);
  const storageClassName = text(spec.storageClassName);
  const pod = claimPod(name, labels[LABELS.name]);
  return {
    namespace: claim.metadata.namespace ?? "",
    name,
    uid: claim.metadata.uid ?? "",
    resourceVersion: claim.metadata.resourceVersion ?? "",
    labels,
    phase: text(record(claim.status).phase) || "Pending",
    ...(storageClassName ? { storageClassName } : {}),
    ...(storage ? { storage } : {}),
    ...(pod ? { pod } : {}),
  };
}

function lwsView(lws: KubeObject): KubeObject {
  return { ...lws, metadata: { ...lws.metadata, managedFields: undefined } };
}

/** What the projections need beyond the object itself. */
export interface ProjectionContext {
  requested(nodeName: string): ResourceAmounts;
}

/** Which resource feeds each view kind, and how an object becomes its view. */
export const PROJECTIONS: { [K in ProjectedKind]: { resource: ResourceInfo; project: (o: KubeObject, context: ProjectionContext) => ViewsByKind[K] } } = {
  lws: { resource: LEADER_WORKER_SETS, project: lwsView },
  pod: { resource: PODS, project: podView },
  statefulset: { resource: STATEFUL_SETS, project: statefulSetView },
  node: { resource: NODES, project: (node, context) => nodeView(node, context.requested(node.metadata.name ?? "")) },
  event: { resource: EVENTS, project: eventView },
  pvc: { resource: PERSISTENT_VOLUME_CLAIMS, project: pvcView },
};

export function projectionKey(object: KubeObject): string {
  return viewKey(object.metadata.namespace, object.metadata.name);
}
