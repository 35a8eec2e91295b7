/**
 * A group with pods the scheduler cannot place, explained from the nodes and the pods rather
 * than only forwarded from kube-scheduler: under exclusive topology, why each domain cannot take
 * the group; otherwise which label or resource no node offers. kube-scheduler's own message stays
 * in the evidence.
 */
import { LABELS } from "@/lib/lws/constants";
import { domainNoun } from "../capacity-reasons";
import type { GroupView } from "../groups";
import type { PodView } from "../view-models";
import { domainVerdicts, type ExclusiveUnit } from "./domain-verdicts";
import { exclusiveFindings, type ExclusiveFindings } from "./exclusive-causes";
import { plural, podsOf } from "./group-pods";
import { nodeFindings } from "./node-shortfall";
import type { PlacementView } from "./placement-view";
import type { Cause } from "./types";

/** Pending groups that hold no domain yet all get the same answer: computed once per view. */
const exclusiveCache = new WeakMap<PlacementView, Map<string, ExclusiveFindings>>();

function cachedExclusive(view: PlacementView, unit: ExclusiveUnit): ExclusiveFindings {
  const cache = exclusiveCache.get(view) ?? new Map<string, ExclusiveFindings>();
  exclusiveCache.set(view, cache);
  const found = cache.get(unit.name) ?? exclusiveFindings(view, unit, domainVerdicts(view, unit));
  cache.set(unit.name, found);
  return found;
}

const EXISTING_ANTI_AFFINITY = "didn't satisfy existing pods anti-affinity rules";

/** Per role (leader, workers) of the stuck pods, why no node in `scope` takes it. */
function onNodes(view: PlacementView, stuck: PodView[], scope: readonly number[], where: string, message: string): ExclusiveFindings {
  const roles = [...new Map(stuck.map((p) => [p.workerIndex === 0 ? "the leader" : "the workers", p])).entries()];
  const found = roles.map(([role, pod]) => ({ role, ...nodeFindings(view.pool, view.demandOf(pod), scope, where) }));
  const texts = found.map((f) => f.reasons.join("; "));
  const same = texts.every((t) => t === texts[0]);
  let reason = same ? texts[0] : found.map((f, i) => `${f.role}: ${texts[i]}`).join("; ");
  const fixes = [...new Set(found.flatMap((f) => f.fixes))];
  if (fixes.length === 0 && message.includes(EXISTING_ANTI_AFFINITY)) {
    reason = "the nodes with room hold pods whose anti-affinity repels it: an LWS with exclusive topology in this namespace keeps every other LWS pod off its domains (upstream #539)";
    fixes.push("move this LWS, or the one with exclusive topology, to another namespace");
  }
  return { reason, evidence: [], suggestion: fixes.join("; ") || "the scheduler retries on its own; if the pods stay Pending, read their events" };
}

/** A member of the unit already runs: the rest must join it in its domain. */
function pinned(view: PlacementView, unit: ExclusiveUnit, anchor: PodView & { nodeName: string }, stuck: PodView[], message: string): ExclusiveFindings {
  const value = view.pool.nodes[view.pool.indexOf(anchor.nodeName) ?? 0]?.labels[unit.key] ?? "";
  const scope = view.pool.domains(unit.key).find(([v]) => v === value)?.[1] ?? [];
  const noun = domainNoun(unit.key);
  const found = onNodes(view, stuck, scope, ` in ${value}`, message);
  return {
    reason: `pod/${anchor.name} of the ${unit.name} runs on ${noun} ${value}, and exclusive topology keeps the ${unit.name} there: ${found.reason}`,
    evidence: [`pod/${anchor.name} on ${anchor.nodeName} (${unit.key}=${value})`],
    suggestion: `${found.suggestion}; or delete pod/${anchor.name} so the ${unit.name} is placed again, on a ${noun} with room`,
  };
}

function exclusiveUnitOf(view: PlacementView, pod: PodView): ExclusiveUnit | undefined {
  const { demand } = view;
  if (demand.exclusiveKey) return { key: demand.exclusiveKey, label: LABELS.groupKey, name: "group", pods: demand.pods };
  const unit = demand.units.find((u) => u.exclusiveKey && u.name === `subgroup ${pod.subGroupIndex}`);
  return unit?.exclusiveKey ? { key: unit.exclusiveKey, label: LABELS.subGroupKey, name: unit.name, pods: unit.pods, unit } : undefined;
}

function explain(view: PlacementView, group: GroupView, stuck: PodView[], message: string): ExclusiveFindings {
  // Without node views (still loading, or filtered out) kube-scheduler's word is all there is.
  if (view.pool.size === 0) return { reason: message.split("\n")[0], evidence: [], suggestion: "read the pods' events; the dashboard sees no nodes to say more" };
  const unit = exclusiveUnitOf(view, stuck[0]);
  if (!unit) return onNodes(view, stuck, [...view.pool.nodes.keys()], "", message);
  const inUnit = (p: PodView) => unit.name === "group" || `subgroup ${p.subGroupIndex}` === unit.name;
  const anchor = podsOf(group).find((p): p is PodView & { nodeName: string } => inUnit(p) && view.pool.indexOf(p.nodeName) !== undefined);
  return anchor ? pinned(view, unit, anchor, stuck.filter(inUnit), message) : cachedExclusive(view, unit);
}

/**
 * `explained`: pods whose Pending claims already account for them (the claim is the root cause).
 * `placement` is called only when some pod is unschedulable.
 */
export function unschedulable(group: GroupView, explained: ReadonlySet<string>, placement: () => PlacementView): Cause[] {
  const stuck = podsOf(group).filter((p) => p.unschedulable !== undefined && !explained.has(p.name));
  if (stuck.length === 0) return [];
  const messages = [...new Set(stuck.map((p) => p.unschedulable ?? ""))];
  const found = explain(placement(), group, stuck, messages.join("\n"));
  return [{
    summary: `${plural(stuck.length, "pod")} cannot be scheduled: ${found.reason}`,
    evidence: [...found.evidence, ...messages.map((m) => `kube-scheduler: ${m}`), ...stuck.map((p) => `pod/${p.name}: PodScheduled=False (Unschedulable)`)],
    suggestion: found.suggestion,
  }];
}
