/*
 * The leader StatefulSet's `(partition, replicas)` for one LWS reconcile (upstream
 * `rollingUpdateParameters`). Groups are updated by lowering the StatefulSet partition; surge
 * groups are extra ordinals R..B-1 the StatefulSet creates on the new template.
 *
 * Terms, all scaled against R = spec.replicas: U = maxUnavailable (percent rounds down),
 * S = maxSurge (percent rounds up, capped at R), B = R + S, stsR / P_cur = the leader
 * StatefulSet's current replicas / partition. A group is "done" when ready && updated;
 * unready = groups in [0, R) that are not done (groups the StatefulSet lacks count).
 *
 * want(unready) = unready <= S ? R + max(0, unready - U) : B
 *   Full burst while many groups are pending; once the pending ones fit in the surge, keep only
 *   the surge that U cannot absorb, so surge is reclaimed gradually.
 *
 * Cases, first match wins; the partition is then floored at the user partition (P_user):
 * 1. No leader StatefulSet yet -> (0, R): every group is created at once.
 * 2. A new revision was detected this reconcile -> partition min(R, stsR) (nothing is updated
 *    yet); replicas R if a scale-up is pending (the new groups come up on the new template),
 *    else want(R) (burst first).
 * 3. P_cur == 0 and stsR == R -> (0, R), at rest. stsR < R -> (P_cur, R): finish a scale-up
 *    before rolling further.
 * 4. The StatefulSet's replicas annotation differs from R (spec.replicas changed mid-rollout)
 *    -> (min(P_cur, B), want(unready)).
 * 5. Rolling -> (rollingUpdatePartition(step), want(unready)), step = U + S - (B - stsR): each
 *    surge group that already exists lets one more group go down.
 */
import { rolloutBudget } from "@/lib/lws/int-or-percent";

export interface GroupState {
  ready: boolean;
  updated: boolean;
}

export interface LeaderStatefulSetState {
  replicas: number;
  partition: number;
  /** `leaderworkerset.sigs.k8s.io/replicas`: spec.replicas when the StatefulSet was last applied. */
  replicasAnnotation?: string;
}

export interface RolloutInput {
  replicas: number;
  maxUnavailable: number | string;
  maxSurge: number | string;
  userPartition: number;
  leaderStatefulSet?: LeaderStatefulSetState;
  newRevision: boolean;
  /** Per group index 0..stsR-1; a missing entry is a group that is neither ready nor updated. */
  groups: GroupState[];
}

export interface SurgeDeletion {
  from: number;
  to: number;
}

export interface RolloutDecision {
  partition: number;
  replicas: number;
  /** Set when replicas < current StatefulSet replicas: the ordinals being removed. */
  deletedSurge?: SurgeDeletion;
  /** GroupsUpdating event note when the partition moved without a new revision this round. */
  updatingNote?: string;
}

interface Budget {
  replicas: number;
  unavailable: number;
  surge: number;
  burst: number;
}

interface Position {
  partition: number;
  replicas: number;
}

const MISSING: GroupState = { ready: false, updated: false };

export function leaderStatefulSetRollout(input: RolloutInput): RolloutDecision {
  const position = rolloutPosition(input, budgetOf(input.replicas, input.maxUnavailable, input.maxSurge));
  const decision: RolloutDecision = { partition: Math.max(position.partition, input.userPartition), replicas: position.replicas };
  const sts = input.leaderStatefulSet;
  if (!sts) return decision;
  if (decision.replicas < sts.replicas) decision.deletedSurge = { from: decision.replicas, to: sts.replicas - 1 };
  if (!input.newRevision && decision.partition !== sts.partition) decision.updatingNote = updatingNote(sts.partition, decision.partition);
  return decision;
}

/** The leader StatefulSet's own maxUnavailable: max(1, U + min(S, R)). */
export function statefulSetMaxUnavailable(replicas: number, maxUnavailable: number | string, maxSurge: number | string): number {
  const budget = budgetOf(replicas, maxUnavailable, maxSurge);
  return Math.max(1, budget.unavailable + budget.surge);
}

/** Note of the GroupsProgressing/Delete event for surge groups removed by lowering the replicas. */
export function deletingSurgeNote(lwsName: string, deleted: SurgeDeletion): string {
  if (deleted.from === deleted.to) return `deleting surge replica ${lwsName}-${deleted.from}`;
  return `deleting surge replicas from ${lwsName}-${deleted.from} to ${lwsName}-${deleted.to}`;
}

function budgetOf(replicas: number, maxUnavailable: number | string, maxSurge: number | string): Budget {
  const { unavailable, surge } = rolloutBudget(replicas, maxUnavailable, maxSurge);
  return { replicas, unavailable, surge, burst: replicas + surge };
}

function rolloutPosition(input: RolloutInput, budget: Budget): Position {
  const R = budget.replicas;
  const sts = input.leaderStatefulSet;
  if (!sts) return { partition: 0, replicas: R };
  if (input.newRevision) {
    return { partition: Math.min(R, sts.replicas), replicas: sts.replicas < R ? R : wantReplicas(budget, R) };
  }
  if (sts.partition === 0 && sts.replicas === R) return { partition: 0, replicas: R };
  if (sts.replicas < R) return { partition: sts.partition, replicas: R };
  const replicas = wantReplicas(budget, unreadyGroups(input.groups, R));
  if (annotatedReplicas(sts) !== R) return { partition: Math.min(sts.partition, budget.burst), replicas };
  const step = budget.unavailable + budget.surge - (budget.burst - sts.replicas);
  return { partition: rollingUpdatePartition(input.groups, sts.replicas, step, sts.partition), replicas };
}

function wantReplicas(budget: Budget, unready: number): number {
  if (unready > budget.surge) return budget.burst;
  return budget.replicas + Math.max(0, unready - budget.unavailable);
}

/**
 * Update up to `step` groups below the done tail, but count groups already down below that point
 * against the budget, then also take any unready or already-updated groups just below: updating
 * them costs no availability, and it unsticks a rollout where everything is broken. The partition
 * only moves down within a rollout.
 */
function rollingUpdatePartition(groups: GroupState[], stsReplicas: number, step: number, current: number): number {
  const at = (idx: number) => groups[idx] ?? MISSING;
  let doneTail = 0;
  while (doneTail < stsReplicas && isDone(at(stsReplicas - 1 - doneTail))) doneTail++;
  const base = Math.max(0, stsReplicas - doneTail - step);
  let partition = base;
  for (let idx = 0; idx < base; idx++) if (!at(idx).ready) partition++;
  for (let idx = Math.min(partition, stsReplicas - 1); idx >= base; idx--) {
    const group = at(idx);
    if (group.ready && !group.updated) break;
    partition = idx;
  }
  return Math.min(partition, current);
}

function unreadyGroups(groups: GroupState[], replicas: number): number {
  let unready = 0;
  for (let idx = 0; idx < replicas; idx++) if (!isDone(groups[idx] ?? MISSING)) unready++;
  return unready;
}

function isDone(group: GroupState): boolean {
  return group.ready && group.updated;
}

// Upstream fails the reconcile on a missing or malformed annotation rather than guessing.
function annotatedReplicas(sts: LeaderStatefulSetState): number {
  const text = sts.replicasAnnotation ?? "";
  if (!/^[+-]?\d+$/.test(text)) throw new Error(`leader statefulset replicas annotation ${JSON.stringify(text)} is not an integer`);
  return Number(text);
}

function updatingNote(previous: number, partition: number): string {
  if (partition === previous - 1) return `Updating replica ${partition}`;
  return `Updating replicas ${partition} to ${previous - 1} (inclusive)`;
}
