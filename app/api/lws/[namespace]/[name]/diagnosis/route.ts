import { ApiError } from "@/lib/k8s/api-errors";
import { controlPlane } from "@/server/control-plane";
import { diagnoseFromViews } from "@/server/dashboard/lws-diagnosis";
import { errorJson } from "@/server/dashboard/request-guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/lws/<ns>/<name>/diagnosis: the rolling update's state, each group's verdict and, when unhealthy, why. */
export async function GET(_request: Request, context: { params: Promise<{ namespace: string; name: string }> }): Promise<Response> {
  try {
    const { namespace, name } = await context.params;
    const { streamHub } = await controlPlane();
    const diagnosis = diagnoseFromViews(streamHub, namespace, name);
    if (!diagnosis) throw new ApiError(404, "NotFound", `leaderworkersets.leaderworkerset.x-k8s.io "${name}" not found`);
    return Response.json({ namespace, name, rollout: diagnosis.rollout, groups: diagnosis.groups });
  } catch (err) {
    return errorJson(err);
  }
}
