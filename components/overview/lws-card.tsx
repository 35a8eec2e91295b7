import Link from "next/link";
import { lwsReplicas, lwsSize } from "@/lib/dashboard/groups";
import { groupHref, lwsHref } from "@/lib/dashboard/links";
import type { LwsSummaryView, LwsView } from "@/lib/dashboard/view-models";
import { integer, record, records, text } from "@/lib/k8s/object-fields";
import { age, restartsText } from "../ui/time-ago";
import { GroupBar } from "./group-bar";

/**
 * One LWS: its groups' health first, then the counts and conditions people know from kubectl.
 * `summary` is the server's, absent for the moment between an LWS's creation and its first one.
 */
export function LwsCard({ lws, summary }: { lws: LwsView; summary?: LwsSummaryView }) {
  const status = record(lws.status);
  const groups = summary?.groups ?? [];
  const conditions = records(status.conditions).filter((c) => c.status === "True").map((c) => text(c.type));
  const href = lwsHref(lws);
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" aria-labelledby={`lws-${lws.metadata.uid}`}>
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={`lws-${lws.metadata.uid}`} className="text-lg font-semibold">
          <Link href={href} className="hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500">
            {lws.metadata.name}
          </Link>
        </h2>
        <span className="text-sm text-slate-500 dark:text-slate-400">{lws.metadata.namespace}</span>
        <span className="ml-auto text-sm text-slate-600 dark:text-slate-300">
          {summary ? groups.length : lwsReplicas(lws)} groups × {lwsSize(lws)} pods · age {age(lws.metadata.creationTimestamp)}
        </span>
      </header>
      <div className="mt-3">
        <GroupBar groups={groups} href={(g) => groupHref(lws, g.index)} />
      </div>
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <Stat label="Ready" value={`${integer(status.readyReplicas) ?? 0}/${lwsReplicas(lws)}`} />
        <Stat label="Up-to-date" value={String(integer(status.updatedReplicas) ?? 0)} />
        <Stat label="Restarts" value={restartsText(summary?.restarts ?? 0, summary?.lastRestartAt)} />
        <Stat label="Conditions" value={conditions.join(", ") || "none yet"} />
      </dl>
    </article>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
