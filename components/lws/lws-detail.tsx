"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { lwsReplicas } from "@/lib/dashboard/groups";
import { lwsHref } from "@/lib/dashboard/links";
import type { PodView } from "@/lib/dashboard/view-models";
import { integer, record, records, text } from "@/lib/k8s/object-fields";
import { LABELS } from "@/lib/lws/constants";
import { RackMap } from "../placement/rack-map";
import { UnplacedPods } from "../placement/unplaced-pods";
import { useCluster } from "../stream/use-cluster";
import { GroupGraph } from "../topology/group-graph";
import { DiagnosisPanel } from "./diagnosis-panel";
import { LwsActions } from "./lws-actions";
import { Tabs } from "@/components/ui/tabs";
import { EventsList, PodPanel } from "./pod-panel";
import { useLwsDetail } from "./use-lws-detail";

const TABS = ["groups", "diagnosis", "placement", "events", "objects"] as const;
type Tab = (typeof TABS)[number];

/** A group index from the URL (`?group=3`), if it is one. */
function groupParam(value: string | null): number | undefined {
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** `/lws/<ns>/<name>`: groups, placement, events and owned objects of one LWS, live; the URL carries tab, group and pod. */
export function LwsDetail({ namespace, name }: { namespace: string; name: string }) {
  const { data: state, loaded } = useCluster({ namespace, lws: name });
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [hoverGroup, setHoverGroup] = useState<number>();
  const tab: Tab = TABS.includes(params.get("tab") as Tab) ? (params.get("tab") as Tab) : "groups";
  const selected = params.get("pod") ?? undefined;
  const linkedGroup = groupParam(params.get("group"));
  const setParam = useCallback((key: string, value: string | undefined) => {
    const next = new URLSearchParams(params.toString());
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  }, [params, pathname, router]);
  const onSelectPod = useCallback((pod: PodView) => setParam("pod", pod.name), [setParam]);
  const { objects, diagnosis, verdicts } = useLwsDetail(state, namespace, name);
  if (!objects) return <p className="text-slate-500">{loaded ? `LeaderWorkerSet ${namespace}/${name} not found.` : "Loading…"}</p>;
  const { lws, pods, groups, owned, events } = objects;
  const leaderSts = state.statefulset.get(`${namespace}/${name}`);
  const status = record(lws.status);
  const template = record(record(lws.spec).leaderWorkerTemplate);
  const subGroupSize = integer(record(template.subGroupPolicy).subGroupSize);
  const selectedPod = pods.find((p) => p.name === selected);
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/" className="hover:underline">LeaderWorkerSets</Link> / {namespace} / <span aria-current="page">{name}</span>
      </nav>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{name}</h1>
        <span className="text-sm">ready {integer(status.readyReplicas) ?? 0}/{lwsReplicas(lws)} · up-to-date {integer(status.updatedReplicas) ?? 0} · size {integer(template.size) ?? 1}</span>
        <ul className="flex gap-2 text-xs" aria-label="Conditions">
          {records(status.conditions).map((c) => (
            <li key={text(c.type)} title={text(c.message)} className={`rounded-full px-2 py-0.5 ${c.status === "True" ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100" : "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300"}`}>
              {text(c.type)}={text(c.status)}
            </li>
          ))}
        </ul>
      </header>
      <LwsActions lws={lws} groupCount={groups.length} podCount={pods.length} linkedGroup={linkedGroup} />
      <div className={`grid gap-4 ${selectedPod ? "lg:grid-cols-[1fr_24rem]" : ""}`}>
        <div className="min-w-0">
          <Tabs label="Views" id="lws-view" tabs={TABS} selected={tab} onSelect={(t) => setParam("tab", t)}>
            {tab === "groups" && <GroupGraph lws={lws} groups={groups} currentRevision={leaderSts?.labels[LABELS.templateRevisionHash]} partition={leaderSts?.partition ?? 0} subGroupSize={subGroupSize} verdicts={verdicts} selectedPod={selected} onSelectPod={onSelectPod} linkedGroup={linkedGroup} />}
            {tab === "placement" && (
              <>
                <UnplacedPods pods={pods} diagnosisHref={lwsHref(lws, "diagnosis")} />
                <RackMap nodes={[...state.node.values()]} pods={pods} focus highlightGroup={hoverGroup} groupVerdicts={verdicts} onHoverGroup={setHoverGroup} onSelectPod={onSelectPod} />
              </>
            )}
            {tab === "diagnosis" && (diagnosis ? <DiagnosisPanel groups={diagnosis.groups} rollout={diagnosis.rollout} linkedGroup={linkedGroup} /> : <p className="text-slate-500">Diagnosing…</p>)}
            {tab === "events" && <EventsList events={events} />}
            {tab === "objects" && (
              <ul className="space-y-1 text-sm">
                {owned.map((s) => (
                  <li key={s.uid} className="font-mono">
                    statefulset/{s.name}: {s.readyReplicas}/{s.replicas} ready{s.name === name ? ` (leader, partition ${s.partition})` : ""}
                  </li>
                ))}
              </ul>
            )}
          </Tabs>
        </div>
        {selectedPod && <PodPanel pod={selectedPod} node={selectedPod.nodeName ? state.node.get(`/${selectedPod.nodeName}`) : undefined} events={events.filter((e) => e.involved.name === selectedPod.name)} onClose={() => setParam("pod", undefined)} />}
      </div>
    </div>
  );
}
