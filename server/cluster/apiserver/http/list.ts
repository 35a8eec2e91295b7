import type { KubeObject } from "@/lib/k8s/types";
import { groupVersion, type ResourceInfo } from "@/lib/k8s/resources";
import type { StoreEntry } from "../../store/store";
import { badRequest } from "@/lib/k8s/api-errors";
import type { ObjectRegistry } from "../registry/object-registry";
import { toTable, type IncludeObject } from "../tables/table";
import { matchesFilter, parseFilter } from "./list-query";
import { jsonResponse, rawJsonResponse } from "./responses";

interface Page {
  entries: StoreEntry[];
  resourceVersion: string;
  continueToken?: string;
  remaining?: number;
}

interface ContinueToken {
  rv: number;
  after: string;
}

function sortKey(object: KubeObject): string {
  return `${object.metadata.namespace ?? ""}/${object.metadata.name ?? ""}`;
}

// Lists are served from the current state, so a continue token only says where the last page ended.
function decodeContinue(token: string): ContinueToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const candidate = parsed as Partial<ContinueToken> | undefined;
  if (typeof candidate?.after !== "string" || typeof candidate.rv !== "number") throw badRequest("continue key is not valid");
  return { rv: candidate.rv, after: candidate.after };
}

/** One page of a list, sorted by namespace/name as etcd's key order gives it. */
export function listPage(registry: ObjectRegistry, info: ResourceInfo, namespace: string | undefined, query: URLSearchParams): Page {
  const filter = parseFilter(info, namespace, query);
  const limit = Number(query.get("limit") ?? "0");
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`limit must be a non-negative integer, got ${query.get("limit")}`);
  const token = query.get("continue");
  const cont = token ? decodeContinue(token) : undefined;
  const matching: Array<{ key: string; entry: StoreEntry }> = [];
  for (const entry of registry.entries(info, filter.namespace)) {
    if (!matchesFilter(info, filter, entry.object)) continue;
    const key = sortKey(entry.object);
    if (!cont || key > cont.after) matching.push({ key, entry });
  }
  matching.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rv = cont?.rv ?? registry.store.resourceVersion;
  if (limit === 0 || matching.length <= limit) return { entries: matching.map((m) => m.entry), resourceVersion: String(rv) };
  const page = matching.slice(0, limit);
  const next: ContinueToken = { rv, after: page[page.length - 1].key };
  return {
    entries: page.map((m) => m.entry),
    resourceVersion: String(rv),
    continueToken: Buffer.from(JSON.stringify(next)).toString("base64url"),
    remaining: matching.length - limit,
  };
}

/** Which Table options the Accept header asks for, if it asks for a Table at all. */
export function tableRequest(accept: string | null, query: URLSearchParams): { includeObject: IncludeObject } | undefined {
  if (!accept || !/as=Table/.test(accept.split(",")[0] ?? "")) return undefined;
  const include = query.get("includeObject");
  return { includeObject: include === "None" || include === "Object" ? include : "Metadata" };
}

export function listResponse(info: ResourceInfo, page: Page, accept: string | null, query: URLSearchParams, now: number): Response {
  const meta = {
    resourceVersion: page.resourceVersion,
    ...(page.continueToken ? { continue: page.continueToken, remainingItemCount: page.remaining } : {}),
  };
  const table = tableRequest(accept, query);
  if (table) {
    const objects = page.entries.map((e) => e.object);
    return jsonResponse(toTable(info.kind, objects, { now, includeObject: table.includeObject, withColumns: true, metadata: meta }));
  }
  // Items are spliced in as the JSON the store already holds: no re-serialization of big lists.
  const head = JSON.stringify({ kind: info.listKind, apiVersion: groupVersion(info), metadata: meta });
  return rawJsonResponse(`${head.slice(0, -1)},"items":[${page.entries.map((e) => e.json).join(",")}]}`);
}
