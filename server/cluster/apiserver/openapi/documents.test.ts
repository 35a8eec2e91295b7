import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { RESOURCES, type ResourceInfo } from "@/lib/k8s/resources";
import { SCHEMA_REF_PREFIX, type GroupVersionKind } from "./core-schemas";
import { openApiDocument, openApiDocumentJson, openApiIndex, type OpenApiDocument, type OpenApiOperation } from "./documents";

const gvPath = (info: ResourceInfo) => (info.group ? `apis/${info.group}/${info.version}` : `api/${info.version}`);
const gvkOf = (info: ResourceInfo): GroupVersionKind => ({ group: info.group, version: info.version, kind: info.kind });
const docOf = (info: ResourceInfo) => openApiDocument(gvPath(info)) as OpenApiDocument;
const KEYS = [...new Set(RESOURCES.map(gvPath))];
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function operations(doc: OpenApiDocument): OpenApiOperation[] {
  return Object.values(doc.paths).flatMap((item) => METHODS.flatMap((method) => item[method] ?? []));
}

/** kubectl's check before it trusts server-side validation: the first PATCH operation of the GVK must take fieldValidation. */
function supportsFieldValidation(doc: OpenApiDocument, gvk: GroupVersionKind): boolean {
  const patches = Object.values(doc.paths).flatMap((item) => item.patch ?? []);
  const ofKind = patches.filter((op) => JSON.stringify(op["x-kubernetes-group-version-kind"]) === JSON.stringify(gvk));
  return ofKind.length > 0 && ofKind.every((op) => op.parameters?.some((p) => p.name === "fieldValidation" && p.in === "query"));
}

/** kubectl explain's lookup: the GVK of the resource's paths, then the schema that lists that GVK. */
function explainSchemaName(info: ResourceInfo): string | undefined {
  const doc = docOf(info);
  const prefix = `/${gvPath(info)}`;
  const candidates = [`${prefix}/${info.resource}`, `${prefix}/namespaces/{namespace}/${info.resource}/{name}`];
  const gvk = candidates.flatMap((path) => METHODS.map((m) => doc.paths[path]?.[m]?.["x-kubernetes-group-version-kind"])).find(Boolean);
  const schemas = doc.components.schemas;
  return Object.keys(schemas).find((name) => schemas[name]["x-kubernetes-group-version-kind"]?.some((g) => JSON.stringify(g) === JSON.stringify(gvk)));
}

function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === "$ref" && typeof child === "string" ? [child] : refs(child)));
}

describe("openApiIndex", () => {
  it("lists one document per group/version in RESOURCES", () => {
    expect(Object.keys(openApiIndex().paths).sort()).toEqual([...KEYS].sort());
    expect(KEYS).toEqual(expect.arrayContaining(["api/v1", "apis/apps/v1", "apis/coordination.k8s.io/v1", "apis/leaderworkerset.x-k8s.io/v1"]));
  });

  it("points at each document with the hash of its exact JSON, under the given API root", () => {
    for (const [key, { serverRelativeURL }] of Object.entries(openApiIndex("/k8s").paths)) {
      const hash = createHash("sha512").update(openApiDocumentJson(key) ?? "").digest("hex").toUpperCase();
      expect(serverRelativeURL).toBe(`/k8s/openapi/v3/${key}?hash=${hash}`);
    }
    expect(openApiIndex().paths["api/v1"].serverRelativeURL).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/);
  });

  it("gives stable hashes that differ between documents", () => {
    const urls = Object.values(openApiIndex().paths).map((p) => p.serverRelativeURL);
    expect(Object.values(openApiIndex().paths).map((p) => p.serverRelativeURL)).toEqual(urls);
    expect(new Set(urls.map((url) => url.split("hash=")[1])).size).toBe(urls.length);
  });
});

describe("openApiDocument", () => {
  it("is built once and answers undefined for a group/version it does not serve", () => {
    expect(openApiDocument("api/v1")).toBe(openApiDocument("api/v1"));
    expect(openApiDocument("apis/batch/v1")).toBeUndefined();
    expect(openApiDocumentJson("apis/batch/v1")).toBeUndefined();
  });

  it.each(KEYS)("%s is an OpenAPI 3.0 document whose every $ref resolves inside it", (key) => {
    const doc = openApiDocument(key) as OpenApiDocument;
    expect(doc).toMatchObject({ openapi: "3.0.0", info: { title: expect.any(String), version: expect.any(String) } });
    for (const ref of refs(doc)) {
      expect(ref.startsWith(SCHEMA_REF_PREFIX)).toBe(true);
      expect(doc.components.schemas).toHaveProperty([ref.slice(SCHEMA_REF_PREFIX.length)]);
    }
  });

  it.each(KEYS)("%s never offers strategic merge patch and gives every operation a GVK", (key) => {
    const doc = openApiDocument(key) as OpenApiDocument;
    expect(openApiDocumentJson(key)).not.toContain("strategic-merge-patch");
    for (const op of operations(doc)) expect(op["x-kubernetes-group-version-kind"]).toEqual({ group: expect.any(String), version: expect.any(String), kind: expect.any(String) });
  });
});

describe.each(RESOURCES.map((info) => [`${gvPath(info)} ${info.resource}`, info] as const))("%s", (_name, info) => {
  const collection = `/${gvPath(info)}${info.namespaced ? "/namespaces/{namespace}" : ""}/${info.resource}`;

  it("has an item PATCH operation carrying its GVK and a fieldValidation query parameter", () => {
    const patch = docOf(info).paths[`${collection}/{name}`]?.patch;
    expect(patch?.["x-kubernetes-action"]).toBe("patch");
    expect(patch?.["x-kubernetes-group-version-kind"]).toEqual(gvkOf(info));
    expect(patch?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(["fieldValidation", "fieldManager", "force", "dryRun"]));
    expect(supportsFieldValidation(docOf(info), gvkOf(info))).toBe(true);
  });

  it("has get, put and delete on the item and list and create on the collection", () => {
    const { paths } = docOf(info);
    const actions = (path: string) => METHODS.flatMap((m) => paths[path]?.[m]?.["x-kubernetes-action"] ?? []);
    expect(actions(`${collection}/{name}`)).toEqual(["get", "put", "patch", "delete"]);
    expect(actions(collection)).toEqual(["list", "post"]);
    for (const op of [paths[collection].post, paths[`${collection}/{name}`].put]) {
      expect(op?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(["fieldValidation", "fieldManager", "dryRun"]));
    }
  });

  it("has a schema kubectl explain finds, with its GVK as an array and ObjectMeta by allOf $ref", () => {
    const name = explainSchemaName(info);
    expect(name).toBeDefined();
    const schema = docOf(info).components.schemas[name as string];
    expect(schema["x-kubernetes-group-version-kind"]).toEqual([gvkOf(info)]);
    expect(schema.description).toBeTruthy();
    expect(schema.properties?.metadata?.allOf).toEqual([{ $ref: `${SCHEMA_REF_PREFIX}io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta` }]);
  });

  it("serves each status and scale subresource with a PATCH that takes fieldValidation", () => {
    for (const sub of info.subresources.filter((s) => s === "status" || s === "scale")) {
      const patch = docOf(info).paths[`${collection}/{name}/${sub}`]?.patch;
      expect(patch?.["x-kubernetes-group-version-kind"]).toEqual(sub === "scale" ? { group: "autoscaling", version: "v1", kind: "Scale" } : gvkOf(info));
      expect(patch?.parameters?.some((p) => p.name === "fieldValidation")).toBe(true);
    }
  });
});
