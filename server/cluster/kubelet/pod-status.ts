/** The status a kubelet reports for a pod on its node: phase, conditions and container statuses. */
import { deepEqual } from "@/lib/k8s/deep-equal";
import { rfc3339 } from "@/lib/k8s/time";
import { isRecord, type KubeObject } from "@/lib/k8s/types";
import { arrayAt, recordAt, stringAt } from "../scheduler/narrow";
import { initContainerStatus, nextContainerStatus, stoppedStatus, type ContainerContext, type ContainerStatus } from "./container-status";
import { extend } from "@/lib/k8s/extend";

export interface PodCondition {
  type: string;
  status: "True" | "False";
  reason?: string;
  message?: string;
  lastProbeTime: null;
  lastTransitionTime: string;
}

export interface PodView {
  uid: string;
  name: string;
  namespace: string;
  restartPolicy: string;
  containers: Array<{ name: string; image: string }>;
  initContainers: Array<{ name: string; image: string }>;
  readinessGates: string[];
  status: Record<string, unknown>;
}

export interface NodeView {
  name: string;
  hostIP: string;
  ready: boolean;
}

function containersAt(value: unknown): Array<{ name: string; image: string }> {
  return arrayAt(value).map((c) => ({ name: stringAt(recordAt(c).name) ?? "", image: stringAt(recordAt(c).image) ?? "" }));
}

export function podView(pod: KubeObject): PodView {
  const spec = recordAt(pod.spec);
  return {
    uid: pod.metadata.uid ?? "",
    name: pod.metadata.name ?? "",
    namespace: pod.metadata.namespace ?? "",
    restartPolicy: stringAt(spec.restartPolicy) ?? "Always",
    containers: containersAt(spec.containers),
    initContainers: containersAt(spec.initContainers),
    readinessGates: arrayAt(spec.readinessGates).map((g) => stringAt(recordAt(g).conditionType) ?? ""),
    status: recordAt(pod.status),
  };
}

export function containerStatusesOf(status: Record<string, unknown>, field = "containerStatuses"): ContainerStatus[] {
  return arrayAt(status[field]).filter(isRecord) as unknown as ContainerStatus[];
}

export function podConditionsOf(status: Record<string, unknown>): PodCondition[] {
  return arrayAt(status.conditions).filter(isRecord) as unknown as PodCondition[];
}

function condition(previous: readonly PodCondition[], type: string, ok: boolean, now: string, why?: { reason: string; message: string }): PodCondition {
  const before = previous.find((c) => c.type === type);
  const status = ok ? "True" : "False";
  const lastTransitionTime = before?.status === status ? before.lastTransitionTime : now;
  return { type, status, ...(ok || !why ? {} : why), lastProbeTime: null, lastTransitionTime };
}

function unready(kind: string, reason: string, statuses: readonly ContainerStatus[], done: (s: ContainerStatus) => boolean) {
  const names = statuses.filter((s) => !done(s)).map((s) => s.name);
  return names.length ? { reason, message: `containers with ${kind} status: [${names.join(" ")}]` } : undefined;
}

function phaseOf(pod: PodView, statuses: readonly ContainerStatus[]): string {
  if (statuses.some((s) => s.restartCount === 0 && !s.started && !s.state.terminated && !s.lastState.terminated)) return "Pending";
  const finished = statuses.every((s) => s.state.terminated && (pod.restartPolicy === "Never" || (pod.restartPolicy === "OnFailure" && s.state.terminated.exitCode === 0)));
  if (!finished) return "Running";
  return statuses.every((s) => s.state.terminated?.exitCode === 0) ? "Succeeded" : "Failed";
}

function conditions(pod: PodView, node: NodeView, statuses: ContainerStatus[], initialized: boolean, now: string): PodCondition[] {
  const previous = podConditionsOf(pod.status);
  const scheduled = previous.find((c) => c.type === "PodScheduled") ?? condition([], "PodScheduled", true, now);
  const notReady = unready("unready", "ContainersNotReady", statuses, (s) => s.ready);
  const gate = pod.readinessGates.find((type) => previous.find((c) => c.type === type)?.status !== "True");
  const readyWhy = notReady ?? (!node.ready ? { reason: "NodeNotReady", message: `node "${node.name}" is not ready` } : gate ? { reason: "ReadinessGatesNotReady", message: `corresponding condition of pod readiness gate "${gate}" does not exist.` } : undefined);
  const own = [
    condition(previous, "PodReadyToStartContainers", !!pod.status.podIP, now),
    condition(previous, "Initialized", initialized, now, { reason: "ContainersNotInitialized", message: `containers with incomplete status: [${pod.initContainers.map((c) => c.name).join(" ")}]` }),
    condition(previous, "Ready", !readyWhy, now, readyWhy),
    condition(previous, "ContainersReady", !notReady, now, notReady),
    scheduled,
  ];
  return [...own, ...previous.filter((c) => !own.some((o) => o.type === c.type))];
}

export interface KubeletPodStatus {
  status: Record<string, unknown>;
  wakeInMs?: number;
}

/** The pod's status after one kubelet sync; `podIP` is set once its sandbox exists. */
export function syncedPodStatus(pod: PodView, node: NodeView, podIP: string | undefined, now: Date, backoffMs: (restarts: number) => number): KubeletPodStatus {
  const nowText = rfc3339(now);
  const ctx: ContainerContext = {
    now: nowText,
    nowMs: now.getTime(),
    pod,
    mayStart: podIP !== undefined && node.ready,
    waitingReason: pod.initContainers.length ? "PodInitializing" : "ContainerCreating",
    backoffMs,
  };
  const current = containerStatusesOf(pod.status);
  const steps = pod.containers.map((c) => nextContainerStatus(c, current.find((s) => s.name === c.name), ctx));
  const inits = pod.initContainers.map((c) => initContainerStatus(c, containerStatusesOf(pod.status, "initContainerStatuses").find((s) => s.name === c.name), ctx));
  const statuses = steps.map((s) => s.status);
  const initialized = inits.every((s) => s.state.terminated);
  const withIp = podIP ? extend(pod.status, { podIP, podIPs: [{ ip: podIP }] }) : pod.status;
  const status: Record<string, unknown> = extend(withIp, {
    phase: phaseOf(pod, statuses),
    conditions: conditions({ ...pod, status: withIp }, node, statuses, initialized, nowText),
    hostIP: node.hostIP,
    hostIPs: [{ ip: node.hostIP }],
    startTime: pod.status.startTime ?? nowText,
    ...(inits.length ? { initContainerStatuses: inits } : {}),
    containerStatuses: statuses,
  });
  const waits = steps.map((s) => s.wakeInMs).filter((ms): ms is number => ms !== undefined);
  return { status, wakeInMs: waits.length ? Math.min(...waits) : undefined };
}

export function statusChanged(pod: KubeObject, status: Record<string, unknown>): boolean {
  return !deepEqual(pod.status, status);
}

export interface StopOptions {
  /** how the containers ended; without it they are still shutting down, only no longer ready */
  exit?: { exitCode: number; reason: string };
  /** the containers stopped (default: all) */
  containers?: string[];
  /** the pod's new phase, if it has one (a failed pod) */
  phase?: { phase: string; reason: string; message: string };
}

/** The pod as reported when (some of) its containers stop: they and the pod are no longer ready. */
export function stoppedPodStatus(pod: PodView, now: Date, options: StopOptions = {}): Record<string, unknown> {
  const nowText = rfc3339(now);
  const { exit, containers, phase } = options;
  const stop = (s: ContainerStatus) => (exit ? stoppedStatus(s, nowText, exit.exitCode, exit.reason) : { ...s, ready: false });
  const statuses = containerStatusesOf(pod.status).map((s) => (!containers || containers.includes(s.name) ? stop(s) : s));
  const previous = podConditionsOf(pod.status);
  const why = unready("unready", "ContainersNotReady", statuses, (s) => s.ready);
  const stopped = ["Ready", "ContainersReady"].map((type) => condition(previous, type, false, nowText, why));
  return {
    ...pod.status,
    ...phase,
    conditions: [...previous.filter((c) => c.type !== "Ready" && c.type !== "ContainersReady"), ...stopped],
    containerStatuses: statuses,
  };
}
