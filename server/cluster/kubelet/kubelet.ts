import { isConflict, isNotFound } from "@/lib/k8s/api-errors";
import { NODES, PERSISTENT_VOLUME_CLAIMS, PODS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";
import { EventRecorder } from "@/server/runtime/event-recorder";
import type { IndexFunction, Informer } from "@/server/runtime/informer";
import type { InformerFactory } from "@/server/runtime/informer-factory";
import { WorkQueue, type ReconcileResult } from "@/server/runtime/work-queue";
import { arrayAt, recordAt, stringAt } from "../scheduler/narrow";
import { ContainerLogs } from "./container-logs";
import { NodeImages } from "./node-images";
import { announceKilling, announceTransitions, restoreLogs, type Transitions } from "./container-transitions";
import { nodeReadyStatus } from "./node-conditions";
import { fallbackHostIp, fallbackPodCidr, PodIpAllocator } from "./pod-ips";
import { containerStatusesOf, podView, statusChanged, stoppedPodStatus, syncedPodStatus, type NodeView } from "./pod-status";

export const KUBELET = "kubelet";
/** Pods by spec.nodeName: what runs on a node. */
export const NODE_NAME_INDEX = "spec.nodeName";
export const nodeNameIndex: IndexFunction = (pod) => [stringAt(recordAt(pod.spec).nodeName) ?? ""].filter(Boolean);
const CLAIM_INDEX = "persistentVolumeClaims";

export interface KubeletOptions {
  /** LWS_SIM_POD_STARTUP_MS: from a pod's arrival on its node to its containers running (default 1000) */
  podStartupMs?: number;
  /** the longest a graceful termination takes; the pod's grace period bounds it too (default 1000) */
  terminationMs?: number;
  /** CrashLoopBackOff's first delay (upstream 10 s) and cap (300 s) */
  backoffMs?: number;
  maxBackoffMs?: number;
  logs?: ContainerLogs;
  clock?: () => Date;
}

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;
const nodeNameOf = (pod: KubeObject) => stringAt(recordAt(pod.spec).nodeName);

function claimNames(pod: KubeObject): string[] {
  return arrayAt(recordAt(pod.spec).volumes).flatMap((v) => stringAt(recordAt(recordAt(v).persistentVolumeClaim).claimName) ?? []);
}

function isTerminal(pod: KubeObject): boolean {
  const phase = recordAt(pod.status).phase;
  return phase === "Succeeded" || phase === "Failed";
}

function nodeView(node: KubeObject): NodeView & { podCidr: string } {
  const name = node.metadata.name ?? "";
  const addresses = arrayAt(recordAt(node.status).addresses).map(recordAt);
  const ready = nodeReadyStatus(node);
  return {
    name,
    hostIP: stringAt(addresses.find((a) => a.type === "InternalIP")?.address) ?? fallbackHostIp(name),
    // A node that never reported is taken as Ready: its kubelet is the one reporting.
    ready: ready !== "False" && ready !== "Unknown",
    podCidr: stringAt(recordAt(node.spec).podCIDR) ?? fallbackPodCidr(name),
  };
}

/**
 * The kubelets of every simulated node, as one controller acting for all of them: one pod
 * watch indexed by node instead of a watch per node keeps 1,000 nodes and 100,000 pods to one
 * cache and one queue of pod keys. Each sync reads a pod and its node and writes the status the
 * node's kubelet would report: start-up, IPs, readiness, container restarts, graceful
 * termination. Timing comes from the pod's own timestamps, so a restart picks up where it was.
 */
export class Kubelet {
  readonly logs: ContainerLogs;
  private readonly ips = new PodIpAllocator();
  private readonly queue = new WorkQueue<string>({ name: KUBELET, concurrency: 16 });
  private readonly pods: Informer;
  private readonly nodes: Informer;
  private readonly claims: Informer;
  private readonly transitions: Transitions;
  private readonly clock: () => Date;
  /** When each starting pod reached its node, to the millisecond: status.startTime holds whole seconds only. */
  private readonly arrivals = new Map<string, number>();

  constructor(
    private readonly client: Client,
    informers: InformerFactory,
    private readonly options: KubeletOptions = {},
  ) {
    this.logs = options.logs ?? new ContainerLogs();
    this.clock = options.clock ?? (() => new Date());
    this.pods = informers.informer(PODS);
    this.nodes = informers.informer(NODES);
    this.claims = informers.informer(PERSISTENT_VOLUME_CLAIMS);
    this.transitions = { recorder: new EventRecorder(client, KUBELET, this.clock), logs: this.logs, pullMs: options.podStartupMs ?? 1000, images: new NodeImages() };
  }

  async start(): Promise<void> {
    this.pods.addIndex(NODE_NAME_INDEX, nodeNameIndex);
    this.pods.addIndex(CLAIM_INDEX, (p) => claimNames(p).map((c) => `${p.metadata.namespace}/${c}`));
    this.pods.addHandler({ add: (p) => this.onPod(p), update: (_, p) => this.onPod(p), delete: (p) => this.onPodGone(p) });
    this.nodes.addHandler({ add: (n) => this.onNode(n), update: (old, n) => nodeView(old).ready !== nodeView(n).ready && this.onNode(n) });
    const onClaim = (c: KubeObject) => this.pods.byIndex(CLAIM_INDEX, keyOf(c)).forEach((p) => this.queue.add(keyOf(p)));
    this.claims.addHandler({ add: onClaim, update: (_, c) => onClaim(c) });
    await Promise.all([this.pods.start(), this.nodes.start(), this.claims.start()]);
    this.queue.run((key) => this.sync(key));
  }

  stop(): void {
    this.queue.shutdown();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private onPod(pod: KubeObject): void {
    const nodeName = nodeNameOf(pod);
    if (!nodeName) return;
    this.ips.observe(keyOf(pod), nodeName, isTerminal(pod) ? undefined : stringAt(recordAt(pod.status).podIP));
    this.queue.add(keyOf(pod));
  }

  private onPodGone(pod: KubeObject): void {
    this.ips.release(keyOf(pod));
    this.arrivals.delete(pod.metadata.uid ?? "");
    this.logs.forget(pod.metadata.uid ?? "");
  }

  private onNode(node: KubeObject): void {
    for (const pod of this.pods.byIndex(NODE_NAME_INDEX, node.metadata.name ?? "")) this.queue.add(keyOf(pod));
  }

  private async sync(key: string): Promise<ReconcileResult | void> {
    const [namespace, name] = key.split("/");
    const pod = this.pods.get(namespace, name);
    const nodeName = pod && nodeNameOf(pod);
    const node = nodeName ? this.nodes.get("", nodeName) : undefined;
    // No kubelet runs on a node that does not exist.
    if (!pod || !node) return;
    try {
      if (pod.metadata.deletionTimestamp) return await this.terminate(pod);
      if (!isTerminal(pod)) return await this.syncPod(pod, node);
    } catch (err) {
      // A newer version of the pod is on its way to the informer, which brings the key back.
      if (!isConflict(err) && !isNotFound(err)) throw err;
    }
  }

  private volumesReady(pod: KubeObject): boolean {
    return claimNames(pod).every((claim) => recordAt(this.claims.get(pod.metadata.namespace ?? "", claim)?.status).phase === "Bound");
  }

  private backoffMs = (restarts: number): number => {
    if (restarts === 0) return 0;
    return Math.min(this.options.maxBackoffMs ?? 300_000, (this.options.backoffMs ?? 10_000) * 2 ** (restarts - 1));
  };

  private async syncPod(pod: KubeObject, node: KubeObject): Promise<ReconcileResult | void> {
    const now = this.clock();
    const view = podView(pod);
    const host = nodeView(node);
    const startupLeft = this.arrivalMs(pod, stringAt(view.status.startTime), now) + (this.options.podStartupMs ?? 1000) - now.getTime();
    if (startupLeft <= 0) this.arrivals.delete(pod.metadata.uid ?? "");
    const sandboxReady = startupLeft <= 0 && host.ready && this.volumesReady(pod);
    const podIP = stringAt(view.status.podIP) ?? (sandboxReady ? this.ips.allocate(keyOf(pod), host.name, host.podCidr) : undefined);
    const synced = syncedPodStatus(view, host, podIP, now, this.backoffMs);
    const before = containerStatusesOf(view.status);
    if (statusChanged(pod, synced.status)) {
      const written = await this.client.updateStatus(PODS, { ...pod, status: synced.status }, { fieldManager: KUBELET });
      announceTransitions(this.transitions, written, before, containerStatusesOf(synced.status));
    } else restoreLogs(this.logs, pod, before);
    const waits = [synced.wakeInMs, podIP === undefined && startupLeft > 0 ? startupLeft : undefined].filter((ms) => ms !== undefined);
    return waits.length ? { requeueAfterMs: Math.min(...waits) } : undefined;
  }

  /**
   * A pod seen for the first time arrives now. After a restart the kubelet has only startTime,
   * truncated to the second, so a pod then starts up to a second early, as the arrival is lost.
   */
  private arrivalMs(pod: KubeObject, startTime: string | undefined, now: Date): number {
    const uid = pod.metadata.uid ?? "";
    const known = this.arrivals.get(uid);
    if (known !== undefined) return known;
    if (startTime) return Date.parse(startTime);
    this.arrivals.set(uid, now.getTime());
    return now.getTime();
  }

  /**
   * Graceful deletion: the containers stop being ready at once and the pod is removed for good
   * when the shorter of its grace period and `terminationMs` has passed since the delete.
   */
  private async terminate(pod: KubeObject): Promise<ReconcileResult | void> {
    const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
    // Grace 0: the kubelet's part is done, finalizers (someone else's) hold the pod.
    if (graceMs === 0) return;
    const deadline = Date.parse(pod.metadata.deletionTimestamp ?? "") - graceMs + Math.min(graceMs, this.options.terminationMs ?? 1000);
    const now = this.clock();
    const statuses = containerStatusesOf(recordAt(pod.status));
    const stillReady = statuses.some((s) => s.ready);
    const done = now.getTime() >= deadline;
    if (done) await this.client.delete(PODS, pod.metadata.namespace ?? "", pod.metadata.name ?? "", { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
    else if (stillReady) await this.client.updateStatus(PODS, { ...pod, status: stoppedPodStatus(podView(pod), now) }, { fieldManager: KUBELET });
    if (stillReady) announceKilling(this.transitions, pod, statuses);
    return done ? undefined : { requeueAfterMs: deadline - now.getTime() };
  }
}
