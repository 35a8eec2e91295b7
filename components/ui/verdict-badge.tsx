import type { Verdict } from "@/lib/dashboard/diagnosis";

export const VERDICT_STYLE: Record<Verdict, string> = {
  healthy: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  degraded: "bg-orange-100 text-orange-900 dark:bg-orange-900 dark:text-orange-100",
  progressing: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  stuck: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
  failing: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

/** A diagnosis verdict in words (colour only reinforces it). */
export function VerdictBadge({ verdict, className = "" }: { verdict: Verdict; className?: string }) {
  return <span className={`rounded-full px-1.5 font-medium ${VERDICT_STYLE[verdict]} ${className}`}>{verdict}</span>;
}
