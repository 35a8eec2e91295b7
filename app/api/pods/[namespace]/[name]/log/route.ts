import { ApiError } from "@/lib/k8s/api-errors";
import { record, records, text } from "@/lib/k8s/object-fields";
import { PODS } from "@/lib/k8s/resources";
import { controlPlane } from "@/server/control-plane";
import { errorJson } from "@/server/dashboard/request-guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/pods/<ns>/<name>/log[?container=]: the last 200 lines of a container's output (the first container's by default). */
export async function GET(request: Request, context: { params: Promise<{ namespace: string; name: string }> }): Promise<Response> {
  try {
    const { namespace, name } = await context.params;
    const plane = await controlPlane();
    const pod = plane.informers.informer(PODS).get(namespace, name);
    if (!pod) throw new ApiError(404, "NotFound", `pods "${name}" not found`);
    const container = new URL(request.url).searchParams.get("container") ?? text(records(record(pod.spec).containers)[0]?.name);
    const logs = await plane.client.logs(namespace, name, { container: container || undefined, tailLines: 200 });
    return new Response(logs, { headers: { "content-type": "text/plain; charset=utf-8" } });
  } catch (err) {
    return errorJson(err);
  }
}
