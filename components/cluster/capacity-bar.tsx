/** Used out of total as a bar with its numbers; the numbers carry the meaning, the bar the glance. */
export function CapacityBar({ label, used, total, unit = "" }: { label: string; used: number; total: number; unit?: string }) {
  const pct = total > 0 ? Math.min(100, (100 * used) / total) : 0;
  const tone = pct >= 90 ? "bg-red-500" : pct >= 70 ? "bg-amber-400" : "bg-sky-500";
  const text = `${label} ${formatAmount(used)}/${formatAmount(total)}${unit}`;
  return (
    <div className="flex items-center gap-1.5" title={text}>
      <span className="w-8 shrink-0 text-[10px] uppercase text-slate-500 dark:text-slate-400">{label}</span>
      <div className="h-1.5 flex-1 rounded bg-slate-200 dark:bg-slate-700" role="meter" aria-label={text} aria-valuemin={0} aria-valuemax={total} aria-valuenow={used}>
        <div className={`h-full rounded ${tone}`} style={{ width: `${pct}%` }} />
      </div>
      <span className="w-14 shrink-0 text-right text-[10px] tabular-nums">{formatAmount(used)}/{formatAmount(total)}</span>
    </div>
  );
}

function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
