import { controlPlane } from "@/server/control-plane";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const plane = await controlPlane();
  return Response.json({
    status: "ok",
    cluster: plane.config.cluster,
    resourceVersion: plane.cluster ? String(plane.cluster.store.resourceVersion) : undefined,
    startedAt: plane.startedAt,
  });
}
