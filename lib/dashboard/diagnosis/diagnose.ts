import { ANNOTATIONS } from "@/lib/lws/constants";
import { groupsOf, type GroupView } from "../groups";
import type { EventView } from "../view-models";
import { notReadyNodes, splitAcrossDomains } from "./placement-causes";
import { placementView, type PlacementView } from "./placement-view";
import { recreationsByGroup, restartHistory, restartLoop } from "./restart-history";
import { rolloutFindings } from "./rollout";
import { leaderReadyWait, missingWorkers, workerLookup, type WorkerLookup } from "./startup-causes";
import type { Cause, DiagnosisInput, GroupDiagnosis, LwsDiagnosis, RolloutDiagnosis, Verdict } from "./types";
import { unschedulable } from "./unschedulable-causes";
import { pendingClaims, unboundClaims, type UnboundClaims } from "./volume-causes";

interface Context {
  input: DiagnosisInput;
  now: number;
  exclusive?: string;
  recreations: Map<number, EventView[]>;
  unbound: UnboundClaims;
  placement: () => PlacementView;
  workers: () => WorkerLookup;
}

/** `waiting`: the group cannot start for want of something outside its pods (a node, a volume). */
function verdictOf(group: GroupView, causes: Cause[], looping: boolean, waiting: boolean): Verdict {
  if (group.health === "failing" || looping) return waiting ? "stuck" : "failing";
  if (group.health === "ready") return causes.length === 0 ? "healthy" : "degraded";
  return causes.length > 0 ? "stuck" : "progressing";
}

function groupDiagnosis(group: GroupView, ctx: Context): GroupDiagnosis {
  const { input, exclusive } = ctx;
  const claims = pendingClaims(group, ctx.unbound);
  const scheduling = unschedulable(group, claims.pods, ctx.placement);
  const recreations = ctx.recreations.get(group.index) ?? [];
  const restarts = restartHistory(group, recreations);
  const loop = restartLoop(recreations, restarts, ctx.now);
  const causes = [
    ...claims.causes,
    ...scheduling,
    ...leaderReadyWait(input.lws, group, input.nodes),
    ...missingWorkers(group, input.lws, ctx.workers),
    ...notReadyNodes(group, input.nodes),
    ...loop,
    ...splitAcrossDomains(group, input.nodes, exclusive),
  ];
  return { index: group.index, verdict: verdictOf(group, causes, loop.length > 0, claims.causes.length + scheduling.length > 0), causes, restarts };
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * Every group's verdict and causes, and the rolling update's state. A rollout cause joins the
 * causes of the groups it concerns without changing their verdict: that comes from their own pods.
 */
export function diagnoseLws(input: DiagnosisInput): LwsDiagnosis {
  const { lws } = input;
  const groups = groupsOf(lws, input.pods);
  const ctx: Context = {
    input,
    now: input.now ?? Date.now(),
    exclusive: lws.metadata.annotations?.[ANNOTATIONS.exclusiveTopology],
    recreations: recreationsByGroup(lws, input.events),
    unbound: unboundClaims(lws, input.claims ?? [], input.events),
    placement: once(() => placementView(lws, input.nodes, input.namespacePods ?? input.pods)),
    workers: once(() => workerLookup(lws, input.statefulSets, input.events)),
  };
  const own = groups.map((group) => groupDiagnosis(group, ctx));
  const findings = rolloutFindings(lws, input.statefulSets, groups, new Map(own.map((d) => [d.index, d])));
  if (!findings) return { groups: own };
  return {
    rollout: findings.rollout,
    groups: own.map((d) => {
      const extra = findings.groupCauses.get(d.index);
      return extra ? { ...d, causes: [...d.causes, extra] } : d;
    }),
  };
}

/** A verdict for every group of an LWS, and for unhealthy ones the causes in plain words. */
export function diagnose(input: DiagnosisInput): GroupDiagnosis[] {
  return diagnoseLws(input).groups;
}

/** Where the LWS's rolling update stands, or what holds it; undefined when none is under way. */
export function diagnoseRollout(input: DiagnosisInput): RolloutDiagnosis | undefined {
  return diagnoseLws(input).rollout;
}
