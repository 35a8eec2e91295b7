/**
 * Why each topology domain cannot take a group (or sub-group) that needs one of its own: held by
 * another group of this LWS or, through upstream's namespace-wide anti-affinity, by another LWS
 * (#539); too small; or no node there the pods may use.
 */
import type { PlacementUnit, PodDemand } from "../capacity-demand";
import type { Exclusion } from "../capacity-nodes";
import { exclusionCounts, resourceShortfalls, totalShortfall, type Shortfall } from "../capacity-reasons";
import type { PodView } from "../view-models";
import type { PlacementView } from "./placement-view";

/** What must land in one domain that nothing else of the namespace uses. */
export interface ExclusiveUnit {
  /** node label naming the domains */
  key: string;
  /** the pod label the anti-affinity keys on */
  label: string;
  /** "group" or "subgroup 1" */
  name: string;
  pods: PodDemand[];
  /** the sub-group's unit; undefined for the whole group */
  unit?: PlacementUnit;
}

export type DomainVerdict = { value: string } & (
  | { kind: "own"; groups: number[] }
  | { kind: "other"; lws: string[] }
  | { kind: "unusable"; nodes: number; exclusions: Map<Exclusion, number> }
  /** `perPod`: the room is there in total, but no node has one pod's share */
  | { kind: "small"; shortfall?: Shortfall; perPod: boolean; unusableNodes: number }
  | { kind: "room" }
);

const unique = <T>(items: T[]): T[] => [...new Set(items)];

function heldBy(value: string, holders: PodView[], lwsName: string): DomainVerdict | undefined {
  const others = unique(holders.filter((p) => p.lws !== lwsName).map((p) => p.lws ?? `pod/${p.name}`)).sort();
  if (others.length > 0) return { value, kind: "other", lws: others };
  const groups = unique(holders.map((p) => p.groupIndex ?? -1)).sort((a, b) => a - b);
  return holders.length > 0 ? { value, kind: "own", groups } : undefined;
}

function tooSmall(view: PlacementView, unit: ExclusiveUnit, value: string, nodes: number[], usable: number[]): DomainVerdict {
  const unusableNodes = nodes.length - usable.length;
  const total = totalShortfall(view.pool, unit.pods, usable);
  if (total) return { value, kind: "small", shortfall: total, perPod: false, unusableNodes };
  for (const pod of unique(unit.pods)) {
    const [first] = resourceShortfalls(view.pool, pod, usable.filter((i) => view.pool.eligible(i, pod)));
    if (first) return { value, kind: "small", shortfall: first, perPod: true, unusableNodes };
  }
  return { value, kind: "small", perPod: false, unusableNodes };
}

function verdictOf(view: PlacementView, unit: ExclusiveUnit, value: string, nodes: number[]): DomainVerdict {
  const held = heldBy(value, view.holders(unit.key, unit.label).get(value) ?? [], view.lwsName);
  if (held) return held;
  const usable = nodes.filter((i) => unit.pods.some((pod) => view.pool.eligible(i, pod)));
  if (usable.length === 0) return { value, kind: "unusable", nodes: nodes.length, exclusions: exclusionCounts(view.pool, unit.pods[0], nodes) };
  return view.placer.fitsIn(nodes, unit.unit) ? { value, kind: "room" } : tooSmall(view, unit, value, nodes, usable);
}

/** A verdict for every domain of `unit.key`, sorted by value. */
export function domainVerdicts(view: PlacementView, unit: ExclusiveUnit): DomainVerdict[] {
  return view.pool.domains(unit.key).map(([value, nodes]) => verdictOf(view, unit, value, nodes));
}
