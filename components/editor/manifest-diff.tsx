import { diffHunks, diffLines, type DiffLine } from "@/lib/k8s/text-diff";

const LINE_STYLE: Record<DiffLine["kind"], string> = {
  same: "text-slate-700 dark:text-slate-300",
  add: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  remove: "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100",
};
const MARK: Record<DiffLine["kind"], string> = { same: " ", add: "+", remove: "-" };
const SPOKEN: Record<DiffLine["kind"], string> = { same: "unchanged", add: "added", remove: "removed" };

/** A unified diff of two manifests, changed regions only, with both sides' line numbers. */
export function ManifestDiff({ before, after, beforeLabel }: { before: string; after: string; beforeLabel: string }) {
  const hunks = diffHunks(diffLines(before, after));
  if (hunks.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">No changes against {beforeLabel}.</p>;
  return (
    <div className="overflow-auto rounded-lg border border-slate-300 font-mono text-xs dark:border-slate-700" role="region" aria-label={`Changes against ${beforeLabel}`}>
      {hunks.map((hunk) => (
        <div key={`${hunk.oldStart}-${hunk.newStart}`}>
          <p className="bg-slate-100 px-2 py-0.5 text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            @@ -{hunk.oldStart},{hunk.oldLines} +{hunk.newStart},{hunk.newLines} @@{hunk.skippedBefore > 0 ? ` (${hunk.skippedBefore} unchanged lines above)` : ""}
          </p>
          {hunk.lines.map((line, i) => (
            <div key={i} className={`flex whitespace-pre ${LINE_STYLE[line.kind]}`} aria-label={`${SPOKEN[line.kind]}: ${line.text}`}>
              <span className="w-10 shrink-0 select-none pr-1 text-right text-slate-400">{line.oldLine ?? ""}</span>
              <span className="w-10 shrink-0 select-none pr-1 text-right text-slate-400">{line.newLine ?? ""}</span>
              <span aria-hidden className="w-4 shrink-0 select-none">{MARK[line.kind]}</span>
              <span>{line.text}</span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
