"use client";

import { useDeferredValue, useMemo } from "react";
import type { ClusterState } from "@/lib/dashboard/cluster-state";
import { diagnoseLws, type LwsDiagnosis, type Verdict } from "@/lib/dashboard/diagnosis";
import { groupsOf, type GroupView } from "@/lib/dashboard/groups";
import type { EventView, LwsView, PodView, PvcView, StatefulSetView } from "@/lib/dashboard/view-models";
import { LABELS } from "@/lib/lws/constants";

export interface LwsObjects {
  lws: LwsView;
  pods: PodView[];
  groups: GroupView[];
  owned: StatefulSetView[];
  claims: PvcView[];
  events: EventView[];
}

function objectsOf(state: ClusterState, lws: LwsView): LwsObjects {
  const namespace = lws.metadata.namespace ?? "";
  const name = lws.metadata.name ?? "";
  const pods = [...state.pod.values()].filter((p) => p.namespace === namespace && p.lws === name);
  const owned = [...state.statefulset.values()].filter((s) => s.namespace === namespace && (s.name === name || s.name.startsWith(`${name}-`)));
  const claims = [...state.pvc.values()].filter((c) => c.namespace === namespace && c.labels[LABELS.name] === name);
  const claimNames = new Set(claims.map((c) => c.name));
  const events = [...state.event.values()].filter((e) => e.namespace === namespace && (e.involved.name === name || e.involved.name.startsWith(`${name}-`) || (e.involved.kind === "PersistentVolumeClaim" && claimNames.has(e.involved.name))));
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
