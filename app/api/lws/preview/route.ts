import { controlPlane } from "@/server/control-plane";
import { readLwsManifest } from "@/server/dashboard/lws-manifests";
import { previewLws } from "@/server/dashboard/lws-preview";
import { errorJson } from "@/server/dashboard/request-guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/lws/preview: what applying the manifest would do, and whether it fits now; changes nothing. */
export async function POST(request: Request): Promise<Response> {
  try {
    const manifest = await readLwsManifest(request);
    const plane = await controlPlane();
    return Response.json(await previewLws(plane.client, plane.streamHub, manifest));
  } catch (err) {
    return errorJson(err);
  }
}
