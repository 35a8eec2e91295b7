import { controlPlane } from "@/server/control-plane";
import { LwsAction, runLwsAction } from "@/server/dashboard/lws-actions";
import { checkOrigin, errorJson, readValidBody } from "@/server/dashboard/request-guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/lws/<ns>/<name>/actions: scale, change image, restart a group, delete. */
export async function POST(request: Request, context: { params: Promise<{ namespace: string; name: string }> }): Promise<Response> {
  try {
    checkOrigin(request);
    const { namespace, name } = await context.params;
    const action = await readValidBody(request, LwsAction, "Action");
    const result = await runLwsAction((await controlPlane()).client, namespace, name, action);
    return Response.json(result ?? { ok: true });
  } catch (err) {
    return errorJson(err);
  }
}
