/** How the kubelet moves one container along: created, running, crashed, backing off, restarted. */
import { containerId, imageId } from "./container-ids";

export interface TerminatedState {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt?: string;
  finishedAt: string;
  containerID?: string;
}

export interface ContainerState {
  waiting?: { reason: string; message?: string };
  running?: { startedAt: string };
  terminated?: TerminatedState;
}

export interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: ContainerState;
  lastState: ContainerState;
}

export interface ContainerContext {
  now: string;
  nowMs: number;
  pod: { uid: string; name: string; namespace: string; restartPolicy: string };
  /** the sandbox exists and the node is Ready: containers may (re)start */
  mayStart: boolean;
  /** why a container that has not started yet waits: ContainerCreating or PodInitializing */
  waitingReason: string;
  /** CrashLoopBackOff delay before restart number `restartCount + 1` */
  backoffMs(restartCount: number): number;
}

export interface ContainerStep {
  status: ContainerStatus;
  /** when to look again (a back-off ends) */
  wakeInMs?: number;
}

export function runningStatus(name: string, image: string, restartCount: number, lastState: ContainerState, ctx: ContainerContext): ContainerStatus {
  const running = { startedAt: ctx.now };
  return { name, image, imageID: imageId(image), containerID: containerId(ctx.pod.uid, name, restartCount), ready: true, started: true, restartCount, state: { running }, lastState };
}

function waitingStatus(name: string, image: string, reason: string): ContainerStatus {
  return { name, image, imageID: "", ready: false, started: false, restartCount: 0, state: { waiting: { reason } }, lastState: {} };
}

function restarts(policy: string, terminated: TerminatedState): boolean {
  return policy === "Always" || (policy === "OnFailure" && terminated.exitCode !== 0);
}

/** The last run's end, while the container is down and due to come back. */
function pendingRestart(current: ContainerStatus, policy: string): TerminatedState | undefined {
  const terminated = current.state.terminated ?? (current.state.waiting?.reason === "CrashLoopBackOff" ? current.lastState.terminated : undefined);
  return terminated && restarts(policy, terminated) ? terminated : undefined;
}

/** The next status of a (non-init) container, given the one reported so far. */
export function nextContainerStatus(container: { name: string; image: string }, current: ContainerStatus | undefined, ctx: ContainerContext): ContainerStep {
  const { name, image } = container;
  if (!current || (current.state.waiting && current.restartCount === 0 && !current.lastState.terminated)) {
    return { status: ctx.mayStart ? runningStatus(name, image, 0, {}, ctx) : waitingStatus(name, image, ctx.waitingReason) };
  }
  const crashed = pendingRestart(current, ctx.pod.restartPolicy);
  if (!crashed) return { status: { ...current, image } };
  const restartAt = Date.parse(crashed.finishedAt) + ctx.backoffMs(current.restartCount);
  if (ctx.mayStart && restartAt <= ctx.nowMs) return { status: runningStatus(name, image, current.restartCount + 1, { terminated: crashed }, ctx) };
  const backoffSeconds = Math.round(ctx.backoffMs(current.restartCount) / 1000);
  const message = `back-off ${backoffSeconds}s restarting failed container=${name} pod=${ctx.pod.name}_${ctx.pod.namespace}(${ctx.pod.uid})`;
  const waiting = { ...current, ready: false, started: false, state: { waiting: { reason: "CrashLoopBackOff", message } }, lastState: { terminated: crashed } };
  return { status: waiting, wakeInMs: Math.max(0, restartAt - ctx.nowMs) };
}

/** Init containers run to completion as the sandbox comes up. */
export function initContainerStatus(container: { name: string; image: string }, current: ContainerStatus | undefined, ctx: ContainerContext): ContainerStatus {
  if (current?.state.terminated) return current;
  if (!ctx.mayStart) return waitingStatus(container.name, container.image, "PodInitializing");
  const id = containerId(ctx.pod.uid, container.name, 0);
  const terminated = { exitCode: 0, reason: "Completed", startedAt: ctx.now, finishedAt: ctx.now, containerID: id };
  return { name: container.name, image: container.image, imageID: imageId(container.image), containerID: id, ready: true, started: false, restartCount: 0, state: { terminated }, lastState: {} };
}

/** A container stopped by the kubelet (pod deletion, failure). */
export function stoppedStatus(current: ContainerStatus, now: string, exitCode: number, reason: string): ContainerStatus {
  if (current.state.terminated) return { ...current, ready: false, started: false };
  const terminated: TerminatedState = { exitCode, reason, startedAt: current.state.running?.startedAt, finishedAt: now, containerID: current.containerID };
  return { ...current, ready: false, started: false, state: { terminated } };
}
