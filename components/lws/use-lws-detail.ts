"use client";

import { useDeferredValue, useMemo } from "react";
import type { ClusterState } from "@/lib/dashboard/cluster-state";
import { diagnoseLws, type LwsDiagnosis, type Verdict } from "@/lib/dashboard/diagnosis";
import { groupsOf, type GroupView } from "@/lib/dashboard/groups";
import type { EventView, LwsView, PodView, PvcView, StatefulSetView } from "@/lib/dashboard/view-models";
import { matchesFilter } from "@/lib/dashboard/stream-filter";

export interface LwsObjects {
  lws: LwsView;
  pods: PodView[];
  groups: GroupView[];
  owned: StatefulSetView[];
  claims: PvcView[];
  events: EventView[];
}

/** The LWS's own objects, by the rules its stream is filtered with (the state may briefly hold a wider stream's). */
function objectsOf(state: ClusterState, lws: LwsView): LwsObjects {
  const filter = { namespace: lws.metadata.namespace ?? "", lws: lws.metadata.name ?? "" };
  const pods = [...state.pod.values()].filter((p) => p.namespace === filter.namespace && p.lws === filter.lws);
  const owned = [...state.statefulset.values()].filter((s) => matchesFilter(filter, "statefulset", s));
  const claims = [...state.pvc.values()].filter((c) => matchesFilter(filter, "pvc", c));
  const events = [...state.event.values()].filter((e) => matchesFilter(filter, "event", e));
  return { lws, pods, groups: groupsOf(lws, pods), owned, claims, events };
}

const NO_VERDICTS: ReadonlyMap<number, Verdict> = new Map();

/**
 * One LWS's objects from the live state, recomputed only when the state changes (not on hover or
 * a URL change), and its diagnosis a beat behind: a 1,000-group LWS draws its groups first and
 * its verdicts in the render after, so the page is readable without waiting for them.
 */
export function useLwsDetail(state: ClusterState, namespace: string, name: string): { objects?: LwsObjects; diagnosis?: LwsDiagnosis; verdicts: ReadonlyMap<number, Verdict> } {
  const lws = state.lws.get(`${namespace}/${name}`);
  const objects = useMemo(() => (lws ? objectsOf(state, lws) : undefined), [state, lws]);
  const deferredState = useDeferredValue(state, undefined);
  const deferredObjects = useDeferredValue(objects, undefined);
  const diagnosis = useMemo(() => {
    if (!deferredObjects || !deferredState) return undefined;
    const { lws: view, pods, owned, events, claims } = deferredObjects;
    return diagnoseLws({ lws: view, pods, namespacePods: [...deferredState.pod.values()], statefulSets: owned, nodes: deferredState.node, events, claims });
  }, [deferredObjects, deferredState]);
  const verdicts = useMemo(() => (diagnosis ? new Map(diagnosis.groups.map((g) => [g.index, g.verdict])) : NO_VERDICTS), [diagnosis]);
  return { objects, diagnosis, verdicts };
}
