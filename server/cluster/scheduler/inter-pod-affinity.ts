/**
 * InterPodAffinity, required terms only, with upstream's semantics. A PreFilter step prepares,
 * once per decision, what the per-node checks need:
 * - the placed pods matching ALL the incoming pod's affinity terms, counted per topology pair
 *   (needed whole for the first-pod rule), visiting only pods the label index offers;
 * - per anti-affinity term, and for placed pods' anti-affinity terms that select the incoming
 *   pod, a test per topology domain, answered from label counts of the domain's nodes on first
 *   use and remembered. Nodes rejected earlier never pay for it, and nothing visits every pod.
 */
import { matchesLabels } from "@/lib/k8s/label-selector";
import type { SchedulerCache } from "./cache";
import type { NodeInfo } from "./node-info";
import type { PodAffinityTerm, SchedulingPod } from "./scheduling-pod";

/** topology key → topology value → matching pods. */
export type TopologyCounts = Map<string, Map<string, number>>;

/** A verdict on the topology domains of one key. */
export interface DomainTest {
  topologyKey: string;
  holds: (value: string) => boolean;
}

export interface PodAffinityState {
  affinity: TopologyCounts;
  /** One per anti-affinity term: the domain holds a pod the term selects. */
  antiAffinity: DomainTest[];
  /** The domain holds a placed pod whose anti-affinity selects the incoming pod. */
  existingAntiAffinity: DomainTest[];
}

function increment(counts: TopologyCounts, node: NodeInfo, topologyKey: string, by: number): void {
  const value = node.node.labels[topologyKey];
  if (value === undefined || by <= 0) return;
  const byValue = counts.get(topologyKey) ?? new Map<string, number>();
  counts.set(topologyKey, byValue.set(value, (byValue.get(value) ?? 0) + by));
}

function countAt(counts: TopologyCounts, topologyKey: string, value: string | undefined): number {
  return value === undefined ? 0 : (counts.get(topologyKey)?.get(value) ?? 0);
}

function memoized(topologyKey: string, holds: (value: string) => boolean): DomainTest {
  const memo = new Map<string, boolean>();
  return {
    topologyKey,
    holds: (value) => memo.get(value) ?? memo.set(value, holds(value)).get(value) === true,
  };
}

function fromCounts(counts: TopologyCounts): DomainTest[] {
  return [...counts].map(([topologyKey, byValue]) => ({ topologyKey, holds: (value) => (byValue.get(value) ?? 0) > 0 }));
}

/** A term covers the namespaces it lists and those its namespaceSelector selects by label. */
function coversNamespace(term: PodAffinityTerm, namespace: string, cache: SchedulerCache): boolean {
  return term.namespaces.has(namespace) || (term.namespaceSelector !== undefined && matchesLabels(term.namespaceSelector, cache.namespaceLabels(namespace)));
}

function termSelects(term: PodAffinityTerm, pod: SchedulingPod, cache: SchedulerCache): boolean {
  return term.selector !== undefined && coversNamespace(term, pod.namespace, cache) && matchesLabels(term.selector, pod.labels);
}

function selectsAll(terms: readonly PodAffinityTerm[], pod: SchedulingPod, cache: SchedulerCache): boolean {
  return terms.length > 0 && terms.every((t) => termSelects(t, pod, cache));
}

/** Pods on a node that a single-key term selects, from the node's label counts. */
function countOnNode(term: PodAffinityTerm, cache: SchedulerCache): (node: NodeInfo) => number {
  const covered = new Map<string, boolean>();
  const covers = (ns: string) => covered.get(ns) ?? covered.set(ns, coversNamespace(term, ns, cache)).get(ns) === true;
  return (node) => {
    let matching = 0;
    if (term.shape?.kind === "singleKey") for (const [ns, counts] of node.labelCounts) if (covers(ns)) matching += counts.matching(term.shape);
    return matching;
  };
}

/**
 * Placed pods selected by all `terms`, each counted once in every term's topology pair, visiting
 * only the label index's candidates (anchored terms) or the nodes' label counts (one single-key
 * term); other selectors, rare, visit every pod.
 */
function countSelectedPods(terms: readonly PodAffinityTerm[], cache: SchedulerCache): TopologyCounts {
  const counts: TopologyCounts = new Map();
  if (terms.length === 0 || terms.some((t) => !t.selector)) return counts;
  const anchors = terms.flatMap((t) => (t.shape?.kind === "anchored" ? t.shape.anchors : []));
  if (anchors.length === 0 && terms.length === 1 && terms[0].shape?.kind === "singleKey") {
    const onNode = countOnNode(terms[0], cache);
    for (const node of cache.nodeInfos()) increment(counts, node, terms[0].topologyKey, onNode(node));
    return counts;
  }
  const candidates = anchors.length > 0 ? cache.podsByLabel.candidates(anchors) : cache.pods();
  for (const pod of candidates) {
    const node = cache.nodeInfo(pod.nodeName);
    if (!node || !selectsAll(terms, pod, cache)) continue;
    for (const t of terms) increment(counts, node, t.topologyKey, 1);
  }
  return counts;
}

function antiAffinityTest(term: PodAffinityTerm, cache: SchedulerCache): DomainTest[] {
  if (!term.selector) return [];
  if (term.shape?.kind !== "singleKey") return fromCounts(countSelectedPods([term], cache));
  const onNode = countOnNode(term, cache);
  return [memoized(term.topologyKey, (value) => [...cache.nodesInDomain(term.topologyKey, value)].some((n) => onNode(n) > 0))];
}

/** Placed pods' anti-affinity terms that select the incoming pod, by the topology of their node. */
function existingAntiAffinityTests(pod: SchedulingPod, cache: SchedulerCache): DomainTest[] {
  const counts: TopologyCounts = new Map();
  for (const { pod: owner, term } of cache.antiAffinityTerms.candidates(pod)) {
    const node = cache.nodeInfo(owner.nodeName);
    if (node && termSelects(term, pod, cache)) increment(counts, node, term.topologyKey, 1);
  }
  const keyed = [...cache.antiAffinityTerms.keyedTopologyKeys(pod)].map((topologyKey) =>
    memoized(topologyKey, (value) => [...cache.nodesInDomain(topologyKey, value)].some((n) => n.keyedAntiAffinity.violatedBy(pod, topologyKey))),
  );
  return [...fromCounts(counts), ...keyed];
}

/** The PreFilter step: everything the per-node checks need for this pod. */
export function podAffinityState(pod: SchedulingPod, cache: SchedulerCache): PodAffinityState {
  return {
    affinity: countSelectedPods(pod.affinityTerms, cache),
    antiAffinity: pod.antiAffinityTerms.flatMap((t) => antiAffinityTest(t, cache)),
    existingAntiAffinity: existingAntiAffinityTests(pod, cache),
  };
}

// A loop, not some() with an arrow: this runs for every node a decision examines.
function holdsOnNode(tests: readonly DomainTest[], node: NodeInfo): boolean {
  for (const { topologyKey, holds } of tests) {
    const value = node.node.labels[topologyKey];
    if (value !== undefined && holds(value)) return true;
  }
  return false;
}

/**
 * Every affinity term has a matching pod in the node's domain, and the node carries every
 * topology key. The first pod of a group whose terms select itself may go anywhere with the
 * keys when no pod matches anywhere yet (upstream's self-affinity rule).
 */
export function satisfiesPodAffinity(pod: SchedulingPod, node: NodeInfo, state: PodAffinityState, cache: SchedulerCache): boolean {
  let podsExist = true;
  for (const term of pod.affinityTerms) {
    const value = node.node.labels[term.topologyKey];
    if (value === undefined) return false;
    if (countAt(state.affinity, term.topologyKey, value) <= 0) podsExist = false;
  }
  return podsExist || (state.affinity.size === 0 && selectsAll(pod.affinityTerms, pod, cache));
}

export function satisfiesPodAntiAffinity(node: NodeInfo, state: PodAffinityState): boolean {
  return !holdsOnNode(state.antiAffinity, node);
}

export function satisfiesExistingPodsAntiAffinity(node: NodeInfo, state: PodAffinityState): boolean {
  return !holdsOnNode(state.existingAntiAffinity, node);
}
