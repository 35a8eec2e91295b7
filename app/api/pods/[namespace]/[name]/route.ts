import { ApiError } from "@/lib/k8s/api-errors";
import { PODS } from "@/lib/k8s/resources";
import { controlPlane } from "@/server/control-plane";
import { errorJson } from "@/server/dashboard/request-guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/pods/<ns>/<name>: the whole pod (the stream carries slim views), for the pod panel. */
export async function GET(_request: Request, context: { params: Promise<{ namespace: string; name: string }> }): Promise<Response> {
  try {
    const { namespace, name } = await context.params;
    const pod = (await controlPlane()).informers.informer(PODS).get(namespace, name);
    if (!pod) throw new ApiError(404, "NotFound", `pods "${name}" not found`);
    return Response.json({ ...pod, metadata: { ...pod.metadata, managedFields: undefined } });
  } catch (err) {
    return errorJson(err);
  }
}
