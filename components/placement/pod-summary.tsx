import type { PodView } from "@/lib/dashboard/view-models";
import { podTone, POD_TONE_STYLE, type PodTone } from "../ui/health";

const TONES: readonly PodTone[] = ["ready", "starting", "failing", "terminating"];

/** "40 pods: 38 ready, 2 failing": a node's pods counted by state. */
export function podSummaryText(pods: readonly PodView[]): string {
  const counts = new Map<PodTone, number>();
  for (const pod of pods) counts.set(podTone(pod), (counts.get(podTone(pod)) ?? 0) + 1);
  const parts = TONES.filter((t) => counts.has(t)).map((t) => `${counts.get(t)} ${t}`);
  return `${pods.length} ${pods.length === 1 ? "pod" : "pods"}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}

/** A node's pods as one bar split by state, for when drawing each pod would be too much to read (or render). */
export function PodSummary({ pods }: { pods: readonly PodView[] }) {
  if (pods.length === 0) return null;
  const text = podSummaryText(pods);
  const counts = TONES.map((tone) => [tone, pods.filter((p) => podTone(p) === tone).length] as const).filter(([, n]) => n > 0);
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
