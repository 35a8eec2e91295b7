import { timingSafeEqual } from "node:crypto";
import type { KubeObject } from "@/lib/k8s/types";
import type { ResourceInfo } from "@/lib/k8s/resources";
import { ApiError, badRequest, methodNotAllowed, unauthorized } from "@/lib/k8s/api-errors";
import { openApiDocumentJson, openApiIndex } from "../openapi/documents";
import { parseDeleteOptions } from "../registry/delete-options";
import type { ObjectRegistry } from "../registry/object-registry";
import { applyPatch, patchTypeOf } from "../registry/patching";
import { toTable } from "../tables/table";
import { decodeKubernetesProtobuf, KUBERNETES_PROTOBUF } from "../protobuf/decode";
import { parseJsonBody, parseYamlBody, readBody, readBodyBytes } from "./body";
import { aggregatedDiscovery, aggregatedDiscoveryVersion, legacyApiGroup, legacyApiGroupList, legacyApiVersions, legacyResourceList, VERSION_INFO } from "./discovery";
import { listPage, listResponse, tableRequest } from "./list";
import { matchesFilter, parseFilter } from "./list-query";
import { resolvePath, type ApiRoute } from "./paths";
import { bindPod, evictPod, type PodLogSource } from "./pod-subresources";
import { podLogResponse } from "./pod-log";
import { errorResponse, jsonResponse, rawJsonResponse, statusResponse, successStatus } from "./responses";
import { fromScale, toScale } from "./scale";
import { watchResponse } from "./watch";

export interface ApiServerOptions {
  registry: ObjectRegistry;
  /** the bearer token every request must carry */
  token: string;
  /** path prefix the API is mounted under, e.g. "/k8s" */
  prefix: string;
  logs?: PodLogSource;
}

type ResourceRoute = Extract<ApiRoute, { type: "resource" }>;

/** The embedded kube-apiserver's HTTP surface, as a fetch-style handler (Next route or node:http). */
export class ApiServer {
  constructor(private readonly options: ApiServerOptions) {}

  async handle(request: Request): Promise<Response> {
    try {
      if (!this.authorized(request)) throw unauthorized();
      const url = new URL(request.url);
      const path = url.pathname.startsWith(this.options.prefix) ? url.pathname.slice(this.options.prefix.length) : url.pathname;
      return await this.route(request, resolvePath(path), url);
    } catch (err) {
      return errorResponse(err);
    }
  }

  private authorized(request: Request): boolean {
    const header = request.headers.get("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) return false;
    const given = Buffer.from(match[1].trim());
    const expected = Buffer.from(this.options.token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private async route(request: Request, route: ApiRoute, url: URL): Promise<Response> {
    const accept = request.headers.get("accept");
    switch (route.type) {
      case "version":
        return jsonResponse(VERSION_INFO);
      case "health":
        return new Response("ok", { headers: { "content-type": "text/plain" } });
      case "discovery-root": {
        const aggregated = aggregatedDiscoveryVersion(accept);
        if (aggregated) return aggregatedDiscovery(route.root, aggregated);
        return route.root === "api" ? legacyApiVersions(url.host) : legacyApiGroupList();
      }
      case "discovery-group":
        return legacyApiGroup(route.group) ?? notFoundResponse();
      case "discovery-version":
        return legacyResourceList(route.group, route.version) ?? notFoundResponse();
      case "openapi-index":
        return jsonResponse(openApiIndex(this.options.prefix));
      case "openapi-document": {
        const doc = openApiDocumentJson(route.path);
        return doc ? rawJsonResponse(doc) : notFoundResponse();
      }
      case "openapi-v2":
      case "unknown-resource":
      case "not-found":
        return notFoundResponse();
      case "resource":
        return this.resource(request, route, url, accept);
    }
  }

  private async resource(request: Request, route: ResourceRoute, url: URL, accept: string | null): Promise<Response> {
    const { info, name, subresource } = route;
    const query = url.searchParams;
    if (subresource && !info.subresources.includes(subresource as ResourceInfo["subresources"][number]) && !(info.resource === "namespaces" && subresource === "finalize")) {
      return notFoundResponse();
    }
    // Clients outside the process read only what is on disk, never a write still being committed.
    if (request.method === "GET") await this.options.registry.store.durable();
    if (!name) return this.collection(request, route, query, accept);
    const namespace = route.namespace ?? "";
    switch (request.method) {
      case "GET":
        return this.read(route, namespace, name, query, accept);
      case "PUT":
        return this.put(request, route, namespace, name, query);
      case "PATCH":
        return this.patch(request, route, namespace, name, query);
      case "DELETE": {
        const text = await readBody(request);
        const options = parseDeleteOptions(text.trim() ? parseJsonBody(text) : undefined, query);
        return objectResponse(await this.options.registry.delete(info, namespace, name, options), 200);
      }
      case "POST":
        return this.postSubresource(request, route, namespace, name);
      default:
        throw methodNotAllowed(`${request.method} is not supported on ${info.resource}`);
    }
  }

  private async collection(request: Request, route: ResourceRoute, query: URLSearchParams, accept: string | null): Promise<Response> {
    const { info } = route;
    const registry = this.options.registry;
    if (request.method === "GET") {
      const watch = query.get("watch");
      if (watch === "true" || watch === "1") return watchResponse(registry, info, route.namespace, query, accept, request.signal);
      return listResponse(info, listPage(registry, info, route.namespace, query), accept, query, Date.now());
    }
    if (info.namespaced && route.namespace === undefined) throw methodNotAllowed(`${request.method} requires a namespace`);
    if (request.method === "POST") {
      const body = (await readObjectBody(request)) as KubeObject;
      const created = await registry.create(info, route.namespace ?? "", body, writeOptions(query, request));
      return objectResponse(created, 201);
    }
    if (request.method === "DELETE") return this.deleteCollection(request, route, query);
    throw methodNotAllowed(`${request.method} is not supported on a collection of ${info.resource}`);
  }

  private async deleteCollection(request: Request, route: ResourceRoute, query: URLSearchParams): Promise<Response> {
    const { info } = route;
    const text = await readBody(request);
    const options = parseDeleteOptions(text.trim() ? parseJsonBody(text) : undefined, query);
    const filter = parseFilter(info, route.namespace, query);
    const targets = [...this.options.registry.entries(info, filter.namespace)].map((e) => e.object).filter((o) => matchesFilter(info, filter, o));
    const deleted: KubeObject[] = [];
    for (const object of targets) {
      try {
        deleted.push(await this.options.registry.delete(info, object.metadata.namespace ?? "", object.metadata.name ?? "", options));
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 404)) throw err;
      }
    }
    return jsonResponse({ kind: info.listKind, apiVersion: deleted[0]?.apiVersion ?? "v1", metadata: { resourceVersion: String(this.options.registry.store.resourceVersion) }, items: deleted });
  }

  private read(route: ResourceRoute, namespace: string, name: string, query: URLSearchParams, accept: string | null): Response {
    const { info, subresource } = route;
    const registry = this.options.registry;
    if (subresource === "log") return podLogResponse(registry, this.options.logs, namespace, name, query);
    const object = registry.get(info, namespace, name);
    if (subresource === "scale") return jsonResponse(toScale(info, object));
    const table = tableRequest(accept, query);
    if (table) return jsonResponse(toTable(info.kind, [object], { now: Date.now(), includeObject: table.includeObject, withColumns: true, metadata: { resourceVersion: object.metadata.resourceVersion } }));
    return objectResponse(object, 200);
  }

  private async put(request: Request, route: ResourceRoute, namespace: string, name: string, query: URLSearchParams): Promise<Response> {
    const { info, subresource } = route;
    const registry = this.options.registry;
    const body = await readObjectBody(request);
    if (subresource === "scale") {
      const updated = await registry.update(info, namespace, name, fromScale(registry.get(info, namespace, name), body), writeOptions(query, request));
      return jsonResponse(toScale(info, updated));
    }
    const sub = subresource === "finalize" ? "" : subresource;
    return objectResponse(await registry.update(info, namespace, name, body as KubeObject, { ...writeOptions(query, request), subresource: sub }), 200);
  }

  private async patch(request: Request, route: ResourceRoute, namespace: string, name: string, query: URLSearchParams): Promise<Response> {
    const { info, subresource } = route;
    const registry = this.options.registry;
    const type = patchTypeOf(request.headers.get("content-type") ?? undefined, info);
    const text = await readBody(request);
    const body = type === "apply" ? parseYamlBody(text) : parseJsonBody(text);
    const options = { ...writeOptions(query, request), force: query.get("force") === "true", subresource: subresource === "scale" ? "" : subresource };
    if (subresource === "scale") {
      if (type === "apply") throw badRequest("server-side apply is not supported on the scale subresource");
      const current = registry.get(info, namespace, name);
      const scale = applyPatch(type, toScale(info, current), body, { ...info, kind: "Scale" });
      const updated = await registry.update(info, namespace, name, fromScale(current, scale), writeOptions(query, request));
      return jsonResponse(toScale(info, updated));
    }
    const { object, created } = await registry.patch(info, namespace, name, type, body, options);
    return objectResponse(object, created ? 201 : 200);
  }

  private async postSubresource(request: Request, route: ResourceRoute, namespace: string, name: string): Promise<Response> {
    const body = await readObjectBody(request);
    if (route.subresource === "binding") {
      await bindPod(this.options.registry, namespace, name, body);
      return jsonResponse({ ...successStatus(), code: 201 }, 201);
    }
    if (route.subresource === "eviction") {
      await evictPod(this.options.registry, namespace, name, body);
      return jsonResponse({ ...successStatus(), code: 201 }, 201);
    }
    throw methodNotAllowed(`POST is not supported on ${route.info.resource}/${route.subresource ?? ""}`);
  }
}

/**
 * The body of a create/update/subresource POST as an object: JSON, or the protobuf that
 * kubectl's typed clients send (`kubectl create namespace|configmap|secret|service|deployment`).
 */
async function readObjectBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith(KUBERNETES_PROTOBUF)) return decodeKubernetesProtobuf(await readBodyBytes(request));
  return parseJsonBody(await readBody(request));
}

/** Without a fieldManager the writer is named after its User-Agent's product, as kube-apiserver does. */
function writeOptions(query: URLSearchParams, request: Request) {
  const agent = (request.headers.get("user-agent") ?? "").split("/")[0].trim();
  return { fieldManager: query.get("fieldManager") || agent.slice(0, 128) || undefined, dryRun: query.getAll("dryRun").includes("All") };
}

function objectResponse(object: KubeObject, status: number): Response {
  return jsonResponse(object, status);
}

function notFoundResponse(): Response {
  return statusResponse(new ApiError(404, "NotFound", "the server could not find the requested resource", {}).toStatus());
}
