import type { KubeObject } from "@/lib/k8s/types";
import { placeErrors, type ManifestProblem } from "@/lib/lws/manifest";

interface StatusBody {
  reason?: string;
  message?: string;
  details?: { causes?: Array<{ field?: string; message?: string }> };
}

export type ApplyResult = { ok: true; object: KubeObject } | { ok: false; conflict: boolean; problems: ManifestProblem[] };

/** The target of an apply: a new LWS, or an existing one at the resourceVersion the user started from. */
export type ApplyTarget = { mode: "create" } | { mode: "update"; namespace: string; name: string; resourceVersion: string };

function request(target: ApplyTarget, manifest: KubeObject): Promise<Response> {
  const headers = { "content-type": "application/json" };
  if (target.mode === "create") return fetch("/api/lws", { method: "POST", headers, body: JSON.stringify(manifest) });
  const url = `/api/lws/${encodeURIComponent(target.namespace)}/${encodeURIComponent(target.name)}`;
  return fetch(url, { method: "PUT", headers, body: JSON.stringify({ manifest, resourceVersion: target.resourceVersion }) });
}

/** Creates or updates the LWS; a refusal comes back as problems placed on the manifest's lines. */
export async function applyManifest(target: ApplyTarget, manifest: KubeObject, source: string): Promise<ApplyResult> {
  let res: Response;
  try {
    res = await request(target, manifest);
  } catch (err) {
    // The server is down or unreachable: say so rather than leave the editor "Applying…".
    return { ok: false, conflict: false, problems: [{ message: `not applied: could not reach the server (${err instanceof Error ? err.message : String(err)})` }] };
  }
  if (res.ok) return { ok: true, object: (await res.json()) as KubeObject };
  const status = (await res.json().catch(() => ({}))) as StatusBody;
  const causes = status.details?.causes?.map((c) => ({ field: c.field, message: c.message ?? "" })) ?? [];
  if (res.status === 409 && target.mode === "update") {
    return { ok: false, conflict: true, problems: [{ message: "Not applied: someone else changed this LeaderWorkerSet since you opened it. Their changes are listed above: rebase onto them, review, and apply again." }] };
  }
  return { ok: false, conflict: false, problems: causes.length ? placeErrors(source, causes) : [{ message: status.message ?? `request failed with ${res.status}` }] };
}
