import { controlPlane } from "@/server/control-plane";
import { createLws, readLwsManifest } from "@/server/dashboard/lws-manifests";
import { errorJson } from "@/server/dashboard/request-guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/lws: creates a LeaderWorkerSet from the editor; the API server's 422 comes back as is. */
export async function POST(request: Request): Promise<Response> {
  try {
    const manifest = await readLwsManifest(request);
    return Response.json(await createLws((await controlPlane()).client, manifest), { status: 201 });
  } catch (err) {
    return errorJson(err);
  }
}
