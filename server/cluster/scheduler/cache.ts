/**
 * The scheduler cache: one NodeInfo per node plus the cluster-wide indexes affinity needs,
 * updated from node, pod and namespace events. Only placed, non-terminal pods occupy a node
 * (upstream's pod informer drops Succeeded/Failed pods); a pod whose node is not known yet is
 * held aside and joins the node when it arrives.
 */
import { ExistingTermIndex } from "./anti-affinity-terms";
import { entry } from "./counts";
import { NodeInfo } from "./node-info";
import { PodLabelIndex } from "./pod-label-index";
import type { SchedulingNode } from "./scheduling-node";
import type { SchedulingPod } from "./scheduling-pod";

export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfo>();
  private sorted: NodeInfo[] | undefined;
  private readonly placed = new Map<string, SchedulingPod>();
  /** Pods bound to a node the cache has not seen, by node name. */
  private readonly waiting = new Map<string, Map<string, SchedulingPod>>();
  private readonly namespaces = new Map<string, Readonly<Record<string, string>>>();
  /** Nodes by label key and value: the members of each topology domain. */
  private readonly domains = new Map<string, Map<string, Set<NodeInfo>>>();
  readonly podsByLabel = new PodLabelIndex();
  readonly antiAffinityTerms = new ExistingTermIndex();

  /** Adds or updates a node; its pods stay. */
  setNode(node: SchedulingNode): void {
    const existing = this.nodes.get(node.name);
    if (existing) {
      this.indexDomains(existing, false);
      existing.node = node;
      this.indexDomains(existing, true);
      return;
    }
    const info = new NodeInfo(node);
    this.indexDomains(info, true);
    for (const pod of this.waiting.get(node.name)?.values() ?? []) info.addPod(pod);
    this.waiting.delete(node.name);
    this.nodes.set(node.name, info);
    this.sorted = undefined;
  }

  removeNode(name: string): void {
    const info = this.nodes.get(name);
    if (!info) return;
    this.nodes.delete(name);
    this.indexDomains(info, false);
    this.sorted = undefined;
    if (info.pods.size > 0) this.waiting.set(name, new Map(info.pods));
  }

  /** Adds, updates or (when unbound or terminal) drops a pod. */
  setPod(pod: SchedulingPod): void {
    this.removePod(pod.key);
    if (!pod.nodeName || pod.terminal) return;
    this.placed.set(pod.key, pod);
    this.podsByLabel.add(pod);
    this.antiAffinityTerms.add(pod);
    const info = this.nodes.get(pod.nodeName);
    if (info) info.addPod(pod);
    else entry(this.waiting, pod.nodeName, () => new Map<string, SchedulingPod>()).set(pod.key, pod);
  }

  removePod(key: string): void {
    const pod = this.placed.get(key);
    if (!pod?.nodeName) return;
    this.placed.delete(key);
    this.podsByLabel.remove(pod);
    this.antiAffinityTerms.remove(pod);
    this.nodes.get(pod.nodeName)?.removePod(key);
    const waiting = this.waiting.get(pod.nodeName);
    waiting?.delete(key);
    if (waiting?.size === 0) this.waiting.delete(pod.nodeName);
  }

  /** Counts a pod on a node before its binding is observed, as the scheduler's assume step does. */
  assume(pod: SchedulingPod, nodeName: string): void {
    this.setPod({ ...pod, nodeName });
  }

  setNamespace(name: string, labels: Readonly<Record<string, string>>): void {
    this.namespaces.set(name, labels);
  }

  removeNamespace(name: string): void {
    this.namespaces.delete(name);
  }

  /** A namespace's labels; an unknown namespace reads as unlabelled. */
  namespaceLabels(name: string): Readonly<Record<string, string>> {
    return this.namespaces.get(name) ?? {};
  }

  /** Every node, sorted by name so decisions are deterministic. */
  nodeInfos(): readonly NodeInfo[] {
    this.sorted ??= [...this.nodes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return this.sorted;
  }

  nodeInfo(name: string | undefined): NodeInfo | undefined {
    return name === undefined ? undefined : this.nodes.get(name);
  }

  /** The nodes whose label `topologyKey` is `value`. */
  nodesInDomain(topologyKey: string, value: string): Iterable<NodeInfo> {
    return this.domains.get(topologyKey)?.get(value) ?? [];
  }

  private indexDomains(info: NodeInfo, add: boolean): void {
    for (const [key, value] of Object.entries(info.node.labels)) {
      const byValue = entry(this.domains, key, () => new Map<string, Set<NodeInfo>>());
      const members = entry(byValue, value, () => new Set<NodeInfo>());
      if (add) members.add(info);
      else members.delete(info);
      if (members.size === 0) byValue.delete(value);
      if (byValue.size === 0) this.domains.delete(key);
    }
  }

  /** Every placed pod, including those waiting for their node. */
  pods(): Iterable<SchedulingPod> {
    return this.placed.values();
  }
}
