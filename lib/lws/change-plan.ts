/**
 * "What will happen" when an LWS is applied: the live object (if any) against the next one,
 * both webhook-defaulted, read the way upstream's controller reads them (lws-upstream-spec §8-§9):
 * spec.replicas scales groups at the top end; a change of leaderWorkerTemplate or networkConfig
 * (the revision) rolls the groups from the highest index down to the partition, within
 * maxUnavailable and maxSurge; everything else leaves pods alone. Validation is not repeated here.
 */
import { deepEqual } from "@/lib/k8s/deep-equal";
import { integer, record } from "@/lib/k8s/object-fields";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, DEFAULTS } from "./constants";
import { applyWebhookDefaults } from "./defaults";
import { rolloutBudget } from "./int-or-percent";
import type { LeaderWorkerSet } from "./types";

export type ChangeKind = "create" | "scale-up" | "scale-down" | "rolling-update" | "partition" | "recreate-leaders" | "no-pod-change";

export interface RollingUpdatePlan {
  /** what changed in the template: leaderTemplate, workerTemplate, size, networkConfig … */
  changed: string[];
  /** groups recreated on the new revision, indexes `first`..`last` */
  groups: number;
  first: number;
  last: number;
  /** maxUnavailable scaled against the new replicas, rounded down */
  maxUnavailable: number;
  /** surge groups the rollout starts with: maxSurge scaled and rounded up, capped as upstream's want() does */
  surgeGroups: number;
  /** groups below it keep the old revision */
  partition: number;
}

export interface ChangePlan {
  kinds: ChangeKind[];
  /** short plain lines, most important first */
  summary: string[];
  rollingUpdate?: RollingUpdatePlan;
  groupsBefore: number;
  groupsAfter: number;
  /** pods at rest before and after */
  podsBefore: number;
  podsAfter: number;
  /** the most pods at once during the change: surge groups included */
  podsPeak: number;
}

interface Settings {
  replicas: number;
  size: number;
  partition: number;
  maxUnavailable: number;
  maxSurge: number;
}

function budgetOrDefault(replicas: number, maxUnavailable: unknown, maxSurge: unknown): { unavailable: number; surge: number } {
  try {
    return rolloutBudget(replicas, maxUnavailable ?? DEFAULTS.maxUnavailable, maxSurge ?? DEFAULTS.maxSurge);
  } catch {
    // An invalid value is validation's to report; plan with the defaults meanwhile.
    return rolloutBudget(replicas, DEFAULTS.maxUnavailable, DEFAULTS.maxSurge);
  }
}

function settingsOf(lws: LeaderWorkerSet): Settings {
  const replicas = Math.max(0, integer(lws.spec.replicas) ?? DEFAULTS.replicas);
  const rolling = record(lws.spec.rolloutStrategy?.rollingUpdateConfiguration);
  const budget = budgetOrDefault(replicas, rolling.maxUnavailable, rolling.maxSurge);
  return {
    replicas,
    size: Math.max(1, integer(lws.spec.leaderWorkerTemplate.size) ?? DEFAULTS.size),
    partition: Math.max(0, integer(rolling.partition) ?? DEFAULTS.partition),
    maxUnavailable: budget.unavailable,
    maxSurge: budget.surge,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "group 3" or "groups 3-4". */
export function groupRange(first: number, last: number): string {
  return first === last ? `group ${first}` : `groups ${first}-${last}`;
}

/** The revision's parts, with the CRD's structural defaults, so an omitted default is no change. */
function revisionParts(lws: LeaderWorkerSet): Record<string, unknown> {
  const template: Record<string, unknown> = { ...lws.spec.leaderWorkerTemplate };
  template.size ??= DEFAULTS.size;
  if (template.subGroupPolicy) template.subGroupPolicy = { subGroupPolicyType: DEFAULTS.subGroupPolicyType, ...record(template.subGroupPolicy) };
  return { ...template, networkConfig: lws.spec.networkConfig };
}

/** What of the revision (lws-upstream-spec §8.1) changed; empty when the revision is the same. */
export function templateChanges(live: LeaderWorkerSet, next: LeaderWorkerSet): string[] {
  const [before, after] = [revisionParts(live), revisionParts(next)];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((key) => !deepEqual(before[key], after[key])).sort();
}

function createPlan(after: Settings): ChangePlan {
  const pods = after.replicas * after.size;
  const summary = after.replicas === 0 ? ["creates no groups (replicas 0)"] : [`creates ${plural(after.replicas, "group")} × ${after.size} = ${plural(pods, "pod")}`];
  return { kinds: ["create"], summary, groupsBefore: 0, groupsAfter: after.replicas, podsBefore: 0, podsAfter: pods, podsPeak: pods };
}

function scaleLine(before: Settings, after: Settings): { kind: ChangeKind; line: string } | undefined {
  const [from, to] = [before.replicas, after.replicas];
  if (to > from) return { kind: "scale-up", line: `scales from ${from} to ${plural(to, "group")}: +${plural((to - from) * after.size, "pod")} (new ${groupRange(from, to - 1)})` };
  if (to < from) return { kind: "scale-down", line: `scales from ${from} to ${plural(to, "group")}: deletes ${groupRange(to, from - 1)} (-${plural((from - to) * before.size, "pod")})` };
  return undefined;
}

/**
 * The groups that exist before and after roll, above the partition. Surge: upstream's first
 * want(R) is R + S while S < R, and R + (R - U) once S reaches R.
 */
function rollingPlan(before: Settings, after: Settings, changed: string[]): RollingUpdatePlan {
  const kept = Math.min(before.replicas, after.replicas);
  const groups = Math.max(0, kept - after.partition);
  const surge = after.replicas > after.maxSurge ? after.maxSurge : Math.max(0, after.replicas - after.maxUnavailable);
  return { changed, groups, first: kept - groups, last: kept - 1, maxUnavailable: after.maxUnavailable, surgeGroups: groups > 0 ? surge : 0, partition: after.partition };
}

function rollingLines(plan: RollingUpdatePlan, before: Settings, after: Settings): string[] {
  const lines = [`template change: ${plan.changed.join(", ")}`];
  if (plan.groups === 0) {
    if (plan.first > 0) lines.push(`no group rolls: partition ${plan.partition} keeps ${groupRange(0, plan.first - 1)} on the old revision`);
    return lines;
  }
  const pace = plan.maxUnavailable >= plan.groups ? "all at once" : `at most ${plan.maxUnavailable} unavailable`;
  const surge = plan.surgeGroups > 0 ? `up to ${plural(plan.surgeGroups, "surge group")}` : "no surge";
  lines.push(`rolling update of ${plural(plan.groups, "group")} (${groupRange(plan.first, plan.last)}), ${pace}, ${surge}`);
  if (plan.first > 0) lines.push(`${groupRange(0, plan.first - 1)} stay on the old revision (partition ${plan.partition})`);
  if (before.size !== after.size) lines.push(`each rolled group goes from ${before.size} to ${plural(after.size, "pod")}`);
  return lines;
}

/** Lowering the partition lets groups that an earlier rollout held back catch up. */
function partitionLine(live: LeaderWorkerSet, before: Settings, after: Settings): string | undefined {
  const kept = Math.min(before.replicas, after.replicas);
  const updated = integer(live.status?.updatedReplicas);
  if (after.partition >= before.partition || after.partition >= kept || (updated !== undefined && updated >= before.replicas)) return undefined;
  return `partition ${before.partition} → ${after.partition}: ${groupRange(after.partition, Math.min(before.partition, kept) - 1)} roll if still on an older revision`;
}

const EXCLUSIVE_ANNOTATIONS = [ANNOTATIONS.exclusiveTopology, ANNOTATIONS.subGroupExclusiveTopology];

/**
 * The leader StatefulSet's pod template carries the exclusive-topology annotations but the
 * revision does not: changing them makes the StatefulSet controller recreate every leader,
 * and with it its group, at its own pace of max(1, U + S) pods.
 */
function recreateLine(live: LeaderWorkerSet, next: LeaderWorkerSet, after: Settings): string | undefined {
  const changed = EXCLUSIVE_ANNOTATIONS.filter((key) => (live.metadata.annotations?.[key] ?? "") !== (next.metadata.annotations?.[key] ?? ""));
  const groups = Math.min(after.replicas, integer(live.spec.replicas) ?? DEFAULTS.replicas);
  if (changed.length === 0 || groups === 0) return undefined;
  const pace = Math.max(1, after.maxUnavailable + after.maxSurge);
  return `${changed.map((key) => key.split("/").pop()).join(" and ")} annotation changes: all ${plural(groups, "group")} are recreated, ${pace} at a time`;
}

/** Which fields changed when no pod does. */
function quietChanges(live: LeaderWorkerSet, next: LeaderWorkerSet): string {
  const changed = [
    ...(["rolloutStrategy", "startupPolicy"] as const).filter((key) => !deepEqual(live.spec[key], next.spec[key])),
    ...(["labels", "annotations"] as const).filter((key) => !deepEqual(live.metadata[key] ?? {}, next.metadata[key] ?? {})),
  ];
  if (changed.length === 0) return "no change";
  const metadataOnly = changed.every((key) => key === "labels" || key === "annotations");
  return `no pods change: ${metadataOnly ? "metadata" : changed.join(", ")} only`;
}

/** What the controller will do when `next` replaces `live` (or is created, when there is no live object). */
export function planChange(live: KubeObject | undefined, next: KubeObject): ChangePlan {
  const nextLws = applyWebhookDefaults(next);
  const after = settingsOf(nextLws);
  if (!live) return createPlan(after);
  const liveLws = applyWebhookDefaults(live);
  const before = settingsOf(liveLws);
  const kinds: ChangeKind[] = [];
  const summary: string[] = [];
  const add = (kind: ChangeKind, lines: string | string[] | undefined) => {
    if (lines === undefined) return;
    kinds.push(kind);
    summary.push(...(Array.isArray(lines) ? lines : [lines]));
  };
  const scale = scaleLine(before, after);
  if (scale) add(scale.kind, scale.line);
  const changed = templateChanges(liveLws, nextLws);
  const rollingUpdate = changed.length > 0 ? rollingPlan(before, after, changed) : undefined;
  if (rollingUpdate) add("rolling-update", rollingLines(rollingUpdate, before, after));
  else add("partition", partitionLine(liveLws, before, after));
  if (!rollingUpdate?.groups) add("recreate-leaders", recreateLine(liveLws, nextLws, after));
  if (summary.length === 0) add("no-pod-change", quietChanges(liveLws, nextLws));
  const podsAfter = after.replicas * after.size;
  const surgePods = (rollingUpdate?.surgeGroups ?? 0) * after.size;
  return {
    kinds,
    summary,
    ...(rollingUpdate ? { rollingUpdate } : {}),
    groupsBefore: before.replicas,
    groupsAfter: after.replicas,
    podsBefore: before.replicas * before.size,
    podsAfter,
    podsPeak: Math.max(before.replicas * before.size, podsAfter + surgePods),
  };
}
