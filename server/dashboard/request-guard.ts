import { ZodError, type ZodType } from "zod";
import { ApiError, forbidden, invalid } from "@/lib/k8s/api-errors";

/**
 * Mutating dashboard routes accept only same-origin requests: another site's page must not be
 * able to drive this cluster through a user's browser (CSRF).
 */
export function checkOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if (!origin || !host || new URL(origin).host !== host) throw forbidden("cross-origin requests are not allowed: the Origin header must match this server");
}

const MAX_JSON_BYTES = 1024 * 1024;

/** The JSON body validated against a zod schema: a 422 that names each field otherwise. */
export async function readValidBody<T>(request: Request, schema: ZodType<T>, kind: string): Promise<T> {
  const text = await request.text();
  if (text.length > MAX_JSON_BYTES) throw new ApiError(413, "RequestEntityTooLarge", `the request body is larger than ${MAX_JSON_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, "BadRequest", "the request body is not valid JSON");
  }
  try {
    return schema.parse(body);
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    throw invalid(kind, "", "", err.issues.map((i) => ({ reason: "FieldValueInvalid", field: i.path.join("."), message: i.message })));
  }
}

/** An ApiError (or anything else) as a JSON Status response for the dashboard's routes. */
export function errorJson(err: unknown): Response {
  const status = err instanceof ApiError ? err.toStatus() : new ApiError(500, "InternalError", err instanceof Error ? err.message : String(err)).toStatus();
  if (!(err instanceof ApiError)) console.error("dashboard route failed:", err);
  return Response.json(status, { status: status.code });
}
