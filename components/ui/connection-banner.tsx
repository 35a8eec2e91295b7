"use client";

import { useConnection } from "../stream/use-cluster";

/** Says when the live stream is down, so stale data is never mistaken for current. */
export function ConnectionBanner() {
  const state = useConnection();
  if (state === "live") return null;
  const text = state === "connecting" ? "Connecting to the cluster…" : "Connection lost: reconnecting. What you see may be stale.";
  return (
    <div role="status" aria-live="polite" className={`px-4 py-1.5 text-center text-sm ${state === "connecting" ? "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200" : "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100"}`}>
      {text}
    </div>
  );
}
