import { diagnoseLws } from "@/lib/dashboard/diagnosis";
import { ApiError } from "@/lib/k8s/api-errors";
import { controlPlane } from "@/server/control-plane";
import { errorJson } from "@/server/dashboard/request-guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/lws/<ns>/<name>/diagnosis: the rolling update's state, each group's verdict and, when unhealthy, why. */
export async function GET(_request: Request, context: { params: Promise<{ namespace: string; name: string }> }): Promise<Response> {
  try {
    const { namespace, name } = await context.params;
    const { streamHub } = await controlPlane();
    const snapshot = streamHub.snapshot({ namespace, lws: name });
    const lws = snapshot.lws[0];
    if (!lws) throw new ApiError(404, "NotFound", `leaderworkersets.leaderworkerset.x-k8s.io "${name}" not found`);
    const { rollout, groups } = diagnoseLws({ lws, pods: snapshot.pod, namespacePods: streamHub.snapshot({ namespace }).pod, statefulSets: snapshot.statefulset, nodes: new Map(snapshot.node.map((n) => [`/${n.name}`, n])), events: snapshot.event, claims: snapshot.pvc });
    return Response.json({ namespace, name, rollout, groups });
  } catch (err) {
    return errorJson(err);
  }
}
