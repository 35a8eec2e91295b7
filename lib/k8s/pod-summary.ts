/**
 * A pod's READY/STATUS/RESTARTS summary exactly as kube-apiserver's printPod derives it (what
 * `kubectl get pods` shows), shared by the API server's tables and the dashboard.
 */
import type { KubeObject } from "./types";
import { integer, optionalRecord, record, records, text, timestamp } from "./object-fields";

/** Restart bookkeeping: a count plus the latest lastState.terminated.finishedAt (epoch ms). */
export interface Restarts {
  count: number;
  last?: number;
}

/** The running summary printPod builds while it walks init containers, then app containers. */
export interface PodSummary {
  /** the STATUS column: Running, Pending, CrashLoopBackOff, Init:0/1, Terminating, ... */
  reason: string;
  ready: number;
  /** app containers plus sidecar init containers: the READY column's denominator */
  total: number;
  restarts: Restarts;
}

/** App containers plus restartable ("sidecar") init containers, which keep running alongside them. */
function totalContainers(spec: Record<string, unknown>): number {
  return records(spec.containers).length + records(spec.initContainers).filter(isSidecar).length;
}

function isSidecar(container: Record<string, unknown> | undefined): boolean {
  return container?.restartPolicy === "Always";
}

export function summarizePod(pod: KubeObject): PodSummary {
  const spec = record(pod.spec);
  const status = record(pod.status);
  const summary: PodSummary = { reason: initialReason(status), ready: 0, total: totalContainers(spec), restarts: { count: 0 } };
  const init = scanInitContainers(spec, status, summary);
  if (!init.initializing || hasConditionTrue(status, "Initialized")) {
    summary.restarts = init.sidecarRestarts;
    scanAppContainers(status, summary);
  }
  return { ...summary, reason: deletionReason(pod, status) ?? summary.reason };
}

function initialReason(status: Record<string, unknown>): string {
  const gated = records(status.conditions).some((c) => c.type === "PodScheduled" && c.reason === "SchedulingGated");
  if (gated) return "SchedulingGated";
  // Pods are created in phase Pending; read an unset phase the way upstream stores it.
  return text(status.reason) || text(status.phase) || "Pending";
}

function scanInitContainers(spec: Record<string, unknown>, status: Record<string, unknown>, summary: PodSummary) {
  const initContainers = records(spec.initContainers);
  const specs = new Map(initContainers.map((c) => [text(c.name), c]));
  const sidecarRestarts: Restarts = { count: 0 };
  for (const [index, container] of records(status.initContainerStatuses).entries()) {
    const sidecar = isSidecar(specs.get(text(container.name)));
    countRestart(summary.restarts, container);
    if (sidecar) countRestart(sidecarRestarts, container);
    const state = record(container.state);
    const terminated = optionalRecord(state.terminated);
    if (terminated && (integer(terminated.exitCode) ?? 0) === 0) continue;
    if (sidecar && container.started === true) {
      if (container.ready === true) summary.ready++;
      continue;
    }
    summary.reason = initReason(state, index, initContainers.length);
    return { initializing: true, sidecarRestarts };
  }
  return { initializing: false, sidecarRestarts };
}

function initReason(state: Record<string, unknown>, index: number, initContainers: number): string {
  const terminated = optionalRecord(state.terminated);
  const waitingReason = text(record(state.waiting).reason);
  if (terminated) return `Init:${terminatedReason(terminated)}`;
  if (waitingReason !== "" && waitingReason !== "PodInitializing") return `Init:${waitingReason}`;
  return `Init:${index}/${initContainers}`;
}

function terminatedReason(terminated: Record<string, unknown>): string {
  const signal = integer(terminated.signal) ?? 0;
  if (text(terminated.reason) !== "") return text(terminated.reason);
  return signal !== 0 ? `Signal:${signal}` : `ExitCode:${integer(terminated.exitCode) ?? 0}`;
}

/** Walks app containers last to first, so the first container's state has the final word. */
function scanAppContainers(status: Record<string, unknown>, summary: PodSummary): void {
  let hasRunning = false;
  for (const container of records(status.containerStatuses).reverse()) {
    countRestart(summary.restarts, container);
    const state = record(container.state);
    const terminated = optionalRecord(state.terminated);
    const waitingReason = text(record(state.waiting).reason);
    if (waitingReason !== "") summary.reason = waitingReason;
    else if (terminated) summary.reason = terminatedReason(terminated);
    else if (container.ready === true && optionalRecord(state.running)) {
      hasRunning = true;
      summary.ready++;
    }
  }
  // A finished container next to a running one leaves the pod Running, not Completed.
  if (summary.reason === "Completed" && hasRunning) {
    summary.reason = hasConditionTrue(status, "Ready") ? "Running" : "NotReady";
  }
}

function countRestart(restarts: Restarts, container: Record<string, unknown>): void {
  restarts.count += integer(container.restartCount) ?? 0;
  const finishedAt = timestamp(record(record(container.lastState).terminated).finishedAt);
  if (finishedAt !== undefined && (restarts.last === undefined || finishedAt > restarts.last)) restarts.last = finishedAt;
}

function deletionReason(pod: KubeObject, status: Record<string, unknown>): string | undefined {
  if (pod.metadata.deletionTimestamp === undefined) return undefined;
  if (status.reason === "NodeLost") return "Unknown";
  const phase = text(status.phase);
  return phase === "Succeeded" || phase === "Failed" ? undefined : "Terminating";
}

function hasConditionTrue(status: Record<string, unknown>, type: string): boolean {
  return records(status.conditions).find((c) => c.type === type)?.status === "True";
}
