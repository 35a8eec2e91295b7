/**
 * The OpenAPI v3 documents served under /openapi/v3: one per group/version in RESOURCES, each
 * self-contained (paths plus every schema they reach). kubectl reads them for two things:
 * - apply/create/replace/edit look for a PATCH operation of the kind that takes `fieldValidation`;
 *   finding it, kubectl sends fieldValidation=Strict and leaves validation to the server.
 * - explain finds the kind's schema in components.schemas by `x-kubernetes-group-version-kind`.
 * Patch operations never list application/strategic-merge-patch+json: kubectl then computes
 * strategic merge patches from its compiled-in types, which know every merge key, not from ours.
 * The documents are static, so they are built once, on first use.
 */
import { createHash } from "node:crypto";
import { RESOURCES, type ResourceInfo } from "@/lib/k8s/resources";
import { CORE_SCHEMAS, SCALE, SCHEMA_REF_PREFIX, type GroupVersionKind, type OpenApiSchema } from "./core-schemas";
import { LWS_SCHEMA, LWS_SCHEMA_NAME } from "./lws-schema";
import { POD_GROUP_SCHEMA, POD_GROUP_SCHEMA_NAME } from "./podgroup-schema";

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  description: string;
  required?: boolean;
  schema: OpenApiSchema;
}

type Content = Record<string, { schema: OpenApiSchema }>;

export interface OpenApiOperation {
  operationId: string;
  description: string;
  "x-kubernetes-action": "get" | "list" | "post" | "put" | "patch" | "delete";
  "x-kubernetes-group-version-kind": GroupVersionKind;
  parameters?: OpenApiParameter[];
  requestBody?: { required: true; content: Content };
  responses: Record<string, { description: string; content?: Content }>;
}

export type OpenApiPathItem = { parameters?: OpenApiParameter[] } & Partial<Record<"get" | "post" | "put" | "patch" | "delete", OpenApiOperation>>;

export interface OpenApiDocument {
  openapi: "3.0.0";
  info: { title: string; version: string };
  paths: Record<string, OpenApiPathItem>;
  components: { schemas: Record<string, OpenApiSchema> };
}

export interface OpenApiIndex {
  paths: Record<string, { serverRelativeURL: string }>;
}

const SCHEMAS: Readonly<Record<string, OpenApiSchema>> = { ...CORE_SCHEMAS, [LWS_SCHEMA_NAME]: LWS_SCHEMA, [POD_GROUP_SCHEMA_NAME]: POD_GROUP_SCHEMA };
const SCALE_GVK: GroupVersionKind = { group: "autoscaling", version: "v1", kind: "Scale" };

const QUERY_PARAMETERS: Record<string, [NonNullable<OpenApiSchema["type"]>, string]> = {
  pretty: ["string", "If 'true', the output is indented."],
  dryRun: ["string", "If 'All', the request is processed in full but nothing is persisted."],
  fieldManager: ["string", "Name of the actor making the change; recorded in managedFields."],
  fieldValidation: ["string", "How the server treats unknown or duplicate fields in the body: Ignore, Warn or Strict."],
  force: ["boolean", "Server-side apply only: take over fields that other managers own instead of failing with a conflict."],
  labelSelector: ["string", "Only return objects whose labels match this selector."],
  fieldSelector: ["string", "Only return objects whose fields match this selector."],
  limit: ["integer", "Maximum number of items to return; the list metadata carries a continue token for the rest."],
  continue: ["string", "Token from a previous list response to fetch the next page."],
  resourceVersion: ["string", "List or watch from this resource version."],
  resourceVersionMatch: ["string", "How resourceVersion applies to a list: Exact or NotOlderThan."],
  watch: ["boolean", "Stream add, update and delete events instead of returning a list."],
  allowWatchBookmarks: ["boolean", "Let a watch send BOOKMARK events carrying only a resource version."],
  timeoutSeconds: ["integer", "Close a list or watch call after this many seconds."],
  gracePeriodSeconds: ["integer", "Seconds before the object is deleted; 0 deletes immediately."],
  propagationPolicy: ["string", "Whether and how dependents are garbage collected: Orphan, Background or Foreground."],
  container: ["string", "Container to stream logs of; optional when the pod has one container."],
  follow: ["boolean", "Keep streaming new log lines."],
  previous: ["boolean", "Return the logs of the previous, terminated instance of the container."],
  sinceSeconds: ["integer", "Only return log lines newer than this many seconds."],
  tailLines: ["integer", "Only return this many lines from the end of the log."],
  timestamps: ["boolean", "Prefix every log line with its RFC 3339 timestamp."],
  limitBytes: ["integer", "Stop returning log lines after this many bytes."],
};

const query = (...names: string[]): OpenApiParameter[] =>
  names.map((name) => ({ name, in: "query", description: QUERY_PARAMETERS[name][1], schema: { type: QUERY_PARAMETERS[name][0] } }));
const pathParameter = (name: string, description: string): OpenApiParameter => ({ name, in: "path", required: true, description, schema: { type: "string" } });

const NAMESPACE = pathParameter("namespace", "Object name and auth scope, such as for teams and projects.");
const NAME = pathParameter("name", "Name of the object.");
const WRITE = ["dryRun", "fieldManager", "fieldValidation", "pretty"];
const PATCH_BODY: OpenApiSchema = { type: "object", description: "A JSON patch, JSON merge patch or server-side apply configuration." };
const PATCH_TYPES = ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"];

/** The kind an operation reads or writes, and how its operationId names it. */
interface Target {
  gvk: GroupVersionKind;
  schema: OpenApiSchema;
  /** e.g. "CoreV1NamespacedPodStatus" */
  name: string;
}

const json = (schema: OpenApiSchema): Content => ({ "application/json": { schema } });
const ok = (target: Target, ...codes: string[]) => Object.fromEntries(codes.map((code) => [code, { description: code === "201" ? "Created" : "OK", content: json(target.schema) }]));

function operation(action: OpenApiOperation["x-kubernetes-action"], target: Target, verb: string, fields: Partial<OpenApiOperation> = {}): OpenApiOperation {
  return {
    operationId: `${verb}${target.name}`,
    description: `${verb} the specified ${target.gvk.kind}`,
    "x-kubernetes-action": action,
    "x-kubernetes-group-version-kind": target.gvk,
    responses: ok(target, "200"),
    ...fields,
  };
}

/** get, put and patch: the operations of an item and of its status and scale subresources. */
function readWriteOperations(target: Target): OpenApiPathItem {
  return {
    get: operation("get", target, "read", { parameters: query("pretty") }),
    put: operation("put", target, "replace", { parameters: query(...WRITE), requestBody: { required: true, content: json(target.schema) }, responses: ok(target, "200", "201") }),
    patch: operation("patch", target, "patch", {
      parameters: query(...WRITE, "force"),
      requestBody: { required: true, content: Object.fromEntries(PATCH_TYPES.map((type) => [type, { schema: PATCH_BODY }])) },
      responses: ok(target, "200", "201"),
    }),
  };
}

function listOperation(info: ResourceInfo, target: Target, name: string): OpenApiOperation {
  const list: OpenApiSchema = {
    description: `A list of ${info.kind} objects.`,
    type: "object",
    properties: { apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" }, items: { type: "array", items: target.schema } },
  };
  return operation("list", target, "list", {
    operationId: `list${name}`,
    description: `list or watch objects of kind ${info.kind}`,
    parameters: query("pretty", "labelSelector", "fieldSelector", "limit", "continue", "resourceVersion", "resourceVersionMatch", "watch", "allowWatchBookmarks", "timeoutSeconds"),
    responses: { "200": { description: "OK", content: json(list) } },
  });
}

function logOperation(target: Target): OpenApiOperation {
  return operation("get", { ...target, name: `${target.name}Log` }, "read", {
    description: "read the log of the specified Pod",
    parameters: query("container", "follow", "previous", "sinceSeconds", "tailLines", "timestamps", "limitBytes", "pretty"),
    responses: { "200": { description: "OK", content: { "text/plain": { schema: { type: "string" } } } } },
  });
}

function resourcePaths(info: ResourceInfo): Record<string, OpenApiPathItem> {
  const root = `/${gvPathOf(info)}`;
  const collection = info.namespaced ? `${root}/namespaces/{namespace}/${info.resource}` : `${root}/${info.resource}`;
  const item = `${collection}/{name}`;
  const scope = info.namespaced ? [NAMESPACE] : [];
  const words = `${groupWord(info.group)}${capitalize(info.version)}`;
  const target = kindTarget({ group: info.group, version: info.version, kind: info.kind }, `${words}${info.namespaced ? "Namespaced" : ""}${info.kind}`);
  const paths: Record<string, OpenApiPathItem> = {
    [collection]: {
      parameters: scope,
      get: listOperation(info, target, target.name),
      post: operation("post", target, "create", { parameters: query(...WRITE), requestBody: { required: true, content: json(target.schema) }, responses: ok(target, "200", "201", "202") }),
    },
    [item]: {
      parameters: [...scope, NAME],
      ...readWriteOperations(target),
      delete: operation("delete", target, "delete", { parameters: query("dryRun", "gracePeriodSeconds", "propagationPolicy", "pretty"), responses: ok(target, "200", "202") }),
    },
  };
  if (info.namespaced) paths[`${root}/${info.resource}`] = { get: listOperation(info, target, `${words}${info.kind}ForAllNamespaces`) };
  for (const sub of info.subresources) {
    const parameters = [...scope, NAME];
    if (sub === "status") paths[`${item}/status`] = { parameters, ...readWriteOperations({ ...target, name: `${target.name}Status` }) };
    if (sub === "scale") paths[`${item}/scale`] = { parameters, ...readWriteOperations(kindTarget(SCALE_GVK, `${target.name}Scale`)) };
    if (sub === "log") paths[`${item}/log`] = { parameters, get: logOperation(target) };
  }
  return paths;
}

function kindTarget(gvk: GroupVersionKind, name: string): Target {
  return { gvk, name, schema: { $ref: SCHEMA_REF_PREFIX + schemaNameOf(gvk) } };
}

function schemaNameOf(gvk: GroupVersionKind): string {
  const name = Object.keys(SCHEMAS).find((key) =>
    SCHEMAS[key]["x-kubernetes-group-version-kind"]?.some((g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind),
  );
  if (!name) throw new Error(`no OpenAPI schema for ${gvk.group}/${gvk.version} ${gvk.kind}`);
  return name;
}

/** "apps" → "Apps", "coordination.k8s.io" → "Coordination", "leaderworkerset.x-k8s.io" → "LeaderworkersetXK8sIo", as upstream names operations. */
function groupWord(group: string): string {
  if (!group) return "Core";
  return group.replace(/\.k8s\.io$/, "").split(/[^a-zA-Z0-9]+/).map(capitalize).join("");
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The index key of a group/version: "api/v1", "apis/apps/v1". */
function gvPathOf(info: Pick<ResourceInfo, "group" | "version">): string {
  return info.group ? `apis/${info.group}/${info.version}` : `api/${info.version}`;
}

/** Names of the schemas a document must carry: the given ones and every schema they reach by $ref. */
function reachableSchemas(roots: string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    if (!SCHEMAS[name]) throw new Error(`OpenAPI $ref to unknown schema ${name}`);
    seen.add(name);
    refsIn(SCHEMAS[name]).forEach(visit);
  };
  roots.forEach(visit);
  return [...seen].sort();
}

function refsIn(schema: OpenApiSchema): string[] {
  const children = [...Object.values(schema.properties ?? {}), ...(schema.allOf ?? []), ...(schema.anyOf ?? [])];
  if (schema.items) children.push(schema.items);
  if (schema.additionalProperties) children.push(schema.additionalProperties);
  const own = schema.$ref ? [schema.$ref.slice(SCHEMA_REF_PREFIX.length)] : [];
  return [...own, ...children.flatMap(refsIn)];
}

function buildDocument(infos: ResourceInfo[]): OpenApiDocument {
  const roots = infos.map((info) => schemaNameOf({ group: info.group, version: info.version, kind: info.kind }));
  if (infos.some((info) => info.subresources.includes("scale"))) roots.push(SCALE);
  return {
    openapi: "3.0.0",
    info: { title: "LWS Console embedded API server", version: gvPathOf(infos[0]) },
    paths: Object.assign({}, ...infos.map(resourcePaths)),
    components: { schemas: Object.fromEntries(reachableSchemas(roots).map((name) => [name, SCHEMAS[name]])) },
  };
}

interface BuiltDocument {
  document: OpenApiDocument;
  json: string;
  hash: string;
}

let built: Map<string, BuiltDocument> | undefined;

function documents(): Map<string, BuiltDocument> {
  if (built) return built;
  const byGroupVersion = new Map<string, ResourceInfo[]>();
  for (const info of RESOURCES) byGroupVersion.set(gvPathOf(info), [...(byGroupVersion.get(gvPathOf(info)) ?? []), info]);
  built = new Map();
  for (const [key, infos] of byGroupVersion) {
    const document = buildDocument(infos);
    const json = JSON.stringify(document);
    built.set(key, { document, json, hash: createHash("sha512").update(json).digest("hex").toUpperCase() });
  }
  return built;
}

/**
 * GET /openapi/v3. kubectl caches each document by the hash in its URL. `apiRoot` is the path the
 * API is mounted under ("" when it is served from the root), prepended to every serverRelativeURL.
 */
export function openApiIndex(apiRoot = ""): OpenApiIndex {
  const paths: OpenApiIndex["paths"] = {};
  for (const [key, { hash }] of documents()) paths[key] = { serverRelativeURL: `${apiRoot}/openapi/v3/${key}?hash=${hash}` };
  return { paths };
}

/** The document of one group/version ("api/v1", "apis/apps/v1", ...); shared between calls, so do not mutate it. */
export function openApiDocument(gvPath: string): OpenApiDocument | undefined {
  return documents().get(gvPath)?.document;
}

/** The same document serialized once: the exact bytes its hash was computed from, ready to send. */
export function openApiDocumentJson(gvPath: string): string | undefined {
  return documents().get(gvPath)?.json;
}
