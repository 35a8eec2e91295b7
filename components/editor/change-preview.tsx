import type { CapacityResult } from "@/lib/dashboard/capacity";
import type { ChangePlan } from "@/lib/lws/change-plan";

/** "What will happen" and "will it fit", next to the apply button. */
export function ChangePreview({ plan, capacity }: { plan: ChangePlan; capacity: CapacityResult }) {
  return (
    <section aria-labelledby="preview-heading" className="space-y-2 text-sm">
      <h2 id="preview-heading" className="font-semibold">What will happen</h2>
      <ul className="list-inside list-disc space-y-0.5" aria-label="Planned changes">
        {plan.summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {capacity.fits ? (
        <p className="rounded border border-emerald-300 bg-emerald-50 p-2 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100" role="status">
          Fits now: {capacity.groupsWanted} group{capacity.groupsWanted === 1 ? "" : "s"}
          {capacity.domainsUsed?.length ? ` on ${capacity.domainsUsed.join(", ")}` : " on the cluster's free capacity"}.
        </p>
      ) : (
        <div className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" role="status" aria-label="Capacity">
          <p className="font-medium">Won&apos;t fit now: groups beyond the first {capacity.groupsPlaced} will stay Pending.</p>
          <ul className="mt-1 list-inside list-disc">
            {capacity.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
