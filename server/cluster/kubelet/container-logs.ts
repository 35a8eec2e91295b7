import { badRequest } from "@/lib/k8s/api-errors";
import type { KubeObject } from "@/lib/k8s/types";
import type { PodLogSource } from "../apiserver/http/pod-subresources";
import { containerStatusesOf } from "./pod-status";
import { recordAt } from "../scheduler/narrow";

interface LogLine {
  time: string;
  text: string;
}

interface ContainerLog {
  current: LogLine[];
  previous?: LogLine[];
}

type Follower = (line: string) => void;

export const DEFAULT_MAX_LINES = 1000;

/** RFC 3339 with nanoseconds, as the kubelet prefixes lines for `kubectl logs --timestamps`. */
function nanoTime(time: string): string {
  return time.replace(/(\.\d+)?Z$/, (_, fraction: string | undefined) => `${(fraction ?? ".").padEnd(10, "0")}Z`);
}

/**
 * Container output kept in memory per pod and container, the last `maxLines` of the current run
 * and of the one before (`kubectl logs --previous`). The kubelet writes it; `kubectl logs` reads it.
 */
export class ContainerLogs implements PodLogSource {
  private readonly logs = new Map<string, ContainerLog>();
  private readonly followers = new Map<string, Set<Follower>>();

  constructor(private readonly maxLines = DEFAULT_MAX_LINES) {}

  has(podUid: string, container: string): boolean {
    return this.logs.has(`${podUid}/${container}`);
  }

  append(podUid: string, container: string, text: string, time = new Date()): void {
    const key = `${podUid}/${container}`;
    let log = this.logs.get(key);
    if (!log) this.logs.set(key, (log = { current: [] }));
    log.current.push({ time: time.toISOString(), text });
    if (log.current.length > this.maxLines) log.current.splice(0, log.current.length - this.maxLines);
    for (const follow of this.followers.get(key) ?? []) follow(text);
  }

  /** A restart: the current run's output becomes the previous one. */
  rotate(podUid: string, container: string): void {
    const log = this.logs.get(`${podUid}/${container}`);
    if (log) this.logs.set(`${podUid}/${container}`, { current: [], previous: log.current });
  }

  forget(podUid: string): void {
    for (const key of this.logs.keys()) if (key.startsWith(`${podUid}/`)) this.logs.delete(key);
  }

  read(pod: KubeObject, container: string, options: { tailLines?: number; previous?: boolean; timestamps?: boolean }): string {
    const log = this.logs.get(`${pod.metadata.uid}/${container}`);
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
