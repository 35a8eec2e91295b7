import { POD_TONES, type ToneCounts } from "@/lib/dashboard/pod-tone";
import { POD_TONE_STYLE } from "../ui/health";

/** "40 pods: 38 ready, 2 failing": a node's pods counted by state, in the legend's order. */
export function podSummaryText(counts: ToneCounts): string {
  const present = POD_TONES.filter((tone) => counts[tone]);
  const total = present.reduce((sum, tone) => sum + (counts[tone] ?? 0), 0);
  const parts = present.map((tone) => `${counts[tone]} ${tone}`);
  return `${total} ${total === 1 ? "pod" : "pods"}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}

/** A node's pods as one bar split by state, for when drawing each pod would be too much to read (or render). */
export function PodSummary({ counts }: { counts: ToneCounts }) {
  const present = POD_TONES.filter((tone) => counts[tone]);
  if (present.length === 0) return null;
  return (
    <div className="space-y-0.5">
      <div className="flex h-2 w-full overflow-hidden rounded-sm" aria-hidden>
        {present.map((tone) => (
          <span key={tone} className={`border-0 ${POD_TONE_STYLE[tone]}`} style={{ flexGrow: counts[tone] }} />
        ))}
      </div>
      <p className="text-[10px] text-slate-600 dark:text-slate-300">{podSummaryText(counts)}</p>
    </div>
  );
}
