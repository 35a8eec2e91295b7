/**
 * The nodes as a placement simulation sees them: what each still has free after the pods
 * already bound to it, which pods it admits (the scheduler's node filters, approximated), and
 * its topology domains. PERFORMANCE: free amounts live in typed arrays indexed by node, and
 * eligibility and domains are computed once per pod shape and label key.
 */
import { matchesLabels } from "@/lib/k8s/label-selector";
import { firstUntoleratedTaint, tolerates, type Taint } from "@/lib/k8s/tolerations";
import type { Amounts, PodDemand } from "./capacity-demand";
import { NO_USAGE, occupies, usageByNode } from "./node-usage";
import type { NodeView, PodView } from "./view-models";

/** A topology domain: a value of a node label and the indexes of the nodes that carry it. */
export type Domain = readonly [value: string, nodes: number[]];

export type Exclusion = "cordoned" | "not ready" | "tainted" | "nodeSelector" | "node affinity";

/** The taints the node lifecycle controller and kubectl cordon add, which NodeView shows as flags. */
const NOT_READY: Taint = { key: "node.kubernetes.io/not-ready", effect: "NoSchedule" };
const CORDONED: Taint = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };

function exclusion(node: NodeView, pod: PodDemand): Exclusion | undefined {
  if (node.unschedulable && !tolerates(pod.tolerations, CORDONED)) return "cordoned";
  if (!node.ready && !tolerates(pod.tolerations, NOT_READY)) return "not ready";
  if (firstUntoleratedTaint(node.taints, pod.tolerations)) return "tainted";
  if (Object.entries(pod.nodeSelector).some(([k, v]) => node.labels[k] !== v)) return "nodeSelector";
  if (pod.nodeAffinity && !pod.nodeAffinity.some((term) => matchesLabels(term, node.labels))) return "node affinity";
  return undefined;
}

export class NodePool {
  /** sorted by name, so placement is deterministic */
  readonly nodes: NodeView[];
  readonly cpu: Float64Array;
  readonly memory: Float64Array;
  readonly gpu: Float64Array;
  readonly podSlots: Float64Array;
  private readonly indexByName = new Map<string, number>();
  private readonly eligibility = new Map<PodDemand, Uint8Array>();
  private readonly domainIndex = new Map<string, Domain[]>();

  /**
   * Free room is allocatable less what the node's pods request (NodeView.requested), plus the
   * requests of `replaced`: pods about to give their room back (an updated LWS's own).
   */
  constructor(nodes: readonly NodeView[], replaced: readonly PodView[] = []) {
    this.nodes = [...nodes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const n = this.nodes.length;
    [this.cpu, this.memory, this.gpu, this.podSlots] = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    const replacedUsage = usageByNode(replaced);
    this.nodes.forEach((node, i) => {
      this.indexByName.set(node.name, i);
      const a = node.allocatable.cpu || node.allocatable.memory || node.allocatable.pods ? node.allocatable : node.capacity;
      const back = replacedUsage.get(node.name) ?? NO_USAGE;
      this.cpu[i] = Math.round((a.cpu - node.requested.cpu + back.cpu) * 1000);
      this.memory[i] = Math.round(a.memory - node.requested.memory + back.memory);
      this.gpu[i] = Math.round(a.gpu - node.requested.gpu + back.gpu);
      this.podSlots[i] = Math.round(a.pods - node.requested.pods + back.pods);
    });
  }

  get size(): number {
    return this.nodes.length;
  }

  indexOf(nodeName: string | undefined): number | undefined {
    return nodeName === undefined ? undefined : this.indexByName.get(nodeName);
  }

  /** Why the node turns the pod away regardless of resources; undefined when it admits it. */
  exclusion(i: number, pod: PodDemand): Exclusion | undefined {
    return exclusion(this.nodes[i], pod);
  }

  eligible(i: number, pod: PodDemand): boolean {
    let flags = this.eligibility.get(pod);
    if (!flags) {
      flags = Uint8Array.from(this.nodes, (node) => (exclusion(node, pod) ? 0 : 1));
      this.eligibility.set(pod, flags);
    }
    return flags[i] === 1;
  }

  fits(i: number, { requests: r }: PodDemand): boolean {
    return this.podSlots[i] >= 1 && this.cpu[i] >= r.cpu && this.memory[i] >= r.memory && this.gpu[i] >= r.gpu;
  }

  /** Takes the pod's requests from the node, or gives them back with sign -1. */
  take(i: number, { requests: r }: PodDemand, sign = 1): void {
    this.cpu[i] -= sign * r.cpu;
    this.memory[i] -= sign * r.memory;
    this.gpu[i] -= sign * r.gpu;
    this.podSlots[i] -= sign;
  }

  free(i: number): Amounts & { pods: number } {
    return { cpu: this.cpu[i], memory: this.memory[i], gpu: this.gpu[i], pods: this.podSlots[i] };
  }

  /** Node indexes by value of the label `key`, sorted by value; nodes without the label are in no domain. */
  domains(key: string): readonly Domain[] {
    let domains = this.domainIndex.get(key);
    if (!domains) {
      domains = domainsOf(this, key, this.nodes.keys());
      this.domainIndex.set(key, domains);
    }
    return domains;
  }
}

/**
 * The pods carrying `label` on each domain of `key`, among those `inScope`: upstream's exclusive
 * anti-affinity keeps a new group (or sub-group) out of every domain that holds one.
 */
export function domainHolders(pool: NodePool, pods: readonly PodView[], key: string, label: string, inScope: (pod: PodView) => boolean): Map<string, PodView[]> {
  const holders = new Map<string, PodView[]>();
  for (const pod of pods) {
    if (!occupies(pod) || !inScope(pod) || pod.placementLabels[label] === undefined) continue;
    const i = pool.indexOf(pod.nodeName);
    const value = i === undefined ? undefined : pool.nodes[i].labels[key];
    if (value === undefined) continue;
    const members = holders.get(value);
    if (members) members.push(pod);
    else holders.set(value, [pod]);
  }
  return holders;
}

/** The domains of `key` among some nodes, sorted by value. */
export function domainsOf(pool: NodePool, key: string, nodes: Iterable<number>): Domain[] {
  const byValue = new Map<string, number[]>();
  for (const i of nodes) {
    const value = pool.nodes[i].labels[key];
    if (value === undefined) continue;
    const members = byValue.get(value);
    if (members) members.push(i);
    else byValue.set(value, [i]);
  }
  return [...byValue].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
