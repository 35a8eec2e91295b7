"use client";

import { useEffect, useRef } from "react";
import type { Cause, GroupDiagnosis, RestartHistory, RolloutDiagnosis } from "@/lib/dashboard/diagnosis";
import { age } from "../ui/time-ago";
import { VerdictBadge } from "../ui/verdict-badge";

function CauseText({ cause }: { cause: Cause }) {
  return (
    <div className="mt-2 text-sm">
      <p className="font-medium">{cause.summary}</p>
      {cause.suggestion && <p className="mt-0.5 text-slate-700 dark:text-slate-300">Try: {cause.suggestion}</p>}
      <ul className="mt-1 list-inside list-disc font-mono text-xs text-slate-500 dark:text-slate-400">
        {cause.evidence.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

function restartText(restarts: RestartHistory): string {
  const recreated = restarts.count > 0 ? `recreated ${restarts.count}× (first ${age(restarts.firstAt)} ago, last ${age(restarts.lastAt)} ago)` : "never recreated";
  return `${recreated}; current pods restarted ${restarts.podRestarts}×`;
}

/** Groups that were recreated or whose pods restarted, healthy ones too: a loop that paused is still worth knowing. */
function RestartHistoryList({ groups }: { groups: GroupDiagnosis[] }) {
  const restarted = groups.filter((g) => g.restarts.count > 0 || g.restarts.podRestarts > 0);
  if (restarted.length === 0) return null;
  return (
    <section aria-labelledby="restart-history-heading" className="text-sm">
      <h3 id="restart-history-heading" className="font-semibold">Restart history</h3>
      <ul className="mt-1 space-y-0.5">
        {restarted.slice(0, 50).map((g) => (
          <li key={g.index}>
            <span className="font-medium">Group {g.index}</span>: {restartText(g.restarts)}
          </li>
        ))}
      </ul>
      {restarted.length > 50 && <p className="mt-1">and {restarted.length - 50} more</p>}
    </section>
  );
}

function GroupCard({ group, linked }: { group: GroupDiagnosis; linked: boolean }) {
  const card = useRef<HTMLLIElement>(null);
  // A group the URL names is scrolled to once, when the panel opens on it.
  useEffect(() => {
    if (linked) card.current?.scrollIntoView({ block: "center" });
  }, [linked]);
  return (
    <li ref={card} aria-current={linked || undefined} className={`rounded-lg border bg-white p-3 dark:bg-slate-900 ${linked ? "border-sky-500 ring-2 ring-sky-500" : "border-slate-200 dark:border-slate-800"}`}>
      <div className="flex items-center gap-2">
        <span className="font-semibold">Group {group.index}</span>
        <VerdictBadge verdict={group.verdict} className="py-0.5 text-xs" />
      </div>
      {group.causes.length === 0 && <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{group.verdict === "healthy" ? "Ready, and nothing wrong with it." : "Pods are starting."}</p>}
      {group.causes.map((cause, i) => (
        <CauseText key={i} cause={cause} />
      ))}
    </li>
  );
}

/**
 * Why the rolling update and each unhealthy group are where they are, with evidence and a next
 * step. `linkedGroup`, the group the URL names, is shown even when healthy, and marked.
 */
export function DiagnosisPanel({ groups, rollout, linkedGroup }: { groups: GroupDiagnosis[]; rollout?: RolloutDiagnosis; linkedGroup?: number }) {
  const shown = groups.filter((g) => g.verdict !== "healthy" || g.index === linkedGroup);
  return (
    <div className="space-y-4">
      {rollout && (
        <section aria-label="Rolling update" className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
          <div className="flex items-center gap-2 text-sm">
            <span className="font-semibold">Rolling update</span>
            <VerdictBadge verdict={rollout.verdict} className="py-0.5 text-xs" />
          </div>
          <CauseText cause={rollout} />
        </section>
      )}
      {shown.every((g) => g.verdict === "healthy") && <p className="text-emerald-700 dark:text-emerald-300">All {groups.length} groups are healthy.</p>}
      {shown.length > 0 && (
        <ul className="space-y-3" aria-label="Diagnosis">
          {shown.map((group) => (
            <GroupCard key={group.index} group={group} linked={group.index === linkedGroup} />
          ))}
        </ul>
      )}
      <RestartHistoryList groups={groups} />
    </div>
  );
}
