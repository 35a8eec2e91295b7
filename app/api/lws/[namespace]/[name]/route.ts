import { controlPlane } from "@/server/control-plane";
import { LwsUpdate, updateLws } from "@/server/dashboard/lws-manifests";
import { checkOrigin, errorJson, readValidBody } from "@/server/dashboard/request-guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** PUT /api/lws/<ns>/<name>: the editor's apply, refused with 409 if the LWS changed since the user loaded it. */
export async function PUT(request: Request, context: { params: Promise<{ namespace: string; name: string }> }): Promise<Response> {
  try {
    checkOrigin(request);
    const { namespace, name } = await context.params;
    const update = await readValidBody(request, LwsUpdate, "LeaderWorkerSet");
    return Response.json(await updateLws((await controlPlane()).client, namespace, name, update));
  } catch (err) {
    return errorJson(err);
  }
}
