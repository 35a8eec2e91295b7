import { z } from "zod";
import { badRequest } from "@/lib/k8s/api-errors";
import { LEADER_WORKER_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { LWS_API_VERSION, LWS_KIND } from "@/lib/lws/constants";
import type { Client } from "@/server/runtime/client";
import { checkOrigin, readValidBody } from "./request-guard";

const FIELD_MANAGER = "lws-console";

/** An LWS manifest from the editor: only what routing it needs is checked here; the API server validates the rest. */
export const LwsManifest = z.looseObject({
  apiVersion: z.literal(LWS_API_VERSION),
  kind: z.literal(LWS_KIND),
  metadata: z.looseObject({ name: z.string().min(1).max(63), namespace: z.string().min(1).max(63).optional() }),
  spec: z.looseObject({}),
});

/** A same-origin request's body as an LWS manifest (403 cross-site, 422 naming the field otherwise). */
export async function readLwsManifest(request: Request): Promise<KubeObject> {
  checkOrigin(request);
  return (await readValidBody(request, LwsManifest, "LeaderWorkerSet")) as KubeObject;
}

/** An edit of a live LWS: the manifest, and the resourceVersion the user started from. */
export const LwsUpdate = z.object({ manifest: LwsManifest, resourceVersion: z.string().min(1).max(32) });
export type LwsUpdate = z.infer<typeof LwsUpdate>;

export async function createLws(client: Client, manifest: KubeObject): Promise<KubeObject> {
  const namespace = manifest.metadata.namespace ?? "default";
  return client.create(LEADER_WORKER_SETS, { ...manifest, metadata: { ...manifest.metadata, namespace } }, { fieldManager: FIELD_MANAGER });
}

/**
 * Replaces an LWS's labels, annotations and spec with the edited manifest, only if nobody
 * changed it since `resourceVersion`: otherwise the API server answers 409 Conflict, which the
 * editor turns into a rebase. Status and server-owned metadata are the server's to keep.
 */
export async function updateLws(client: Client, namespace: string, name: string, update: LwsUpdate): Promise<KubeObject> {
  const { manifest, resourceVersion } = update;
  if (manifest.metadata.name !== name || (manifest.metadata.namespace ?? namespace) !== namespace) {
    throw badRequest(`the manifest names ${manifest.metadata.namespace ?? namespace}/${manifest.metadata.name}, not ${namespace}/${name}: renaming creates a new LeaderWorkerSet`);
  }
  const object = { ...(manifest as KubeObject), metadata: { ...manifest.metadata, namespace, name, resourceVersion } };
  return client.update(LEADER_WORKER_SETS, object, { fieldManager: FIELD_MANAGER });
}
