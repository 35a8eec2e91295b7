import type { KubeObject } from "@/lib/k8s/types";
import { placeErrors, type ManifestProblem } from "@/lib/lws/manifest";
import { sendJson, type SendResult } from "../api/send-json";

export type ApplyResult = { ok: true; object: KubeObject } | { ok: false; conflict: boolean; problems: ManifestProblem[] };

/** The target of an apply: a new LWS, or an existing one at the resourceVersion the user started from. */
export type ApplyTarget = { mode: "create" } | { mode: "update"; namespace: string; name: string; resourceVersion: string };

function request(target: ApplyTarget, manifest: KubeObject): Promise<SendResult> {
  if (target.mode === "create") return sendJson("/api/lws", "POST", manifest);
  const url = `/api/lws/${encodeURIComponent(target.namespace)}/${encodeURIComponent(target.name)}`;
  return sendJson(url, "PUT", { manifest, resourceVersion: target.resourceVersion });
}

/** Creates or updates the LWS; a refusal comes back as problems placed on the manifest's lines. */
export async function applyManifest(target: ApplyTarget, manifest: KubeObject, source: string): Promise<ApplyResult> {
  const res = await request(target, manifest);
  if (res.ok) return { ok: true, object: (await res.response.json()) as KubeObject };
  const causes = res.body.details?.causes?.map((c) => ({ field: c.field, message: c.message ?? "" })) ?? [];
  if (res.status === 409 && target.mode === "update") {
    return { ok: false, conflict: true, problems: [{ message: "Not applied: someone else changed this LeaderWorkerSet since you opened it. Their changes are listed above: rebase onto them, review, and apply again." }] };
  }
  return { ok: false, conflict: false, problems: causes.length ? placeErrors(source, causes) : [{ message: res.body.message ?? `request failed with ${res.status}` }] };
}
