/*
 * LWS status accounting over leader pods and the Available / Progressing / UpdateInProgress
 * conditions (upstream `updateConditions` / `setConditions`).
 */
import { CONDITION_TYPES, EVENT_REASONS } from "@/lib/lws/constants";

type LwsConditionType = (typeof CONDITION_TYPES)[keyof typeof CONDITION_TYPES];

const { available: AVAILABLE, progressing: PROGRESSING, updateInProgress: UPDATE_IN_PROGRESS } = CONDITION_TYPES;

const CONDITIONS: Record<LwsConditionType, { reason: string; message: string }> = {
  [AVAILABLE]: { reason: EVENT_REASONS.allGroupsReady, message: "All replicas are ready" },
  [PROGRESSING]: { reason: EVENT_REASONS.groupsProgressing, message: "Replicas are progressing" },
  [UPDATE_IN_PROGRESS]: { reason: EVENT_REASONS.groupsUpdating, message: "Rolling Upgrade is in progress" },
};

// Available excludes both others; Progressing and UpdateInProgress may be True together.
const EXCLUDED: Record<LwsConditionType, readonly string[]> = {
  [AVAILABLE]: [PROGRESSING, UPDATE_IN_PROGRESS],
  [PROGRESSING]: [AVAILABLE],
  [UPDATE_IN_PROGRESS]: [AVAILABLE],
};

export interface GroupObservation {
  index: number;
  /** False when the group's worker StatefulSet is missing (size > 1): the group is not counted. */
  exists: boolean;
  ready: boolean;
  updated: boolean;
}

export interface GroupAccounting {
  /** Ready groups, surge included. */
  readyReplicas: number;
  /** Updated groups, surge included. */
  updatedReplicas: number;
  /** Existing groups with P_user <= index < R ("partitioned non-burst"). */
  pc: number;
  /** ... of which updated. */
  pu: number;
  /** ... of which updated and ready. */
  pur: number;
  /** Ready groups with index < R, whatever the partition. */
  rnb: number;
  /** The rollout is finished: old revisions may be truncated. */
  updateDone: boolean;
}

export interface Condition {
  type: string;
  status: "True" | "False";
  reason: string;
  message: string;
  observedGeneration?: number;
  lastTransitionTime: string;
}

export interface ConditionsUpdate {
  conditions: Condition[];
  changed: boolean;
  /** Normal event (action Update) to record when the conditions changed. */
  event?: { reason: string; note: string };
}

export function accountGroups(groups: GroupObservation[], replicas: number, userPartition: number): GroupAccounting {
  const counts = { readyReplicas: 0, updatedReplicas: 0, pc: 0, pu: 0, pur: 0, rnb: 0 };
  for (const group of groups) {
    if (!group.exists) continue;
    const desired = group.index < replicas;
    const partitioned = desired && group.index >= userPartition;
    if (group.ready) counts.readyReplicas++;
    if (group.updated) counts.updatedReplicas++;
    if (partitioned) counts.pc++;
    if (partitioned && group.updated) counts.pu++;
    if (partitioned && group.updated && group.ready) counts.pur++;
    if (desired && group.ready) counts.rnb++;
  }
  return { ...counts, updateDone: userPartition === 0 && counts.pur === replicas };
}

export function nextConditions(existing: Condition[], accounting: GroupAccounting, replicas: number, generation: number, now: string): ConditionsUpdate {
  const wanted = wantedConditions(accounting, replicas);
  const conditions = existing.map((condition) => ({ ...condition }));
  let changed = false;
  // Upstream accumulates with a short-circuiting `changed || set(...)`: once one condition
  // changes, the rest of the list waits for the next reconcile.
  for (const type of wanted) {
    if (changed) break;
    changed = setCondition(conditions, type, generation, now);
  }
  for (const condition of conditions) {
    if (condition.observedGeneration === generation) continue;
    condition.observedGeneration = generation;
    changed = true;
  }
  if (!changed) return { conditions, changed };
  const first = CONDITIONS[wanted[0]];
  const note = `${first.message}, with ${accounting.readyReplicas} groups ready of total ${replicas} groups`;
  return { conditions, changed, event: { reason: first.reason, note } };
}

function wantedConditions(accounting: GroupAccounting, replicas: number): LwsConditionType[] {
  if (accounting.pu < accounting.pc) return [UPDATE_IN_PROGRESS, PROGRESSING];
  if (accounting.rnb === replicas && accounting.pur === accounting.pc) return [AVAILABLE];
  return [PROGRESSING];
}

/** Sets `type` to True in place, flipping the conditions it excludes to False. */
function setCondition(conditions: Condition[], type: LwsConditionType, generation: number, now: string): boolean {
  const wanted: Condition = { type, status: "True", ...CONDITIONS[type], observedGeneration: generation, lastTransitionTime: now };
  let found = false;
  let changed = false;
  conditions.forEach((current, idx) => {
    if (current.type === type) {
      found = true;
      if (current.status === wanted.status && current.observedGeneration === generation) return;
      conditions[idx] = wanted;
      changed = true;
    } else if (EXCLUDED[type].includes(current.type) && current.status === "True") {
      conditions[idx] = { ...current, status: "False", observedGeneration: generation, lastTransitionTime: now };
      changed = true;
    }
  });
  if (!found) conditions.push(wanted);
  return changed || !found;
}
