import { findResource, type ResourceInfo } from "@/lib/k8s/resources";

/** A request path resolved to what it addresses. */
export type ApiRoute =
  | { type: "version" }
  | { type: "health"; check: string }
  | { type: "discovery-root"; root: "api" | "apis" }
  | { type: "discovery-group"; group: string }
  | { type: "discovery-version"; group: string; version: string }
  | { type: "openapi-index" }
  | { type: "openapi-document"; path: string }
  | { type: "openapi-v2" }
  | { type: "resource"; info: ResourceInfo; namespace?: string; name?: string; subresource?: string }
  | { type: "unknown-resource"; group: string; version: string; resource: string }
  | { type: "not-found" };

const NAMESPACE_SUBRESOURCES = new Set(["status", "finalize"]);

/** Resolves a path below the API root (e.g. "/api/v1/namespaces/default/pods/p/status"). */
export function resolvePath(path: string): ApiRoute {
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const [root, ...rest] = parts;
  if (root === "version" && rest.length === 0) return { type: "version" };
  if ((root === "healthz" || root === "livez" || root === "readyz") && rest.length <= 1) return { type: "health", check: root };
  if (root === "openapi") return resolveOpenApi(rest);
  if (root === "api") return rest.length === 0 ? { type: "discovery-root", root: "api" } : resolveGroupVersion("", rest);
  if (root === "apis") {
    if (rest.length === 0) return { type: "discovery-root", root: "apis" };
    if (rest.length === 1) return { type: "discovery-group", group: rest[0] };
    return resolveGroupVersion(rest[0], rest.slice(1));
  }
  return { type: "not-found" };
}

function resolveOpenApi(rest: string[]): ApiRoute {
  if (rest[0] === "v2" && rest.length === 1) return { type: "openapi-v2" };
  if (rest[0] !== "v3") return { type: "not-found" };
  return rest.length === 1 ? { type: "openapi-index" } : { type: "openapi-document", path: rest.slice(1).join("/") };
}

function resolveGroupVersion(group: string, parts: string[]): ApiRoute {
  const [version, ...rest] = parts;
  if (rest.length === 0) return { type: "discovery-version", group, version };
  if (rest[0] === "namespaces" && rest.length >= 3 && !(rest.length === 3 && NAMESPACE_SUBRESOURCES.has(rest[2]))) {
    return resolveResource(group, version, rest[2], rest[1], rest.slice(3));
  }
  return resolveResource(group, version, rest[0], undefined, rest.slice(1));
}

function resolveResource(group: string, version: string, resource: string, namespace: string | undefined, tail: string[]): ApiRoute {
  const info = findResource(group, version, resource);
  if (!info) return { type: "unknown-resource", group, version, resource };
  if (tail.length > 2) return { type: "not-found" };
  // "namespaces/<name>" names the Namespace object itself, not a namespace to look in.
  if (info.resource === "namespaces" && namespace === undefined) return { type: "resource", info, name: tail[0], subresource: tail[1] };
  if (!info.namespaced && namespace !== undefined) return { type: "not-found" };
  return { type: "resource", info, namespace, name: tail[0], subresource: tail[1] };
}
