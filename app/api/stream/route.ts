import { controlPlane } from "@/server/control-plane";
import { openEventStream } from "@/server/dashboard/event-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/stream[?namespace=][&lws=][&overview=1][&podCounts=1]: the dashboard's live feeds (Server-Sent Events). */
export async function GET(request: Request): Promise<Response> {
  const plane = await controlPlane();
  return openEventStream(plane.streamHub, request);
}
