/**
 * Strategic merge patch, the body of `application/strategic-merge-patch+json` that kubectl
 * apply, edit and patch send for built-in kinds. Maps merge like a JSON merge patch; lists
 * merge as `listStrategyAt` says; `$`-prefixed directives steer deletion and ordering.
 * Follows apimachinery's strategicpatch package as the API server runs it (parallel
 * deletion lists merged, nulls that match nothing dropped).
 */
import { badRequest } from "@/lib/k8s/api-errors";
import { isRecord } from "@/lib/k8s/types";
import { listStrategyAt } from "./merge-keys";

type JsonMap = Record<string, unknown>;

const PATCH = "$patch";
const RETAIN_KEYS = "$retainKeys";
const SET_ELEMENT_ORDER = "$setElementOrder/";
const DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

/** Where in the object a value sits: the kind, and field names from the root (no list indices). */
interface Location {
  kind: string;
  path: readonly string[];
}

/** Identifies a list item: its merge key's value, or the item itself in a list of primitives. */
type ItemId = (item: unknown) => unknown;

export function applyStrategicMergePatch(doc: unknown, patch: unknown, kind: string): unknown {
  if (!isRecord(patch)) throw badRequest("a strategic merge patch must be a JSON object");
  const original = isRecord(doc) ? structuredClone(doc) : {};
  // The patch is copied too: merging consumes its directives and adopts its values.
  return mergeMap(original, structuredClone(patch), { kind, path: [] });
}

function mergeMap(original: JsonMap | undefined, patch: JsonMap, at: Location): JsonMap {
  const directive = takeDirective(patch);
  if (directive === "delete") return {};
  const result = directive === "replace" || original === undefined ? {} : original;
  applyRetainKeys(result, patch);
  applyElementOrders(result, patch, at);
  for (const [key, value] of Object.entries(patch)) mergeField(result, key, value, at);
  return result;
}

/** Removes and returns a map's `$patch`; "merge" is the default and means nothing more. */
function takeDirective(patch: JsonMap): "delete" | "replace" | undefined {
  if (!Object.hasOwn(patch, PATCH)) return undefined;
  const directive = patch[PATCH];
  delete patch[PATCH];
  if (directive === "delete" || directive === "replace") return directive;
  if (directive === "merge") return undefined;
  throw badRequest(`unknown patch type: ${JSON.stringify(directive)} in map: ${JSON.stringify(patch)}`);
}

function mergeField(result: JsonMap, key: string, value: unknown, at: Location): void {
  if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
    return deleteFromPrimitiveList(result, key.slice(DELETE_FROM_PRIMITIVE_LIST.length), value, at);
  }
  if (key.startsWith("$")) throw badRequest(`unknown strategic merge patch directive ${JSON.stringify(key)}`);
  if (value === null) {
    delete result[key];
    return;
  }
  result[key] = mergeValue(result[key], value, child(at, key));
}

/** Merges a patch value into an original value (undefined when there is none). */
function mergeValue(original: unknown, patch: unknown, at: Location): unknown {
  if (isRecord(patch)) return mergeMap(isRecord(original) ? original : undefined, patch, at);
  if (Array.isArray(patch)) return mergeList(Array.isArray(original) ? original : [], patch, at);
  return patch;
}

function child(at: Location, field: string): Location {
  return { kind: at.kind, path: [...at.path, field] };
}

function mergeList(original: unknown[], patch: unknown[], at: Location): unknown[] {
  const strategy = listStrategyAt(at.kind, at.path);
  if (strategy.type === "merge") return mergeByKey(original, patch, strategy.key, at);
  if (strategy.type === "set") return mergeSet(original, patch, at);
  return patch;
}

function mergeSet(original: unknown[], patch: unknown[], at: Location): unknown[] {
  requirePrimitives(patch, at);
  const merged = [...new Set([...original, ...patch])];
  return orderLikeUpstream(merged, patch, original, (item) => item);
}

function mergeByKey(original: unknown[], patch: unknown[], key: string, at: Location): unknown[] {
  const id = mergeKeyOf(key);
  const { items, deleted, replace } = splitSpecialItems(patch, id);
  if (replace) return items.map((item) => mergeMap(undefined, item, at));
  const kept = original.filter((item) => !isRecord(item) || !deleted.has(item[key]));
  const merged = [...kept];
  for (const item of items) {
    const index = merged.findIndex((existing) => isRecord(existing) && existing[key] === item[key]);
    if (index >= 0) merged[index] = mergeMap(merged[index] as JsonMap, item, at);
    else merged.push(mergeMap(undefined, item, at));
  }
  return orderLikeUpstream(merged, items, kept, id);
}

function mergeKeyOf(key: string): (item: unknown) => unknown {
  return (item) => {
    if (!isRecord(item) || item[key] === undefined) {
      throw badRequest(`map: ${JSON.stringify(item)} does not contain declared merge key: ${key}`);
    }
    return item[key];
  };
}

/** Separates `$patch: delete` and `$patch: replace` items from the items to merge. */
function splitSpecialItems(patch: unknown[], id: ItemId): { items: JsonMap[]; deleted: Set<unknown>; replace: boolean } {
  const items: JsonMap[] = [];
  const deleted = new Set<unknown>();
  let replace = false;
  for (const item of patch) {
    if (!isRecord(item)) throw badRequest(`a list item must be an object, not ${JSON.stringify(item)}`);
    const directive = takeDirective(item);
    if (directive === "replace") {
      replace = true;
      continue;
    }
    const itemId = id(item);
    if (directive === "delete") deleted.add(itemId);
    else items.push(item);
  }
  return { items, deleted, replace };
}

function deleteFromPrimitiveList(result: JsonMap, field: string, value: unknown, at: Location): void {
  const listAt = child(at, field);
  if (!Array.isArray(value)) throw badRequest(`${DELETE_FROM_PRIMITIVE_LIST}${field} must be a list`);
  if (listStrategyAt(at.kind, listAt.path).type !== "set") {
    throw badRequest(`${DELETE_FROM_PRIMITIVE_LIST}${field}: ${field} is not a merging list of primitives`);
  }
  const current = result[field];
  if (!Array.isArray(current)) return;
  const doomed = new Set(value);
  result[field] = current.filter((item) => !doomed.has(item));
}

function applyRetainKeys(result: JsonMap, patch: JsonMap): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS)) return;
  const keys = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === "string")) {
    throw badRequest(`${RETAIN_KEYS} must be a list of field names`);
  }
  const retained = new Set<unknown>(keys);
  const unlisted = Object.keys(patch).find((k) => patch[k] !== null && !k.startsWith("$") && !retained.has(k));
  if (unlisted !== undefined) throw badRequest(`invalid patch format of retainKeys: ${JSON.stringify(unlisted)} is not in ${RETAIN_KEYS}`);
  for (const key of Object.keys(result)) if (!retained.has(key)) delete result[key];
}

/**
 * Merges each list named by a `$setElementOrder/<list>` and puts it in that order; the list
 * is then taken out of the patch. Items the order leaves out are kept (deletion is `$patch: delete`).
 */
function applyElementOrders(result: JsonMap, patch: JsonMap, at: Location): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const field = key.slice(SET_ELEMENT_ORDER.length);
    const order = patch[key];
    delete patch[key];
    const listAt = child(at, field);
    const strategy = listStrategyAt(at.kind, listAt.path);
    if (!Array.isArray(order)) throw badRequest(`invalid patch format of setElementOrder list: ${key} must be a list`);
    if (strategy.type === "atomic" || patch[field] === null) continue;
    const id = strategy.type === "merge" ? mergeKeyOf(strategy.key) : (item: unknown) => item;
    const listPatch = patch[field] ?? [];
    if (!Array.isArray(listPatch)) throw badRequest(`${field} must be a list`);
    checkOrderCoversPatch(listPatch, order, id, key);
    const original = Array.isArray(result[field]) ? (result[field] as unknown[]) : [];
    const merged = mergeList(original, listPatch, listAt);
    if (merged.length > 0 || Object.hasOwn(result, field)) result[field] = orderLikeUpstream(merged, order, original, id);
    delete patch[field];
  }
}

/** The patch list's items (other than `$patch` ones) must appear in the order list, in the same relative order. */
function checkOrderCoversPatch(listPatch: unknown[], order: unknown[], id: ItemId, key: string): void {
  const wanted = order.map(id);
  let cursor = 0;
  for (const item of listPatch) {
    if (isRecord(item) && Object.hasOwn(item, PATCH)) continue;
    const itemId = id(item);
    while (cursor < wanted.length && wanted[cursor] !== itemId) cursor++;
    if (cursor === wanted.length) throw badRequest(`invalid patch format of setElementOrder list: the order of ${key} does not cover ${JSON.stringify(item)}`);
    cursor++;
  }
}

/**
 * Orders a merged list as apimachinery does: items named in `patchOrder` follow that order,
 * the others keep their order in `serverOrder`, and the two are interleaved by server
 * position. Items new to the server therefore come before the server's remaining items.
 */
function orderLikeUpstream(merged: unknown[], patchOrder: unknown[], serverOrder: unknown[], id: ItemId): unknown[] {
  const inPatch = positions(patchOrder, id);
  const onServer = positions(serverOrder, id);
  const fromPatch = sortBy(merged.filter((item) => inPatch.has(id(item))), inPatch, id);
  const serverOnly = sortBy(merged.filter((item) => !inPatch.has(id(item))), onServer, id);
  return interleave(serverOnly, fromPatch, onServer, id);
}

function positions(list: unknown[], id: ItemId): Map<unknown, number> {
  const found = new Map<unknown, number>();
  list.forEach((item, index) => {
    const key = id(item);
    if (!found.has(key)) found.set(key, index);
  });
  return found;
}

function sortBy(items: unknown[], position: Map<unknown, number>, id: ItemId): unknown[] {
  return [...items].sort((a, b) => (position.get(id(a)) ?? 0) - (position.get(id(b)) ?? 0));
}

/** Walks the patch items, placing a server-only item first whenever the server had it before the next patch item. */
function interleave(serverOnly: unknown[], fromPatch: unknown[], onServer: Map<unknown, number>, id: ItemId): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < fromPatch.length) {
    const left = i < serverOnly.length ? onServer.get(id(serverOnly[i])) : undefined;
    const right = j < fromPatch.length ? onServer.get(id(fromPatch[j])) : undefined;
    const takeServerOnly = j >= fromPatch.length || (left !== undefined && right !== undefined && left < right);
    out.push(takeServerOnly ? serverOnly[i++] : fromPatch[j++]);
  }
  return out;
}

function requirePrimitives(list: unknown[], at: Location): void {
  if (list.some((item) => item !== null && typeof item === "object")) {
    throw badRequest(`${at.path.join(".")} is a list of primitives; its patch may not hold objects or lists`);
  }
}
