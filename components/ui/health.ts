import type { GroupHealth } from "@/lib/dashboard/groups";
import type { PodTone } from "@/lib/dashboard/pod-tone";

/** The one legend (docs/ui.md): colour is never alone, every state also has words. */
export const HEALTH_STYLE: Record<GroupHealth, { label: string; fill: string; text: string }> = {
  ready: { label: "Ready", fill: "bg-emerald-500", text: "text-emerald-700 dark:text-emerald-300" },
  progressing: { label: "Starting", fill: "bg-amber-400", text: "text-amber-700 dark:text-amber-300" },
  pending: { label: "Pending", fill: "bg-amber-300", text: "text-amber-700 dark:text-amber-300" },
  failing: { label: "Failing", fill: "bg-red-500", text: "text-red-700 dark:text-red-300" },
  missing: { label: "Missing", fill: "bg-slate-300 dark:bg-slate-600", text: "text-slate-600 dark:text-slate-300" },
};

export const POD_TONE_STYLE: Record<PodTone, string> = {
  ready: "bg-emerald-500 border-emerald-600 text-white",
  starting: "bg-amber-300 border-amber-500 text-amber-950",
  failing: "bg-red-500 border-red-700 text-white",
  terminating: "bg-slate-300 border-slate-500 text-slate-800 bg-[repeating-linear-gradient(45deg,transparent,transparent_4px,rgba(0,0,0,0.12)_4px,rgba(0,0,0,0.12)_8px)]",
};
