import type { KubeObject } from "@/lib/k8s/types";
import { controlPlane } from "@/server/control-plane";
import { createLws, LwsManifest } from "@/server/dashboard/lws-manifests";
import { checkOrigin, errorJson, readValidBody } from "@/server/dashboard/request-guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/lws: creates a LeaderWorkerSet from the editor; the API server's 422 comes back as is. */
export async function POST(request: Request): Promise<Response> {
  try {
    checkOrigin(request);
    const manifest = (await readValidBody(request, LwsManifest, "LeaderWorkerSet")) as KubeObject;
    return Response.json(await createLws((await controlPlane()).client, manifest), { status: 201 });
  } catch (err) {
    return errorJson(err);
  }
}
