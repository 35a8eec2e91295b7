/**
 * What the kubelet says and prints when a container changes state: the events `kubectl describe
 * pod` shows and the container's log lines. Derived from the status before and after a sync, so
 * they accompany the status write that made the change.
 */
import type { KubeObject } from "@/lib/k8s/types";
import type { EventRecorder } from "@/server/runtime/event-recorder";
import type { ContainerLogs } from "./container-logs";
import type { ContainerStatus } from "./container-status";
import type { NodeImages } from "./node-images";
import { startupLines } from "./startup-lines";

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(3).replace(/\.?0+$/, "")}s`;
}

export interface Transitions {
  recorder: EventRecorder;
  logs: ContainerLogs;
  /** how long image pulls seem to take */
  pullMs: number;
  images: NodeImages;
}

function pullPolicyOf(pod: KubeObject, container: string): string | undefined {
  const spec = pod.spec as { containers?: Array<{ name: string; imagePullPolicy?: string }> } | undefined;
  return spec?.containers?.find((c) => c.name === container)?.imagePullPolicy;
}

function mustPull(t: Transitions, pod: KubeObject, status: ContainerStatus): boolean {
  const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? "";
  return t.images.mustPull(node, status.image, pullPolicyOf(pod, status.name));
}

function started(t: Transitions, pod: KubeObject, after: ContainerStatus): void {
  const uid = pod.metadata.uid ?? "";
  if (after.restartCount > 0) {
    const ended = after.lastState.terminated;
    if (ended) t.logs.append(uid, after.name, `exiting: ${ended.reason} (exit code ${ended.exitCode})`);
    t.logs.rotate(uid, after.name);
  }
  if (mustPull(t, pod, after)) {
    t.recorder.event(pod, "Normal", "Pulling", `Pulling image "${after.image}"`);
    const took = formatDuration(t.pullMs);
    t.recorder.event(pod, "Normal", "Pulled", `Successfully pulled image "${after.image}" in ${took} (${took} including waiting)`);
  } else t.recorder.event(pod, "Normal", "Pulled", `Container image "${after.image}" already present on machine`);
  t.recorder.event(pod, "Normal", "Created", `Created container: ${after.name}`);
  t.recorder.event(pod, "Normal", "Started", `Started container ${after.name}`);
  writeStartup(t.logs, pod, after.name);
}

function writeStartup(logs: ContainerLogs, pod: KubeObject, container: string): void {
  for (const line of startupLines(pod, container)) logs.append(pod.metadata.uid ?? "", container, line);
}

/** Events and log lines for the containers whose state a sync changed; `pod` is the pod as written. */
export function announceTransitions(t: Transitions, pod: KubeObject, before: readonly ContainerStatus[], after: readonly ContainerStatus[]): void {
  for (const status of after) {
    const old = before.find((s) => s.name === status.name);
    if (status.state.running && old?.containerID !== status.containerID) started(t, pod, status);
    else if (status.state.waiting?.reason === "CrashLoopBackOff" && old?.state.waiting?.reason !== "CrashLoopBackOff") {
      t.recorder.event(pod, "Warning", "BackOff", `Back-off restarting failed container ${status.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`);
    }
  }
}

/** Output for running containers that have none in memory, after a restart of the process. */
export function restoreLogs(logs: ContainerLogs, pod: KubeObject, statuses: readonly ContainerStatus[]): void {
  for (const status of statuses) if (status.state.running && !logs.has(pod.metadata.uid ?? "", status.name)) writeStartup(logs, pod, status.name);
}

/** The Killing events and last words of containers the kubelet stops. */
export function announceKilling(t: Transitions, pod: KubeObject, statuses: readonly ContainerStatus[]): void {
  for (const status of statuses.filter((s) => s.state.running)) {
    t.recorder.event(pod, "Normal", "Killing", `Stopping container ${status.name}`);
    t.logs.append(pod.metadata.uid ?? "", status.name, "received SIGTERM, shutting down");
  }
}
