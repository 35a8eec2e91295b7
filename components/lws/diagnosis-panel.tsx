"use client";

import { useEffect, useRef } from "react";
import { sharedDiagnoses, type Cause, type GroupDiagnosis, type RestartHistory, type RolloutDiagnosis, type SharedCause, type SharedDiagnosis } from "@/lib/dashboard/diagnosis";
import { groupsText } from "@/lib/dashboard/group-ranges";
import { age } from "../ui/time-ago";
import { VerdictBadge } from "../ui/verdict-badge";

const GROUPS_LISTED = 50;

function EvidenceList({ lines }: { lines: string[] }) {
  return (
    <ul className="mt-1 list-inside list-disc font-mono text-xs text-slate-500 dark:text-slate-400">
      {lines.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

function CauseText({ cause }: { cause: Cause | SharedCause }) {
  const perGroup = "perGroup" in cause ? cause.perGroup : [];
  return (
    <div className="mt-2 text-sm">
      <p className="font-medium">{cause.summary}</p>
      {cause.suggestion && <p className="mt-0.5 text-slate-700 dark:text-slate-300">Try: {cause.suggestion}</p>}
      <EvidenceList lines={cause.evidence} />
      {perGroup.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-300">Evidence of each group ({perGroup.length})</summary>
          <EvidenceList lines={perGroup.slice(0, GROUPS_LISTED).flatMap((g) => g.evidence.map((line) => `group ${g.index}: ${line}`))} />
          {perGroup.length > GROUPS_LISTED && <p className="mt-1 text-xs">and {perGroup.length - GROUPS_LISTED} more groups</p>}
        </details>
      )}
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

function DiagnosisCard({ shared, linked }: { shared: SharedDiagnosis; linked: boolean }) {
  const card = useRef<HTMLLIElement>(null);
  // A group the URL names is scrolled to once, when the panel opens on it.
  useEffect(() => {
    if (linked) card.current?.scrollIntoView({ block: "center" });
  }, [linked]);
  const { indexes, verdict, causes } = shared;
  const title = groupsText(indexes);
  return (
    <li ref={card} aria-current={linked || undefined} className={`rounded-lg border bg-white p-3 dark:bg-slate-900 ${linked ? "border-sky-500 ring-2 ring-sky-500" : "border-slate-200 dark:border-slate-800"}`}>
      <div className="flex items-center gap-2">
        <span className="font-semibold">{title[0].toUpperCase() + title.slice(1)}</span>
        <VerdictBadge verdict={verdict} className="py-0.5 text-xs" />
        {indexes.length > 1 && <span className="text-xs text-slate-500 dark:text-slate-400">{indexes.length} groups, one diagnosis</span>}
      </div>
      {causes.length === 0 && <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{verdict === "healthy" ? "Ready, and nothing wrong with it." : "Pods are starting."}</p>}
      {causes.map((cause, i) => (
        <CauseText key={i} cause={cause} />
      ))}
    </li>
  );
}

/** Unhealthy groups that say the same, together; the group the URL names on a card of its own. */
function cardsOf(groups: GroupDiagnosis[], linkedGroup: number | undefined): SharedDiagnosis[] {
  const unhealthy = groups.filter((g) => g.verdict !== "healthy" && g.index !== linkedGroup);
  const linked = groups.filter((g) => g.index === linkedGroup);
  return [...sharedDiagnoses(unhealthy), ...sharedDiagnoses(linked)].sort((a, b) => a.indexes[0] - b.indexes[0]);
}

/**
 * Why the rolling update and each unhealthy group are where they are, with evidence and a next
 * step; groups with the same diagnosis share a card. `linkedGroup`, the group the URL names, is
 * shown on its own even when healthy, and marked.
 */
export function DiagnosisPanel({ groups, rollout, linkedGroup }: { groups: GroupDiagnosis[]; rollout?: RolloutDiagnosis; linkedGroup?: number }) {
  const cards = cardsOf(groups, linkedGroup);
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
      {cards.every((c) => c.verdict === "healthy") && <p className="text-emerald-700 dark:text-emerald-300">All {groups.length} groups are healthy.</p>}
      {cards.length > 0 && (
        <ul className="space-y-3" aria-label="Diagnosis">
          {cards.map((card) => (
            <DiagnosisCard key={card.indexes[0]} shared={card} linked={card.indexes[0] === linkedGroup} />
          ))}
        </ul>
      )}
      <RestartHistoryList groups={groups} />
    </div>
  );
}
