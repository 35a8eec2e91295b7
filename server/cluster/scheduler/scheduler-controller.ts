import { isConflict, isNotFound } from "@/lib/k8s/api-errors";
import { NAMESPACES, NODES, POD_GROUPS, PODS } from "@/lib/k8s/resources";
import { rfc3339 } from "@/lib/k8s/time";
import { isRecord, type KubeObject } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";
import { EventRecorder } from "@/server/runtime/event-recorder";
import type { Informer } from "@/server/runtime/informer";
import type { InformerFactory } from "@/server/runtime/informer-factory";
import { WorkQueue } from "@/server/runtime/work-queue";
import { SchedulerCache } from "./cache";
import { POD_GROUP_LABEL, podGroupName, scheduleGang } from "./gang";
import { numberAt, recordAt } from "./narrow";
import { schedulePod, type Unschedulable } from "./schedule";
import type { ScoringStrategy } from "./scoring";
import { schedulingNodeFromObject } from "./scheduling-node";
import { schedulingPodFromObject, type SchedulingPod } from "./scheduling-pod";
import { KUBE_SCHEDULER } from "../field-managers";

export const SCHEDULER_NAME = "default-scheduler";
/**
 * The quorum of a pod group whose pods carry it themselves. Volcano's PodGroup objects (served
 * here) take precedence; scheduler-plugins' PodGroups are not served, so its groups need this.
 */
export const GANG_MIN_MEMBER_ANNOTATION = "scheduling.x-k8s.io/min-member";

export interface SchedulerOptions {
  strategy?: ScoringStrategy;
  /** place pods of one pod group (scheduling.x-k8s.io/pod-group, volcano group-name) all or none */
  gang?: boolean;
}

const key = (o: KubeObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;

/** Bound and still counting toward its group's quorum, as volcano counts allocated and running tasks. */
function isPlaced(pod: KubeObject): boolean {
  const spec = recordAt(pod.spec);
  return Boolean(spec.nodeName) && !pod.metadata.deletionTimestamp && recordAt(pod.status).phase !== "Failed";
}

/**
 * Whether an update leaves all the scheduler knows of a pod alone. A status write (the kubelet's,
 * mostly) shares spec and metadata fields with the stored object it replaces, so references
 * tell; objects that arrive decoded from HTTP never share them, and are always looked at.
 */
function sameForScheduling(old: KubeObject, pod: KubeObject): boolean {
  return old.spec === pod.spec && sameBesidesSpec(old, pod);
}

/** Labels, owners, deletion and whether the pod has finished: all the scheduler reads outside the spec. */
function sameBesidesSpec(old: KubeObject, pod: KubeObject): boolean {
  const [before, after] = [old.metadata, pod.metadata];
  const sameMeta = before.labels === after.labels && before.ownerReferences === after.ownerReferences && before.deletionTimestamp === after.deletionTimestamp;
  return sameMeta && isTerminal(old) === isTerminal(pod);
}

/** Of a pod's status, the scheduler reads only whether it has finished: a finished pod holds no resources. */
function isTerminal(pod: KubeObject): boolean {
  const phase = recordAt(pod.status).phase;
  return phase === "Succeeded" || phase === "Failed";
}

/**
 * Whether `pod` is `assumed` as bound to its node and nothing else: what the scheduler's own
 * binding does to the pod it placed. Identity comparisons: in-process objects keep their
 * untouched parts; pods read over HTTP simply take the longer way.
 */
function isBindingOf(assumed: KubeObject, pod: KubeObject): boolean {
  const [before, after] = [recordAt(assumed.spec), recordAt(pod.spec)];
  if (!after.nodeName || before.nodeName) return false;
  for (const field in after) if (field !== "nodeName" && after[field] !== before[field]) return false;
  for (const field in before) if (!(field in after)) return false;
  return sameBesidesSpec(assumed, pod);
}

function isPending(pod: KubeObject): boolean {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  const scheduler = typeof spec.schedulerName === "string" ? spec.schedulerName : SCHEDULER_NAME;
  return !spec.nodeName && !pod.metadata.deletionTimestamp && scheduler === SCHEDULER_NAME && !isTerminal(pod);
}

/**
 * kube-scheduler for the embedded cluster: keeps the scheduler cache from informers, places
 * pending pods one at a time (binding through pods/binding), and for a pod that fits nowhere
 * records why (PodScheduled=False/Unschedulable and a FailedScheduling event). Unschedulable pods
 * are retried whenever the cluster changes in a way that could let them fit.
 */
export class SchedulerController {
  private readonly cache = new SchedulerCache();
  private readonly queue = new WorkQueue<string>({ name: "scheduler", concurrency: 1 });
  private readonly unschedulable = new Set<string>();
  // The pending pod each assumed placement was made from, until its binding is observed.
  private readonly assumedFrom = new Map<string, KubeObject>();
  // Where the next search over nodes starts (kube-scheduler's nextStartNodeIndex).
  private readonly nodeCursor = { next: 0 };
  private readonly recorder: EventRecorder;
  private readonly pods: Informer;
  private readonly nodes: Informer;
  private readonly namespaces: Informer;
  /** volcano PodGroups, watched in gang mode only */
  private readonly podGroups?: Informer;
  private flushScheduled = false;

  constructor(
    private readonly client: Client,
    informers: InformerFactory,
    private readonly options: SchedulerOptions = {},
  ) {
    // kube-scheduler records through events.k8s.io, whose recorder counts repeats but has no spam filter.
    this.recorder = new EventRecorder(client, SCHEDULER_NAME, undefined, { spamFilter: false });
    this.pods = informers.informer(PODS);
    this.nodes = informers.informer(NODES);
    this.namespaces = informers.informer(NAMESPACES);
    if (options.gang) this.podGroups = informers.informer(POD_GROUPS);
  }

  async start(): Promise<void> {
    this.nodes.addHandler({
      add: (n) => this.onNode(n),
      update: (_, n) => this.onNode(n),
      delete: (n) => this.cache.removeNode(n.metadata.name ?? ""),
    });
    this.namespaces.addHandler({
      add: (ns) => this.cache.setNamespace(ns.metadata.name ?? "", ns.metadata.labels ?? {}),
      update: (_, ns) => this.cache.setNamespace(ns.metadata.name ?? "", ns.metadata.labels ?? {}),
      delete: (ns) => this.cache.removeNamespace(ns.metadata.name ?? ""),
    });
    this.pods.addHandler({ add: (p) => this.onPod(p), update: (old, p) => this.onPodUpdate(old, p), delete: (p) => this.onPodGone(p) });
    // A group waiting for its PodGroup, or under a lowered minMember, may fit now.
    this.podGroups?.addHandler({ add: () => this.retryUnschedulable(), update: () => this.retryUnschedulable() });
    await Promise.all([this.nodes.start(), this.namespaces.start(), this.pods.start(), this.podGroups?.start()]);
    this.queue.run((podKey) => this.scheduleOne(podKey));
  }

  stop(): void {
    this.queue.shutdown();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private onNode(node: KubeObject): void {
    this.cache.setNode(schedulingNodeFromObject(node));
    this.retryUnschedulable();
  }

  /** An update the scheduler reads nothing new in, or its own binding of a pod it assumed, leaves the cache as it is. */
  private onPodUpdate(old: KubeObject, pod: KubeObject): void {
    if (!isPending(pod) && sameForScheduling(old, pod)) return;
    const assumed = this.assumedFrom.get(key(pod));
    this.assumedFrom.delete(key(pod));
    if (assumed && isBindingOf(assumed, pod) && this.cache.nodeInfo(recordAt(pod.spec).nodeName as string)?.pods.has(key(pod))) return;
    this.onPod(pod);
  }

  private onPod(pod: KubeObject): void {
    if (isPending(pod)) {
      if (!this.unschedulable.has(key(pod))) this.queue.add(key(pod));
      return;
    }
    this.unschedulable.delete(key(pod));
    const placed = schedulingPodFromObject(pod);
    const wasPlaced = this.cache.nodeInfo(placed.nodeName)?.pods.has(placed.key);
    this.cache.setPod(placed);
    // A newly placed pod can satisfy others' affinity; a finished one frees resources.
    if (!wasPlaced || pod.metadata.deletionTimestamp) this.retryUnschedulable();
  }

  private onPodGone(pod: KubeObject): void {
    this.unschedulable.delete(key(pod));
    this.assumedFrom.delete(key(pod));
    this.cache.removePod(key(pod));
    this.retryUnschedulable();
  }

  /** Moves every unschedulable pod back to the queue, once per burst of cluster changes. */
  private retryUnschedulable(): void {
    if (this.flushScheduled || this.unschedulable.size === 0) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      for (const podKey of this.unschedulable) this.queue.add(podKey);
      this.unschedulable.clear();
    });
  }

  private async scheduleOne(podKey: string): Promise<void> {
    const [namespace, name] = podKey.split("/");
    const pod = this.pods.get(namespace, name);
    if (!pod || !isPending(pod)) return;
    const group = this.options.gang ? podGroupName(pod.metadata) : undefined;
    if (group) return this.scheduleGroup(pod, group);
    const scheduling = schedulingPodFromObject(pod);
    const result = schedulePod(scheduling, this.cache, { strategy: this.options.strategy, cursor: this.nodeCursor });
    if ("nodeName" in result) this.bind(pod, scheduling, result.nodeName);
    else await this.markUnschedulable(pod, result);
  }

  /**
   * The group's quorum: minMember of the volcano PodGroup the pod names, else the pods' own
   * annotation, else all pending members. Undefined for a volcano-named group with neither:
   * volcano schedules none of its pods until the PodGroup exists.
   */
  private quorum(pod: KubeObject, group: string, pending: number): number | undefined {
    const declared = Number(pod.metadata.annotations?.[GANG_MIN_MEMBER_ANNOTATION]);
    const annotated = Number.isInteger(declared) && declared > 0 ? declared : undefined;
    if (pod.metadata.labels?.[POD_GROUP_LABEL] !== undefined) return annotated ?? pending;
    const podGroup = this.podGroups?.get(pod.metadata.namespace ?? "", group);
    if (!podGroup) return annotated;
    const minMember = numberAt(recordAt(podGroup.spec).minMember);
    return minMember !== undefined && minMember > 0 ? minMember : (annotated ?? pending);
  }

  private async scheduleGroup(pod: KubeObject, group: string): Promise<void> {
    const inGroup = this.pods.list(pod.metadata.namespace).filter((p) => podGroupName(p.metadata) === group);
    const members = inGroup.filter(isPending);
    const quorum = this.quorum(pod, group, members.length);
    if (quorum === undefined) {
      for (const member of members) await this.markUnschedulable(member, { unschedulable: true, reasons: {}, message: `pod group ${group} not found: waiting for its PodGroup` });
      return;
    }
    // Members already bound count toward the quorum; once it is met, whichever members fit are placed.
    const minMember = Math.max(1, quorum - inGroup.filter(isPlaced).length);
    const scheduling = members.map(schedulingPodFromObject);
    const result = scheduleGang(scheduling, this.cache, { strategy: this.options.strategy, minMember });
    if ("placements" in result) {
      for (const { podKey, nodeName } of result.placements) {
        const i = scheduling.findIndex((member) => member.key === podKey);
        if (i >= 0) this.bind(members[i], scheduling[i], nodeName);
      }
      return;
    }
    const message = `pod group ${group}: fewer than ${minMember} of its ${members.length} pending pods can be placed: ${result.message}`;
    for (const member of members) await this.markUnschedulable(member, { ...result, message });
  }

  /**
   * Assumes the pod onto the node and binds in the background, as kube-scheduler does: the next
   * pod is placed against the assumed state without waiting for the API round trip.
   */
  private bind(pod: KubeObject, scheduling: SchedulingPod, nodeName: string): void {
    this.cache.assume(scheduling, nodeName);
    this.assumedFrom.set(scheduling.key, pod);
    this.client.bind(pod.metadata.namespace ?? "", pod.metadata.name ?? "", nodeName).then(
      () => this.recorder.event(pod, "Normal", "Scheduled", `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`),
      (err: unknown) => {
        this.cache.removePod(scheduling.key);
        this.assumedFrom.delete(scheduling.key);
        if (isNotFound(err)) return;
        if (!isConflict(err)) console.error(`[${SCHEDULER_NAME}] binding ${scheduling.key} to ${nodeName} failed:`, err instanceof Error ? err.message : err);
        this.queue.addRateLimited(scheduling.key);
      },
    );
  }

  private async markUnschedulable(pod: KubeObject, result: Unschedulable): Promise<void> {
    this.unschedulable.add(key(pod));
    this.recorder.event(pod, "Warning", "FailedScheduling", result.message);
    const status = isRecord(pod.status) ? pod.status : {};
    const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : [];
    const current = conditions.find((c) => c.type === "PodScheduled");
    if (current?.status === "False" && current.reason === "Unschedulable" && current.message === result.message) return;
    const condition = { type: "PodScheduled", status: "False", reason: "Unschedulable", message: result.message, lastProbeTime: null, lastTransitionTime: rfc3339(new Date()) };
    const patch = { status: { conditions: [...conditions.filter((c) => c.type !== "PodScheduled"), condition] } };
    try {
      await this.client.patchStatus(PODS, pod.metadata.namespace ?? "", pod.metadata.name ?? "", { type: "merge", body: patch }, { fieldManager: KUBE_SCHEDULER });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}
