/** Fluent builders of Pods and Nodes for the scheduler's tests. */
import type { KubeObject, LabelSelector } from "@/lib/k8s/types";
import { SchedulerCache } from "./cache";
import { schedulingNodeFromObject, type SchedulingNode } from "./scheduling-node";
import { schedulingPodFromObject, type SchedulingPod } from "./scheduling-pod";

export interface TermSpec {
  labelSelector?: LabelSelector;
  topologyKey: string;
  namespaces?: string[];
  namespaceSelector?: LabelSelector;
  matchLabelKeys?: string[];
  mismatchLabelKeys?: string[];
}

export class NodeBuilder {
  private readonly labels: Record<string, string>;
  private readonly allocatable: Record<string, string> = { cpu: "8", memory: "32Gi", pods: "110" };
  private readonly taints: Array<{ key: string; value?: string; effect: string }> = [];
  private readonly conditions: Array<{ type: string; status: string }> = [];
  private cordoned = false;

  constructor(private readonly name: string) {
    this.labels = { "kubernetes.io/hostname": name };
  }

  label(key: string, value: string): this {
    this.labels[key] = value;
    return this;
  }

  rack(rack: string): this {
    return this.label("rack", rack);
  }

  capacity(resources: Record<string, string>): this {
    Object.assign(this.allocatable, resources);
    return this;
  }

  taint(key: string, value: string, effect: string): this {
    this.taints.push({ key, value, effect });
    return this;
  }

  unschedulable(): this {
    this.cordoned = true;
    return this;
  }

  ready(status: "True" | "False" | "Unknown"): this {
    this.conditions.push({ type: "Ready", status });
    return this;
  }

  object(): KubeObject {
    return {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: this.name, labels: this.labels },
      spec: { taints: this.taints, unschedulable: this.cordoned },
      status: { allocatable: this.allocatable, conditions: this.conditions },
    };
  }

  build(): SchedulingNode {
    return schedulingNodeFromObject(this.object());
  }
}

type Container = { name: string; image?: string; resources?: { requests?: Record<string, string>; limits?: Record<string, string> }; restartPolicy?: string };

export class PodBuilder {
  private readonly meta: KubeObject["metadata"];
  private readonly spec: Record<string, unknown> = { containers: [] };
  private phase = "Pending";

  constructor(name: string, namespace = "default") {
    this.meta = { name, namespace, labels: {} };
  }

  labels(labels: Record<string, string>): this {
    Object.assign(this.meta.labels ?? {}, labels);
    return this;
  }

  annotations(annotations: Record<string, string>): this {
    this.meta.annotations = { ...this.meta.annotations, ...annotations };
    return this;
  }

  container(requests: Record<string, string>, limits?: Record<string, string>): this {
    (this.spec.containers as Container[]).push({ name: `c${(this.spec.containers as Container[]).length}`, image: "registry.k8s.io/pause:3.10", resources: { requests, ...(limits ? { limits } : {}) } });
    return this;
  }

  initContainer(requests: Record<string, string>, sidecar = false): this {
    const init = (this.spec.initContainers ??= []) as Container[];
    init.push({ name: `i${init.length}`, image: "registry.k8s.io/pause:3.10", resources: { requests }, ...(sidecar ? { restartPolicy: "Always" } : {}) });
    return this;
  }

  set(field: string, value: unknown): this {
    this.spec[field] = value;
    return this;
  }

  nodeSelector(selector: Record<string, string>): this {
    return this.set("nodeSelector", selector);
  }

  tolerate(toleration: Record<string, string>): this {
    const list = (this.spec.tolerations ??= []) as unknown[];
    list.push(toleration);
    return this;
  }

  private affinityOf(kind: "podAffinity" | "podAntiAffinity" | "nodeAffinity"): Record<string, unknown> {
    const affinity = (this.spec.affinity ??= {}) as Record<string, Record<string, unknown>>;
    return (affinity[kind] ??= {});
  }

  podAffinity(term: TermSpec): this {
    const a = this.affinityOf("podAffinity");
    ((a.requiredDuringSchedulingIgnoredDuringExecution ??= []) as TermSpec[]).push(term);
    return this;
  }

  podAntiAffinity(term: TermSpec): this {
    const a = this.affinityOf("podAntiAffinity");
    ((a.requiredDuringSchedulingIgnoredDuringExecution ??= []) as TermSpec[]).push(term);
    return this;
  }

  nodeAffinity(nodeSelectorTerms: unknown[]): this {
    this.affinityOf("nodeAffinity").requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms };
    return this;
  }

  owner(uid: string): this {
    this.meta.ownerReferences = [{ apiVersion: "apps/v1", kind: "StatefulSet", name: "owner", uid, controller: true }];
    return this;
  }

  on(nodeName: string): this {
    return this.set("nodeName", nodeName);
  }

  terminated(): this {
    this.phase = "Succeeded";
    return this;
  }

  object(): KubeObject {
    return { apiVersion: "v1", kind: "Pod", metadata: this.meta, spec: this.spec, status: { phase: this.phase } };
  }

  build(): SchedulingPod {
    return schedulingPodFromObject(this.object());
  }
}

export const node = (name: string) => new NodeBuilder(name);
export const pod = (name: string, namespace?: string) => new PodBuilder(name, namespace);

export function cacheOf(nodes: Array<NodeBuilder | SchedulingNode>, pods: Array<PodBuilder | SchedulingPod> = []): SchedulerCache {
  const cache = new SchedulerCache();
  for (const n of nodes) cache.setNode(n instanceof NodeBuilder ? n.build() : n);
  for (const p of pods) cache.setPod(p instanceof PodBuilder ? p.build() : p);
  return cache;
}

/** LWS exclusive-topology terms (lws-upstream-spec §5.1) for a group key, on topology `rack`. */
export function exclusiveTopology(builder: PodBuilder, groupKey: string, topologyKey = "rack"): PodBuilder {
  const label = "leaderworkerset.sigs.k8s.io/group-key";
  return builder
    .labels({ [label]: groupKey })
    .podAffinity({ labelSelector: { matchExpressions: [{ key: label, operator: "In", values: [groupKey] }] }, topologyKey })
    .podAntiAffinity({
      labelSelector: {
        matchExpressions: [
          { key: label, operator: "Exists" },
          { key: label, operator: "NotIn", values: [groupKey] },
        ],
      },
      topologyKey,
    });
}
