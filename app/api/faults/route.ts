import { z } from "zod";
import { ApiError } from "@/lib/k8s/api-errors";
import { controlPlane } from "@/server/control-plane";
import { checkOrigin, errorJson, readValidBody } from "@/server/dashboard/request-guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const name = z.string().min(1).max(253);
const FaultRequest = z.discriminatedUnion("action", [
  z.object({ action: z.literal("crashContainer"), namespace: name, pod: name, container: name.optional() }),
  z.object({ action: z.literal("failPod"), namespace: name, pod: name, reason: z.string().max(128).optional() }),
  z.object({ action: z.literal("deletePod"), namespace: name, pod: name }),
  z.object({ action: z.literal("setNodeReady"), node: name, ready: z.boolean() }),
  z.object({ action: z.enum(["cordon", "uncordon", "drain"]), node: name }),
]);

/** POST /api/faults: break things on purpose (embedded cluster only). */
export async function POST(request: Request): Promise<Response> {
  try {
    checkOrigin(request);
    const fault = await readValidBody(request, FaultRequest, "Fault");
    const faults = (await controlPlane()).cluster?.faults;
    if (!faults) throw new ApiError(404, "NotFound", "fault injection is only available on the embedded cluster");
    switch (fault.action) {
      case "crashContainer":
        await faults.crashContainer(fault.namespace, fault.pod, fault.container);
        break;
      case "failPod":
        await faults.failPod(fault.namespace, fault.pod, fault.reason);
        break;
      case "deletePod":
        await faults.deletePod(fault.namespace, fault.pod);
        break;
      case "setNodeReady":
        await faults.setNodeReady(fault.node, fault.ready);
        break;
      case "drain":
        return Response.json({ evicted: await faults.drain(fault.node) });
      default:
        await faults[fault.action](fault.node);
    }
    return Response.json({ ok: true });
  } catch (err) {
    return errorJson(err);
  }
}
