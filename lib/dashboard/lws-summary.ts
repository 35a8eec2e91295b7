import type { LwsDiagnosis, Verdict } from "./diagnosis";
import { groupsOf } from "./groups";
import type { GroupTrouble, LwsSummaryView, LwsView, PodView } from "./view-models";

const IN_TROUBLE: ReadonlySet<Verdict> = new Set(["stuck", "failing", "degraded"]);

/** What the overview shows of an LWS, from its pods and its diagnosis. */
export function summarizeLws(lws: LwsView, pods: readonly PodView[], diagnosis: LwsDiagnosis): LwsSummaryView {
  const groups = groupsOf(lws, pods).map(({ index, health, readyPods, size, surge }) => ({ index, health, readyPods, size, surge }));
  let restarts = 0;
  let lastRestartAt: string | undefined;
  for (const pod of pods) {
    restarts += pod.restarts;
    if (pod.lastRestartAt && (!lastRestartAt || pod.lastRestartAt > lastRestartAt)) lastRestartAt = pod.lastRestartAt;
  }
  const trouble: GroupTrouble[] = diagnosis.groups
    .filter((g) => IN_TROUBLE.has(g.verdict))
    .map((g) => ({ index: g.index, verdict: g.verdict, summary: g.causes[0]?.summary ?? "pods are failing" }));
  return { namespace: lws.metadata.namespace ?? "", name: lws.metadata.name ?? "", groups, restarts, ...(lastRestartAt ? { lastRestartAt } : {}), trouble };
}
