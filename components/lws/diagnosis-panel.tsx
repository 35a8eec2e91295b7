import type { GroupDiagnosis, Verdict } from "@/lib/dashboard/diagnosis";

const VERDICT_STYLE: Record<Verdict, string> = {
  healthy: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  progressing: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  stuck: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
  failing: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

/** Why each unhealthy group is where it is, in plain words, with evidence and a next step. */
export function DiagnosisPanel({ groups }: { groups: GroupDiagnosis[] }) {
  const unhealthy = groups.filter((g) => g.verdict !== "healthy");
  if (unhealthy.length === 0) return <p className="text-emerald-700 dark:text-emerald-300">All {groups.length} groups are healthy.</p>;
  return (
    <ul className="space-y-3" aria-label="Diagnosis">
      {unhealthy.map((group) => (
        <li key={group.index} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
          <div className="flex items-center gap-2">
            <span className="font-semibold">Group {group.index}</span>
            <span className={`rounded-full px-2 py-0.5 text-xs ${VERDICT_STYLE[group.verdict]}`}>{group.verdict}</span>
          </div>
          {group.causes.length === 0 && <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Pods are starting.</p>}
          {group.causes.map((cause, i) => (
            <div key={i} className="mt-2 text-sm">
              <p className="font-medium">{cause.summary}</p>
              {cause.suggestion && <p className="mt-0.5 text-slate-700 dark:text-slate-300">Try: {cause.suggestion}</p>}
              <ul className="mt-1 list-inside list-disc font-mono text-xs text-slate-500 dark:text-slate-400">
                {cause.evidence.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
