import { isRecord } from "@/lib/k8s/types";
import { badRequest } from "@/lib/k8s/api-errors";

export type PropagationPolicy = "Orphan" | "Background" | "Foreground";

/** meta/v1 DeleteOptions, from a DELETE body (kubectl sends it without kind) and/or the query. */
export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

const POLICIES: readonly PropagationPolicy[] = ["Orphan", "Background", "Foreground"];

export function parseDeleteOptions(body: unknown, query: URLSearchParams): DeleteOptions {
  const options: DeleteOptions = {};
  const source = isRecord(body) ? body : {};
  const policy = source.propagationPolicy ?? query.get("propagationPolicy") ?? undefined;
  if (policy !== undefined) {
    if (typeof policy !== "string" || !POLICIES.includes(policy as PropagationPolicy)) {
      throw badRequest(`propagationPolicy: Unsupported value: ${JSON.stringify(policy)}: supported values: "Orphan", "Background", "Foreground"`);
    }
    options.propagationPolicy = policy as PropagationPolicy;
  } else if (source.orphanDependents === true || query.get("orphanDependents") === "true") {
    options.propagationPolicy = "Orphan";
  }
  const grace = source.gracePeriodSeconds ?? query.get("gracePeriodSeconds") ?? undefined;
  if (grace !== undefined && grace !== null) {
    const seconds = Number(grace);
    if (!Number.isInteger(seconds) || seconds < 0) throw badRequest(`gracePeriodSeconds must be a non-negative integer, got ${JSON.stringify(grace)}`);
    options.gracePeriodSeconds = seconds;
  }
  if (isRecord(source.preconditions)) {
    const { uid, resourceVersion } = source.preconditions;
    options.preconditions = {
      ...(typeof uid === "string" ? { uid } : {}),
      ...(typeof resourceVersion === "string" ? { resourceVersion } : {}),
    };
  }
  const dryRun = source.dryRun ?? query.getAll("dryRun");
  options.dryRun = Array.isArray(dryRun) && dryRun.includes("All");
  return options;
}
