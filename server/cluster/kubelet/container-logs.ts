import { badRequest } from "@/lib/k8s/api-errors";
import type { KubeObject } from "@/lib/k8s/types";
import type { PodLogSource } from "../apiserver/http/pod-subresources";
import { containerStatusesOf } from "./pod-status";
import { recordAt } from "../scheduler/narrow";

interface LogLine {
  /** epoch milliseconds: a number is 8 bytes, its RFC 3339 text 40 */
  time: number;
  text: string;
}

interface ContainerLog {
  current: LogLine[];
  previous?: LogLine[];
}

type Follower = (line: string) => void;

export const DEFAULT_MAX_LINES = 1000;

/** RFC 3339 with nanoseconds, as the kubelet prefixes lines for `kubectl logs --timestamps`. */
function nanoTime(time: number): string {
  return new Date(time).toISOString().replace(/(\.\d+)?Z$/, (_, fraction: string | undefined) => `${(fraction ?? ".").padEnd(10, "0")}Z`);
}

/**
 * Container output kept in memory per pod and container, the last `maxLines` of the current run
 * and of the one before (`kubectl logs --previous`). The kubelet writes it; `kubectl logs` reads it.
 */
export class ContainerLogs implements PodLogSource {
  /** by pod UID, then container name: a pod that goes is forgotten without a scan */
  private readonly logs = new Map<string, Map<string, ContainerLog>>();
  private readonly followers = new Map<string, Set<Follower>>();

  constructor(private readonly maxLines = DEFAULT_MAX_LINES) {}

  has(podUid: string, container: string): boolean {
    return this.logs.get(podUid)?.has(container) ?? false;
  }

  append(podUid: string, container: string, text: string, time = new Date()): void {
    let containers = this.logs.get(podUid);
    if (!containers) this.logs.set(podUid, (containers = new Map()));
    let log = containers.get(container);
    if (!log) containers.set(container, (log = { current: [] }));
    log.current.push({ time: time.getTime(), text });
    if (log.current.length > this.maxLines) log.current.splice(0, log.current.length - this.maxLines);
    for (const follow of this.followers.get(`${podUid}/${container}`) ?? []) follow(text);
  }

  /** A restart: the current run's output becomes the previous one. */
  rotate(podUid: string, container: string): void {
    const containers = this.logs.get(podUid);
    const log = containers?.get(container);
    if (log) containers?.set(container, { current: [], previous: log.current });
  }

  forget(podUid: string): void {
    this.logs.delete(podUid);
  }

  read(pod: KubeObject, container: string, options: { tailLines?: number; previous?: boolean; timestamps?: boolean }): string {
    const log = this.logs.get(pod.metadata.uid ?? "")?.get(container);
    const lines = options.previous ? log?.previous : log?.current;
    if (!lines) throw this.noLogs(pod, container, !!options.previous);
    const tail = options.tailLines !== undefined && options.tailLines >= 0 ? lines.slice(Math.max(0, lines.length - options.tailLines)) : lines;
    return tail.map((l) => (options.timestamps ? `${nanoTime(l.time)} ${l.text}\n` : `${l.text}\n`)).join("");
  }

  follow(pod: KubeObject, container: string, onLine: (line: string) => void): () => void {
    const key = `${pod.metadata.uid}/${container}`;
    let set = this.followers.get(key);
    if (!set) this.followers.set(key, (set = new Set()));
    set.add(onLine);
    return () => {
      set.delete(onLine);
      if (set.size === 0) this.followers.delete(key);
    };
  }

  /** The kubelet's answers for a container with nothing to show. */
  private noLogs(pod: KubeObject, container: string, previous: boolean) {
    const name = pod.metadata.name ?? "";
    if (previous) return badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
    const status = containerStatusesOf(recordAt(pod.status)).find((s) => s.name === container);
    const waiting = status?.state.waiting?.reason ?? "ContainerCreating";
    return badRequest(`container "${container}" in pod "${name}" is waiting to start: ${waiting}`);
  }
}
