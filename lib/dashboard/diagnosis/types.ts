import type { EventView, LwsView, NodeView, PodView, PvcView, StatefulSetView } from "../view-models";

/** `degraded`: the group is Ready, but something is wrong with it (placement split, a node going). */
export type Verdict = "healthy" | "degraded" | "progressing" | "stuck" | "failing";

export interface Cause {
  /** one line in plain words */
  summary: string;
  /** the objects, conditions and events it rests on */
  evidence: string[];
  suggestion?: string;
}

/** How often a group was torn down and recreated, and how often its current pods restarted. */
export interface RestartHistory {
  /** RecreateGroup events, however old: events persist in the store, so this survives reconnects and restarts */
  count: number;
  firstAt?: string;
  lastAt?: string;
  /** container restarts of the group's current pods */
  podRestarts: number;
}

export interface GroupDiagnosis {
  index: number;
  verdict: Verdict;
  causes: Cause[];
  restarts: RestartHistory;
}

/** The LWS-level picture of a rolling update: where it stands, or what holds it. */
export interface RolloutDiagnosis extends Cause {
  verdict: "progressing" | "stuck";
}

export interface LwsDiagnosis {
  /** undefined when no rolling update is under way */
  rollout?: RolloutDiagnosis;
  groups: GroupDiagnosis[];
}

export interface DiagnosisInput {
  lws: LwsView;
  pods: PodView[];
  statefulSets: StatefulSetView[];
  nodes: ReadonlyMap<string, NodeView>;
  events: EventView[];
  /**
   * Every pod of the LWS's namespace (pods of others do no harm): the namespace trap and the
   * domains other groups hold come from them when a group is unschedulable; free room per node
   * comes from NodeView.requested. Defaults to `pods`.
   */
  namespacePods?: readonly PodView[];
  /** the namespace's claims; without them Pending claims go unexplained */
  claims?: PvcView[];
  now?: number;
}
