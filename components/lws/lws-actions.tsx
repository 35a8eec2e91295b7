"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { LwsView } from "@/lib/dashboard/view-models";
import { integer, record, records, text } from "@/lib/k8s/object-fields";
import { sendJson } from "../api/send-json";

type Action = { action: "scale"; replicas: number; expected: number } | { action: "setImage"; image: string; expected: string } | { action: "restartGroup"; group: number } | { action: "delete" };

const BUTTON = "rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:hover:bg-slate-800";

/**
 * Scale, change image (a rolling update to watch live), restart a group, delete: each explained
 * before it runs. The group to restart starts as the one the page's URL names, if any.
 */
export function LwsActions({ lws, groupCount, podCount, linkedGroup }: { lws: LwsView; groupCount: number; podCount: number; linkedGroup?: number }) {
  const router = useRouter();
  const namespace = lws.metadata.namespace ?? "";
  const name = lws.metadata.name ?? "";
  const spec = record(lws.spec);
  const image = text(records(record(record(record(spec.leaderWorkerTemplate).workerTemplate).spec).containers)[0]?.image);
  const [replicas, setReplicas] = useState(String(integer(spec.replicas) ?? 1));
  const [newImage, setNewImage] = useState(image);
  const [group, setGroup] = useState(String(linkedGroup !== undefined && linkedGroup < groupCount ? linkedGroup : 0));
  const [message, setMessage] = useState<string>();
  const run = async (action: Action) => {
    const res = await sendJson(`/api/lws/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/actions`, "POST", action);
    if (res.ok) {
      setMessage(undefined);
      if (action.action === "delete") router.push("/");
      return;
    }
    const { reason, message } = res.body;
    setMessage(reason === "Conflict" ? `Not applied: ${message ?? "the LWS changed meanwhile"}` : (message ?? `failed with ${res.status}`));
  };
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm" aria-label="Actions">
      <Link href={`/lws/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/edit`} className={BUTTON}>
        Edit
      </Link>
      <label className="flex items-center gap-1">
        Replicas
        <input type="number" min={0} value={replicas} onChange={(e) => setReplicas(e.target.value)} className="w-16 rounded border border-slate-300 px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900" />
      </label>
      <button type="button" className={BUTTON} onClick={() => void run({ action: "scale", replicas: Number(replicas), expected: integer(spec.replicas) ?? 1 })}>Scale</button>
      <label className="flex items-center gap-1">
        Image
        <input value={newImage} onChange={(e) => setNewImage(e.target.value)} className="w-64 rounded border border-slate-300 px-1 py-0.5 font-mono dark:border-slate-600 dark:bg-slate-900" />
      </label>
      <button type="button" className={BUTTON} disabled={!newImage || newImage === image} onClick={() => window.confirm(`Roll every group of ${name} to ${newImage}?`) && void run({ action: "setImage", image: newImage, expected: image })}>
        Update image
      </button>
      <label className="flex items-center gap-1">
        Group
        <select value={group} onChange={(e) => setGroup(e.target.value)} className="rounded border border-slate-300 px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900">
          {Array.from({ length: groupCount }, (_, i) => (
            <option key={i} value={i}>{i}</option>
          ))}
        </select>
      </label>
      <button type="button" className={BUTTON} onClick={() => window.confirm(`Restart group ${group} of ${name}? Its leader and workers are deleted and recreated.`) && void run({ action: "restartGroup", group: Number(group) })}>
        Restart group
      </button>
      <button
        type="button"
        className={`${BUTTON} border-red-400 text-red-700 dark:text-red-300`}
        onClick={() => window.confirm(`Delete LeaderWorkerSet ${namespace}/${name}? This deletes its ${groupCount} groups (${podCount} pods), their StatefulSets, Services and revisions.`) && void run({ action: "delete" })}
      >
        Delete
      </button>
      {message && <p role="alert" className="w-full text-red-700 dark:text-red-300">{message}</p>}
    </div>
  );
}
