import type { Status, StatusCause, StatusDetails } from "@/lib/k8s/types";

/**
 * An API failure that becomes a meta/v1 Status on the wire. Thrown anywhere below the
 * HTTP layer (store, admission, patching); the handler turns it into the response.
 */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toStatus(): Status {
    return {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** Identifies the object an error is about, as Status.details names it. */
export interface ErrorTarget {
  /** plural resource, e.g. "pods" or "leaderworkersets" */
  resource: string;
  /** API group, "" for core */
  group: string;
  name?: string;
}

function qualified(t: ErrorTarget): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

export function notFound(t: ErrorTarget): ApiError {
  return new ApiError(404, "NotFound", `${qualified(t)} "${t.name ?? ""}" not found`, {
    name: t.name,
    group: t.group,
    kind: t.resource,
  });
}

export function alreadyExists(t: ErrorTarget): ApiError {
  return new ApiError(409, "AlreadyExists", `${qualified(t)} "${t.name ?? ""}" already exists`, {
    name: t.name,
    group: t.group,
    kind: t.resource,
  });
}

export function conflict(t: ErrorTarget, why = "the object has been modified; please apply your changes to the latest version and try again"): ApiError {
  return new ApiError(409, "Conflict", `Operation cannot be fulfilled on ${qualified(t)} "${t.name ?? ""}": ${why}`, {
    name: t.name,
    group: t.group,
    kind: t.resource,
  });
}

/** 422 Invalid. `kind` is the object's Kind (e.g. "LeaderWorkerSet"), as upstream reports it. */
export function invalid(kind: string, group: string, name: string, causes: StatusCause[]): ApiError {
  const what = group ? `${kind}.${group}` : kind;
  const summary = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : (c.message ?? ""))).join(", ");
  const list = causes.length > 1 ? `[${summary}]` : summary;
  return new ApiError(422, "Invalid", `${what} "${name}" is invalid: ${list}`, { name, group, kind, causes });
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, "BadRequest", message);
}

export function gone(message: string): ApiError {
  return new ApiError(410, "Expired", message);
}

export function unsupportedMediaType(message: string): ApiError {
  return new ApiError(415, "UnsupportedMediaType", message);
}

export function methodNotAllowed(message: string): ApiError {
  return new ApiError(405, "MethodNotAllowed", message);
}

export function forbidden(message: string): ApiError {
  return new ApiError(403, "Forbidden", message);
}

export function unauthorized(): ApiError {
  return new ApiError(401, "Unauthorized", "Unauthorized");
}

export function tooLarge(limitBytes: number): ApiError {
  return new ApiError(413, "RequestEntityTooLarge", `the request body is larger than the ${limitBytes} byte limit`);
}

export function internalError(message: string): ApiError {
  return new ApiError(500, "InternalError", message);
}

/** A cause for a 422, in upstream's field.Error wording. */
export function fieldInvalid(field: string, value: unknown, detail: string): StatusCause {
  return { reason: "FieldValueInvalid", field, message: `Invalid value: ${JSON.stringify(value)}: ${detail}` };
}

export function fieldRequired(field: string, detail = ""): StatusCause {
  return { reason: "FieldValueRequired", field, message: detail ? `Required value: ${detail}` : "Required value" };
}

export function fieldForbidden(field: string, detail: string): StatusCause {
  return { reason: "FieldValueForbidden", field, message: `Forbidden: ${detail}` };
}

export function fieldNotSupported(field: string, value: unknown, supported: string[]): StatusCause {
  return {
    reason: "FieldValueNotSupported",
    field,
    message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${supported.map((s) => `"${s}"`).join(", ")}`,
  };
}

/** The Status code of an ApiError (or of anything carrying a numeric `code`), if any. */
export function errorCode(err: unknown): number | undefined {
  if (err instanceof ApiError) return err.code;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "number" ? code : undefined;
}

export function isNotFound(err: unknown): boolean {
  return errorCode(err) === 404;
}

export function isConflict(err: unknown): boolean {
  return errorCode(err) === 409;
}

export function isAlreadyExists(err: unknown): boolean {
  return err instanceof ApiError ? err.reason === "AlreadyExists" : false;
}
