"use client";

import { useQuery } from "@tanstack/react-query";
import type { NodeView, PodView, EventView } from "@/lib/dashboard/view-models";
import type { KubeObject } from "@/lib/k8s/types";
import { record, records, text } from "@/lib/k8s/object-fields";
import { age, restartsText } from "../ui/time-ago";

async function fetchLog(namespace: string, name: string): Promise<string> {
  const res = await fetch(`/api/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/log`);
  return res.ok ? res.text() : `(${((await res.json().catch(() => ({}))) as { message?: string }).message ?? `no logs: ${res.status}`})`;
}

async function fetchPod(namespace: string, name: string): Promise<KubeObject> {
  const res = await fetch(`/api/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`);
  if (!res.ok) throw new Error(`pod ${name}: ${res.status}`);
  return (await res.json()) as KubeObject;
}

/** The selected pod: where it runs, its conditions, LWS env first, labels and events. */
export function PodPanel({ pod, node, events, onClose }: { pod: PodView; node?: NodeView; events: EventView[]; onClose: () => void }) {
  const full = useQuery({ queryKey: ["pod", pod.namespace, pod.name, pod.resourceVersion], queryFn: () => fetchPod(pod.namespace, pod.name) });
  const log = useQuery({ queryKey: ["pod-log", pod.namespace, pod.name, pod.resourceVersion], queryFn: () => fetchLog(pod.namespace, pod.name) });
  const spec = record(full.data?.spec);
  const env = records(records(spec.containers)[0]?.env).map((e) => `${text(e.name)}=${text(e.value)}`);
  const conditions = records(record(full.data?.status).conditions);
  return (
    <aside className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900" aria-label={`Pod ${pod.name}`}>
      <div className="flex items-start gap-2">
        <h2 className="font-mono text-base font-semibold">{pod.name}</h2>
        <button type="button" onClick={onClose} className="ml-auto rounded px-2 hover:bg-slate-100 dark:hover:bg-slate-800" aria-label="Close pod details">
          ✕
        </button>
      </div>
      <dl className="mt-2 grid grid-cols-[8rem_1fr] gap-x-2 gap-y-1">
        <dt className="text-slate-500">Status</dt>
        <dd>{pod.status} ({pod.readyContainers} ready, restarts {restartsText(pod.restarts, pod.lastRestartAt)})</dd>
        <dt className="text-slate-500">Node</dt>
        <dd className="font-mono">{pod.nodeName ?? "not scheduled"}</dd>
        <dt className="text-slate-500">Rack / zone</dt>
        <dd>{node ? `${node.rack ?? "?"} / ${node.zone ?? "?"}` : "–"}</dd>
        <dt className="text-slate-500">Pod IP</dt>
        <dd className="font-mono">{pod.podIP ?? "–"}</dd>
        <dt className="text-slate-500">Group / worker</dt>
        <dd>{pod.groupIndex ?? "–"} / {pod.workerIndex ?? "–"}{pod.subGroupIndex !== undefined ? ` (sub-group ${pod.subGroupIndex})` : ""}</dd>
        {pod.unschedulable && (
          <>
            <dt className="text-red-600">Unschedulable</dt>
            <dd className="text-red-700 dark:text-red-300">{pod.unschedulable}</dd>
          </>
        )}
      </dl>
      <h3 className="mt-3 font-semibold">Conditions</h3>
      <ul className="mt-1 space-y-0.5">
        {conditions.map((c) => (
          <li key={text(c.type)}>
            {text(c.type)}: <span className={c.status === "True" ? "text-emerald-700 dark:text-emerald-300" : "text-amber-700 dark:text-amber-300"}>{text(c.status)}</span>
            {c.reason ? ` (${text(c.reason)})` : ""}
          </li>
        ))}
      </ul>
      <h3 className="mt-3 font-semibold">Environment (first container)</h3>
      <pre aria-label="Environment" className="mt-1 max-h-40 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800">{env.join("\n") || (full.isLoading ? "loading…" : "none")}</pre>
      <h3 className="mt-3 font-semibold">Logs (first container)</h3>
      <pre aria-label="Logs" className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded bg-slate-900 p-2 font-mono text-xs text-slate-100">{log.data === undefined ? "loading…" : log.data || (pod.nodeName ? "(no output yet)" : "(no output: the pod is not scheduled yet)")}</pre>
      <h3 className="mt-3 font-semibold">Labels</h3>
      <ul aria-label="Labels" className="mt-1 space-y-0.5 font-mono text-xs">
        {full.data ? (
          Object.entries(full.data.metadata.labels ?? {}).map(([k, v]) => (
            <li key={k} className="break-all">
              {k}={v}
            </li>
          ))
        ) : (
          <li className="text-slate-500">{full.isError ? "could not read the pod" : "loading…"}</li>
        )}
      </ul>
      <h3 className="mt-3 font-semibold">Events</h3>
      <EventsList events={events} />
    </aside>
  );
}

export function EventsList({ events }: { events: EventView[] }) {
  if (events.length === 0) return <p className="text-slate-500">No events.</p>;
  const sorted = [...events].sort((a, b) => (b.lastTimestamp ?? "").localeCompare(a.lastTimestamp ?? ""));
  return (
    <ol className="mt-1 space-y-1 text-xs">
      {sorted.slice(0, 100).map((e) => (
        <li key={e.uid} className="border-b border-slate-100 pb-1 dark:border-slate-800">
          <div className="flex flex-wrap gap-x-2">
            <span className="text-slate-500">{age(e.lastTimestamp)}</span>
            <span className={e.type === "Warning" ? "font-semibold text-red-700 dark:text-red-300" : ""}>{e.type}</span>
            <span className="font-medium">{e.reason}</span>
            <span className="text-slate-500">{e.involved.kind.toLowerCase()}/{e.involved.name}</span>
            {e.count > 1 && <span className="text-slate-500">×{e.count}</span>}
          </div>
          <p className="break-words">{e.message}</p>
        </li>
      ))}
    </ol>
  );
}
