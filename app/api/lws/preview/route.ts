import type { KubeObject } from "@/lib/k8s/types";
import { controlPlane } from "@/server/control-plane";
import { LwsManifest } from "@/server/dashboard/lws-manifests";
import { previewLws } from "@/server/dashboard/lws-preview";
import { checkOrigin, errorJson, readValidBody } from "@/server/dashboard/request-guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/lws/preview: what applying the manifest would do, and whether it fits now; changes nothing. */
export async function POST(request: Request): Promise<Response> {
  try {
    checkOrigin(request);
    const manifest = (await readValidBody(request, LwsManifest, "LeaderWorkerSet")) as KubeObject;
    const plane = await controlPlane();
    return Response.json(await previewLws(plane.client, plane.streamHub, manifest));
  } catch (err) {
    return errorJson(err);
  }
}
