import { z } from "zod";
import { LEADER_WORKER_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { controlPlane } from "@/server/control-plane";
import { checkOrigin, errorJson, readValidBody } from "@/server/dashboard/request-guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const Manifest = z.looseObject({
  apiVersion: z.literal("leaderworkerset.x-k8s.io/v1"),
  kind: z.literal("LeaderWorkerSet"),
  metadata: z.looseObject({ name: z.string().min(1).max(63), namespace: z.string().min(1).max(63).optional() }),
  spec: z.looseObject({}),
});

/** POST /api/lws: creates a LeaderWorkerSet from the editor; the API server's 422 comes back as is. */
export async function POST(request: Request): Promise<Response> {
  try {
    checkOrigin(request);
    const manifest = (await readValidBody(request, Manifest, "LeaderWorkerSet")) as KubeObject;
    const namespace = manifest.metadata.namespace ?? "default";
    const created = await (await controlPlane()).client.create(LEADER_WORKER_SETS, { ...manifest, metadata: { ...manifest.metadata, namespace } }, { fieldManager: "lws-console" });
    return Response.json(created, { status: 201 });
  } catch (err) {
    return errorJson(err);
  }
}
