import type { PodView } from "@/lib/dashboard/view-models";
import { podTone, POD_TONE_STYLE, type PodTone } from "../ui/health";

const TONES: readonly PodTone[] = ["ready", "starting", "failing", "terminating"];

/** How many of the pods are in each state, in the legend's order, states nobody is in left out. */
function countByTone(pods: readonly PodView[]): Array<[PodTone, number]> {
  const counts = new Map<PodTone, number>();
  for (const pod of pods) {
    const tone = podTone(pod);
    counts.set(tone, (counts.get(tone) ?? 0) + 1);
  }
  return TONES.flatMap((tone) => (counts.has(tone) ? [[tone, counts.get(tone) as number]] : []));
}

function summaryText(total: number, counts: ReadonlyArray<[PodTone, number]>): string {
  const parts = counts.map(([tone, n]) => `${n} ${tone}`);
  return `${total} ${total === 1 ? "pod" : "pods"}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}

/** "40 pods: 38 ready, 2 failing": a node's pods counted by state. */
export function podSummaryText(pods: readonly PodView[]): string {
  return summaryText(pods.length, countByTone(pods));
}

/** A node's pods as one bar split by state, for when drawing each pod would be too much to read (or render). */
export function PodSummary({ pods }: { pods: readonly PodView[] }) {
  if (pods.length === 0) return null;
  const counts = countByTone(pods);
  const text = summaryText(pods.length, counts);
  return (
    <div className="space-y-0.5">
      <div className="flex h-2 w-full overflow-hidden rounded-sm" aria-hidden>
        {counts.map(([tone, n]) => (
          <span key={tone} className={`border-0 ${POD_TONE_STYLE[tone]}`} style={{ flexGrow: n }} />
        ))}
      </div>
      <p className="text-[10px] text-slate-600 dark:text-slate-300">{text}</p>
    </div>
  );
}
