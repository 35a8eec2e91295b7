/**
 * Indexes of the required anti-affinity terms of pods already placed, answering "which of
 * them would an incoming pod violate" without visiting every such pod:
 *
 * - keyed terms (`{K Exists, K NotIn [...]}` in plain namespaces, the LWS exclusive-topology
 *   shape) are counted per node: a pod with K=x violates them unless every term excludes x;
 * - anchored terms (matchLabels / In) are listed under each key=value they pin, so only terms
 *   naming the incoming pod's own labels are checked;
 * - the rest are checked one by one.
 */
import { addCount, entry } from "./counts";
import type { PodAffinityTerm, SchedulingPod } from "./scheduling-pod";

export type TermPlacement = "none" | "keyed" | "anchored" | "generic";

export function termPlacement(term: PodAffinityTerm): TermPlacement {
  const { shape, namespaceSelector } = term;
  if (!shape) return "none";
  if (shape.kind === "anchored") return "anchored";
  const allNamespacesOrListed = !namespaceSelector || namespaceSelector.length === 0;
  const keyed = shape.kind === "singleKey" && shape.key !== undefined && shape.requiresKey && !shape.forbidsKey;
  return keyed && allNamespacesOrListed ? "keyed" : "generic";
}

/** Namespace bucket for terms whose empty namespaceSelector selects every namespace. */
const ALL_NAMESPACES = "\u0000*";

interface ExclusionCount {
  terms: number;
  /** How many of those terms exclude each value. */
  excluded: Map<string, number>;
}

/** One node's keyed terms: label key → topology key → namespace → counts. */
export class KeyedAntiAffinity {
  private readonly byKey = new Map<string, Map<string, Map<string, ExclusionCount>>>();

  update(term: PodAffinityTerm, delta: number): void {
    if (term.shape?.kind !== "singleKey" || term.shape.key === undefined) return;
    const byTopology = entry(this.byKey, term.shape.key, () => new Map<string, Map<string, ExclusionCount>>());
    const byNamespace = entry(byTopology, term.topologyKey, () => new Map<string, ExclusionCount>());
    for (const ns of term.namespaceSelector ? [ALL_NAMESPACES] : term.namespaces) {
      const count = entry(byNamespace, ns, () => ({ terms: 0, excluded: new Map<string, number>() }));
      count.terms += delta;
      for (const v of term.shape.excluded) addCount(count.excluded, v, delta);
    }
  }

  /** Whether the pod violates one of this node's terms over `topologyKey`. */
  violatedBy(pod: SchedulingPod, topologyKey: string): boolean {
    for (const [key, byTopology] of this.byKey) {
      const value = pod.labels[key];
      const byNamespace = byTopology.get(topologyKey);
      if (value === undefined || !byNamespace) continue;
      if (violates(byNamespace.get(pod.namespace), value) || violates(byNamespace.get(ALL_NAMESPACES), value)) return true;
    }
    return false;
  }
}

/** Some term is violated unless every one of them excludes the pod's value. */
function violates(count: ExclusionCount | undefined, value: string): boolean {
  return count !== undefined && count.terms - (count.excluded.get(value) ?? 0) > 0;
}

export interface TermRef {
  pod: SchedulingPod;
  term: PodAffinityTerm;
}

/** An anchored term is filed under its first anchor's key=value pairs: a pod it selects has one of them. */
function anchorKeys(term: PodAffinityTerm): string[] {
  if (term.shape?.kind !== "anchored") return [];
  const { key, values } = term.shape.anchors[0];
  return values.map((value) => pairKey(key, value));
}

const pairKey = (key: string, value: string) => `${key}\u0000${value}`;

/**
 * Cluster-wide index of placed pods' terms: the anchored and generic terms themselves, and
 * for keyed terms (counted on their nodes) which topology keys they use per label key.
 */
export class ExistingTermIndex {
  private readonly anchored = new Map<string, Set<TermRef>>();
  private readonly generic = new Set<TermRef>();
  private readonly refsByPod = new Map<string, TermRef[]>();
  private readonly keyedTopologies = new Map<string, Map<string, number>>();

  add(pod: SchedulingPod): void {
    const refs: TermRef[] = [];
    for (const term of pod.antiAffinityTerms) {
      const placement = termPlacement(term);
      if (placement === "keyed") this.countKeyed(term, 1);
      if (placement !== "anchored" && placement !== "generic") continue;
      const ref = { pod, term };
      refs.push(ref);
      if (placement === "generic") this.generic.add(ref);
      for (const k of anchorKeys(term)) entry(this.anchored, k, () => new Set<TermRef>()).add(ref);
    }
    if (refs.length > 0) this.refsByPod.set(pod.key, refs);
  }

  /** Undoes add(pod); the pod must be the one added. */
  remove(pod: SchedulingPod): void {
    for (const term of pod.antiAffinityTerms) if (termPlacement(term) === "keyed") this.countKeyed(term, -1);
    for (const ref of this.refsByPod.get(pod.key) ?? []) {
      this.generic.delete(ref);
      for (const k of anchorKeys(ref.term)) {
        const bucket = this.anchored.get(k);
        bucket?.delete(ref);
        if (bucket?.size === 0) this.anchored.delete(k);
      }
    }
    this.refsByPod.delete(pod.key);
  }

  /** Terms that could select the pod: those anchored on one of its labels, and every generic term. */
  *candidates(pod: SchedulingPod): Iterable<TermRef> {
    for (const [key, value] of Object.entries(pod.labels)) yield* this.anchored.get(pairKey(key, value)) ?? [];
    yield* this.generic;
  }

  /** Topology keys of keyed terms on the pod's label keys: where a keyed term could reject it. */
  keyedTopologyKeys(pod: SchedulingPod): Set<string> {
    return new Set(Object.keys(pod.labels).flatMap((key) => [...(this.keyedTopologies.get(key)?.keys() ?? [])]));
  }

  private countKeyed(term: PodAffinityTerm, delta: number): void {
    if (term.shape?.kind !== "singleKey" || term.shape.key === undefined) return;
    const byTopology = entry(this.keyedTopologies, term.shape.key, () => new Map<string, number>());
    addCount(byTopology, term.topologyKey, delta);
    if (byTopology.size === 0) this.keyedTopologies.delete(term.shape.key);
  }
}
