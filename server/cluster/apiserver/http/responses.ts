import type { Status } from "@/lib/k8s/types";
import { ApiError, internalError } from "@/lib/k8s/api-errors";

const JSON_TYPE = "application/json";

export function jsonResponse(body: unknown, status = 200, contentType = JSON_TYPE): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": contentType, "cache-control": "no-cache, private" } });
}

/** A response whose body is already-serialized JSON (store entries keep theirs). */
export function rawJsonResponse(json: string, status = 200, contentType = JSON_TYPE): Response {
  return new Response(json, { status, headers: { "content-type": contentType, "cache-control": "no-cache, private" } });
}

export function statusResponse(status: Status): Response {
  return jsonResponse(status, status.code);
}

/** Any thrown value as a Kubernetes Status response; unexpected errors become a 500 that says what failed. */
export function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) return statusResponse(err.toStatus());
  console.error("embedded API server: unexpected error", err);
  const message = err instanceof Error ? err.message : String(err);
  return statusResponse(internalError(message).toStatus());
}

export function successStatus(details?: Status["details"]): Status {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 200, ...(details ? { details } : {}) };
}
