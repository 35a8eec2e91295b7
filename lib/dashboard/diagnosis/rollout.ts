/*
 * Why a rolling update does not move (lws-upstream-spec §8.3). The LWS controller lowers the leader
 * StatefulSet's partition one budget at a time: it waits for updated groups (and surge groups) to
 * become Ready, never has more than maxUnavailable groups down, and never goes below the user's
 * partition. Which of these holds the rollout decides what to tell the operator.
 *
 * Groups held on the old revision by a user-set partition keep their own verdict (healthy when
 * Ready): the hold is intentional (a canary, a staged rollout) and may last for days, so it is said
 * once at LWS level rather than raised as an alarm on every held group.
 */
import { integer, record } from "@/lib/k8s/object-fields";
import { scaledValue } from "@/lib/lws/int-or-percent";
import { LABELS } from "@/lib/lws/constants";
import { lwsReplicas, type GroupView } from "../groups";
import type { LwsView, StatefulSetView } from "../view-models";
import { plural, podsOf } from "./group-pods";
import type { Cause, GroupDiagnosis, RolloutDiagnosis } from "./types";

interface RolloutPlan {
  leaderSts: StatefulSetView;
  /** the revision the LWS rolls to: the leader StatefulSet's template-revision-hash */
  target: string;
  replicas: number;
  userPartition: number;
  maxUnavailable: number;
  maxSurge: number;
}

/** Where each group stands against the rollout. */
interface Standing {
  plan: RolloutPlan;
  updated: GroupView[];
  /** updated (or being recreated at or above the partition) but not Ready: the rollout waits on them */
  waiting: GroupView[];
  surgeWaiting: GroupView[];
  readySurge: number;
  /** not updated and not Ready: each uses one unit of the maxUnavailable budget */
  downOld: GroupView[];
  /** on an old revision, at or above the user partition: still to be updated */
  toUpdate: GroupView[];
  /** on an old revision below the user partition: kept there on purpose */
  held: GroupView[];
}

export interface RolloutFindings {
  rollout: RolloutDiagnosis;
  /** what the rollout means for particular groups, added to their causes */
  groupCauses: Map<number, Cause>;
}

type BaseDiagnoses = ReadonlyMap<number, Pick<GroupDiagnosis, "verdict" | "causes">>;

function scaled(value: unknown, replicas: number, roundUp: boolean, fallback: number): number {
  try {
    return scaledValue(value ?? fallback, replicas, roundUp);
  } catch {
    return fallback;
  }
}

function rolloutPlan(lws: LwsView, statefulSets: StatefulSetView[]): RolloutPlan | undefined {
  const leaderSts = statefulSets.find((s) => s.name === lws.metadata.name && s.namespace === lws.metadata.namespace);
  const target = leaderSts?.labels[LABELS.templateRevisionHash];
  if (!leaderSts || !target) return undefined;
  const config = record(record(record(lws.spec).rolloutStrategy).rollingUpdateConfiguration);
  const replicas = lwsReplicas(lws);
  return {
    leaderSts,
    target,
    replicas,
    userPartition: integer(config.partition) ?? 0,
    maxUnavailable: scaled(config.maxUnavailable, replicas, false, 1),
    maxSurge: Math.min(scaled(config.maxSurge, replicas, true, 0), replicas),
  };
}

function standing(plan: RolloutPlan, groups: GroupView[]): Standing {
  const isUpdated = (g: GroupView) => g.revision === plan.target || (!g.leader && g.index >= plan.leaderSts.partition);
  const inPlace = groups.filter((g) => !g.surge);
  const surge = groups.filter((g) => g.surge && !g.leader?.deleting && g.health !== "missing");
  const outdated = inPlace.filter((g) => g.revision !== undefined && g.revision !== plan.target);
  return {
    plan,
    updated: inPlace.filter(isUpdated),
    waiting: inPlace.filter((g) => isUpdated(g) && g.health !== "ready"),
    surgeWaiting: surge.filter((g) => g.health !== "ready"),
    readySurge: surge.filter((g) => g.health === "ready").length,
    downOld: inPlace.filter((g) => !isUpdated(g) && g.health !== "ready"),
    toUpdate: outdated.filter((g) => g.index >= plan.userPartition),
    held: outdated.filter((g) => g.index < plan.userPartition),
  };
}

/** The first cause the group's own diagnosis found, else the state of its first pod that is not Ready. */
function whyNotReady(group: GroupView, base: BaseDiagnoses): string {
  const cause = base.get(group.index)?.causes[0]?.summary;
  if (cause) return cause;
  const pod = podsOf(group).find((p) => !p.ready);
  return pod ? `pod/${pod.name} ${pod.status}` : "no pods yet";
}

function groupList(groups: GroupView[], base: BaseDiagnoses): string {
  const shown = groups.slice(0, 3).map((g) => `group ${g.index} (${whyNotReady(g, base)})`);
  return [...shown, ...(groups.length > 3 ? [`${groups.length - 3} more`] : [])].join("; ");
}

function blocked(groups: GroupView[], base: BaseDiagnoses): boolean {
  return groups.some((g) => ["stuck", "failing"].includes(base.get(g.index)?.verdict ?? ""));
}

function stsEvidence(s: Standing): string[] {
  const { leaderSts, target, userPartition } = s.plan;
  const held = s.held.length > 0 ? [`groups below partition ${userPartition} stay on their revision: ${s.held.map((g) => g.index).join(", ")}`] : [];
  return [`statefulset/${leaderSts.name}: partition ${leaderSts.partition}, template-revision-hash ${target}`, `${s.updated.length}/${s.plan.replicas} groups updated`, ...held];
}

function causeFor(groups: GroupView[], cause: Cause): Map<number, Cause> {
  return new Map(groups.map((g) => [g.index, cause]));
}

function waitingOnUpdated(s: Standing, base: BaseDiagnoses): RolloutFindings {
  const { target } = s.plan;
  const list = groupList(s.waiting, base);
  const rollout: RolloutDiagnosis = blocked(s.waiting, base)
    ? { verdict: "stuck", summary: `rolling update to revision ${target} waits on ${s.waiting.length === 1 ? "an updated group" : "updated groups"} that cannot become Ready: ${list}`, evidence: stsEvidence(s), suggestion: "the new revision does not come up: fix the template (image, command, resource requests) and apply it again, or revert the change; the rollout goes on once the group is Ready" }
    : { verdict: "progressing", summary: `rolling update to revision ${target}: waiting for ${list} to become Ready`, evidence: stsEvidence(s) };
  return { rollout, groupCauses: causeFor(s.waiting, { summary: `the rolling update to revision ${target} waits for this group to become Ready`, evidence: stsEvidence(s).slice(0, 1) }) };
}

function waitingOnSurge(s: Standing, base: BaseDiagnoses): RolloutFindings {
  const { target, maxSurge } = s.plan;
  const list = groupList(s.surgeWaiting, base);
  const rollout: RolloutDiagnosis = blocked(s.surgeWaiting, base)
    ? { verdict: "stuck", summary: `rolling update to revision ${target} waits on surge ${list} (maxSurge ${maxSurge}): not Ready, so the surge cannot be reclaimed`, evidence: stsEvidence(s), suggestion: "surge groups run the new template on extra capacity: fix the template or free capacity for them; the surge is reclaimed once every group is updated and Ready" }
    : { verdict: "progressing", summary: `rolling update to revision ${target}: waiting for surge ${list} to become Ready (maxSurge ${maxSurge})`, evidence: stsEvidence(s) };
  return { rollout, groupCauses: causeFor(s.surgeWaiting, { summary: `surge group (maxSurge ${maxSurge}) not Ready: the rolling update waits for it and reclaims the surge only after`, evidence: stsEvidence(s).slice(0, 1) }) };
}

function budgetUsedUp(s: Standing, base: BaseDiagnoses): RolloutFindings {
  const { maxUnavailable } = s.plan;
  const budget = `maxUnavailable ${maxUnavailable}${s.readySurge > 0 ? ` plus ${plural(s.readySurge, "Ready surge group")}` : ""}`;
  const rollout: RolloutDiagnosis = {
    verdict: blocked(s.downOld, base) ? "stuck" : "progressing",
    summary: `rolling update cannot take another group down: ${budget} is used up by ${plural(s.downOld.length, "group")} not Ready: ${groupList(s.downOld, base)}`,
    evidence: [...stsEvidence(s), `${plural(s.toUpdate.length, "group")} still to update`],
    suggestion: "get those groups Ready (see their causes), or raise maxUnavailable so the update goes on without them",
  };
  return { rollout, groupCauses: causeFor(s.downOld, { summary: `not Ready on an old revision: uses the rolling update's maxUnavailable budget (${maxUnavailable}), so no other group can be updated`, evidence: stsEvidence(s).slice(0, 1) }) };
}

function pausedByPartition(s: Standing): RolloutDiagnosis {
  const { userPartition } = s.plan;
  const revisions = [...new Set(s.held.map((g) => g.revision))].join(", ");
  return {
    verdict: "progressing",
    summary: `rolling update paused by partition ${userPartition}: ${plural(s.held.length, "group")} below it stay on revision ${revisions}`,
    evidence: stsEvidence(s),
    suggestion: `this is intentional (spec.rolloutStrategy.rollingUpdateConfiguration.partition: ${userPartition}): lower the partition to update more groups, set it to 0 to finish the rollout`,
  };
}

/**
 * The LWS-level state of a rolling update and what it means for particular groups; undefined when
 * every group runs the current revision and no surge group is left. `base` holds each group's
 * own verdict and causes, which explain why a group the rollout waits on is not Ready.
 */
export function rolloutFindings(lws: LwsView, statefulSets: StatefulSetView[], groups: GroupView[], base: BaseDiagnoses): RolloutFindings | undefined {
  const plan = rolloutPlan(lws, statefulSets);
  if (!plan) return undefined;
  const s = standing(plan, groups);
  if (s.toUpdate.length === 0 && s.held.length === 0 && s.surgeWaiting.length === 0 && s.readySurge === 0) return undefined;
  if (s.waiting.length > 0) return waitingOnUpdated(s, base);
  if (s.surgeWaiting.length > 0) return waitingOnSurge(s, base);
  const budgetFull = s.downOld.length > 0 && s.downOld.length >= plan.maxUnavailable + s.readySurge;
  if (budgetFull && s.toUpdate.some((g) => g.health === "ready")) return budgetUsedUp(s, base);
  const rollout = s.toUpdate.length === 0 ? pausedByPartition(s) : { verdict: "progressing" as const, summary: `rolling update to revision ${plan.target}: ${s.updated.length}/${plan.replicas} groups updated`, evidence: stsEvidence(s) };
  return { rollout, groupCauses: new Map() };
}
