import { isRecord, type KubeObject, type ManagedFieldsEntry, type ObjectMeta, type StatusCause } from "@/lib/k8s/types";
import { ApiError, badRequest } from "@/lib/k8s/api-errors";
import { createdFieldsV1, fromObject } from "./owned-fields";
import { compare, type Change } from "./compare-fields";
import { FieldSet, isServerOwnedMetadata, listItems } from "./field-set";
import { pathString, type FieldPath } from "./path-element";

/**
 * Server-side apply and the managedFields bookkeeping of every write, after upstream's
 * structured-merge-diff: appliers own what they apply, updaters own what they change, and a
 * change to a field someone else owns is a conflict for an applier.
 */

export interface ApplyInput {
  live: KubeObject | undefined;
  applied: KubeObject;
  manager: string;
  force: boolean;
  kind: string;
  apiVersion: string;
  now: string;
  subresource?: string;
}

export interface UpdateInput {
  before: KubeObject | undefined;
  after: KubeObject;
  manager: string;
  apiVersion: string;
  now: string;
  subresource?: string;
}

interface Manager {
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  subresource?: string;
  time?: string;
  fields: FieldSet;
}

// ---- managedFields entries ----

/** Upstream keys managers by name, operation and subresource, plus apiVersion for updaters only. */
function sameManager(a: Omit<Manager, "fields">, b: Omit<Manager, "fields">): boolean {
  const version = (m: Omit<Manager, "fields">) => (m.operation === "Update" ? m.apiVersion : "");
  return a.manager === b.manager && a.operation === b.operation && (a.subresource ?? "") === (b.subresource ?? "") && version(a) === version(b);
}

function decodeManagers(entries: readonly ManagedFieldsEntry[] | undefined): Manager[] {
  const managers: Manager[] = [];
  for (const entry of entries ?? []) {
    const fields = FieldSet.fromFieldsV1(entry.fieldsV1);
    const same = managers.find((m) => sameManager(m, entry));
    if (same) same.fields = same.fields.union(fields);
    else managers.push({ manager: entry.manager, operation: entry.operation, apiVersion: entry.apiVersion, subresource: entry.subresource, time: entry.time, fields });
  }
  return managers;
}

function seconds(time: string | undefined): number {
  return time ? Math.floor(Date.parse(time) / 1000) : 0;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Upstream's order: appliers first, then by time, manager, apiVersion and subresource. */
function byUpstreamOrder(a: Manager, b: Manager): number {
  const order = [
    byText(a.operation, b.operation),
    seconds(a.time) - seconds(b.time),
    byText(a.manager, b.manager),
    byText(a.apiVersion, b.apiVersion),
    byText(a.subresource ?? "", b.subresource ?? ""),
  ];
  return order.find((o) => o !== 0) ?? 0;
}

// Spelled out in upstream's key order rather than spread from the manager: every entry then shares
// one hidden class, where rest and spread gave most entries one of their own.
function entryOf(m: Manager): ManagedFieldsEntry {
  const entry: ManagedFieldsEntry = { manager: m.manager, operation: m.operation, apiVersion: m.apiVersion, time: m.time, fieldsType: "FieldsV1", fieldsV1: m.fields.toFieldsV1() };
  if (m.subresource) entry.subresource = m.subresource;
  return entry;
}

function encodeManagers(managers: readonly Manager[]): ManagedFieldsEntry[] | undefined {
  const entries = managers.filter((m) => !m.fields.isEmpty).sort(byUpstreamOrder).map(entryOf);
  return entries.length > 0 ? entries : undefined;
}

// ---- object operations ----

/** The applied configuration laid over the live object: maps field by field, granular lists item by item. */
function mergeValue(kind: string, names: readonly string[], live: unknown, applied: unknown): unknown {
  if (isRecord(applied)) {
    const base = isRecord(live) ? live : {};
    const out: Record<string, unknown> = { ...base };
    for (const [field, value] of Object.entries(applied)) {
      // A null in an applied configuration leaves the field unset (typed decoding drops it upstream).
      if (value === null) delete out[field];
      else if (value !== undefined) out[field] = mergeValue(kind, [...names, field], base[field], value);
    }
    return out;
  }
  if (!Array.isArray(applied)) return applied;
  const liveItems = listItems(kind, names, Array.isArray(live) ? live : []);
  const appliedItems = listItems(kind, names, applied);
  if (!liveItems || !appliedItems) return applied;
  return mergeOrder(liveItems, appliedItems, (l, r) => mergeValue(kind, names, l, r));
}

type Item = { element: string; value: unknown };

/**
 * Upstream's item order for a merged list: live items keep their places, applied items shared
 * with live follow the applied order, and new applied items come where the applied list puts them.
 */
function mergeOrder(live: readonly Item[], applied: readonly Item[], merge: (l: unknown, r: unknown) => unknown): unknown[] {
  const liveByElement = new Map(live.map((i) => [i.element, i.value]));
  const appliedElements = new Set(applied.map((i) => i.element));
  const shared = applied.filter((i) => liveByElement.has(i.element)).map((i) => i.element);
  const done = new Set<string>();
  const out: unknown[] = [];
  let [li, ri, next] = [0, 0, 0];
  const takeApplied = (): void => {
    const r = applied[ri++];
    out.push(merge(liveByElement.get(r.element), r.value));
    done.add(r.element);
    if (shared[next] === r.element) next++;
  };
  while (li < live.length || ri < applied.length) {
    const l = live[li];
    const r = applied[ri];
    if (l && r && l.element === r.element) {
      li++;
      takeApplied();
    } else if (l && !appliedElements.has(l.element)) {
      out.push(l.value);
      li++;
    } else if (l && (done.has(l.element) || !r || (next < shared.length && shared[next] !== l.element))) {
      li++;
    } else takeApplied();
  }
  return out;
}

/** `value` without the fields in `tree` (a fieldsV1 tree): members go whole, other nodes are descended into. */
function removeFields(kind: string, names: readonly string[], value: unknown, tree: Record<string, unknown>): unknown {
  const isMember = (node: Record<string, unknown>) => Object.keys(node).length === 0 || "." in node;
  const strip = (element: string, childNames: readonly string[], child: unknown): { keep: boolean; value: unknown } => {
    const node = tree[element];
    if (!isRecord(node)) return { keep: true, value: child };
    if (isMember(node)) return { keep: false, value: child };
    return { keep: true, value: removeFields(kind, childNames, child, node) };
  };
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [field, child] of Object.entries(value)) {
      const result = strip(`f:${field}`, [...names, field], child);
      if (result.keep) out[field] = result.value;
    }
    return out;
  }
  const items = Array.isArray(value) ? listItems(kind, names, value) : undefined;
  if (!items) return value;
  return items.map((item) => strip(item.element, names, item.value)).flatMap((r) => (r.keep ? [r.value] : []));
}

/**
 * Drops what the applier owned before, applies no more, and nobody else owns (upstream's prune).
 * Ancestors count as owned, so a struct goes only when nothing in it stays owned.
 */
function prune(kind: string, merged: unknown, previous: FieldSet | undefined, owned: FieldSet): unknown {
  if (!previous || previous.isEmpty) return merged;
  // The applied configuration always names the object, which keeps metadata itself owned upstream.
  const kept = owned.union(FieldSet.of([["f:metadata"]])).withAncestors();
  const disowned = previous.withAncestors().difference(kept);
  return disowned.isEmpty ? merged : removeFields(kind, [], merged, disowned.toFieldsV1());
}

// ---- ownership ----

function describeManager(m: Manager): string {
  const subresource = m.subresource ? ` with subresource ${JSON.stringify(m.subresource)}` : "";
  const version = m.operation === "Update" ? ` using ${m.apiVersion}` : "";
  return `${JSON.stringify(m.manager)}${subresource}${version}`;
}

function conflictError(conflicts: ReadonlyArray<{ owner: Manager; path: FieldPath }>): ApiError {
  const causes: StatusCause[] = conflicts.map(({ owner, path }) => ({
    reason: "FieldManagerConflict",
    message: `conflict with ${describeManager(owner)}`,
    field: pathString(path),
  }));
  if (conflicts.length === 1) {
    return new ApiError(409, "Conflict", `Apply failed with 1 conflict: ${causes[0].message}: ${causes[0].field}`, { causes });
  }
  const owners = [...new Set(conflicts.map((c) => describeManager(c.owner)))].sort();
  const lines = owners.flatMap((owner) => [
    `conflicts with ${owner}:`,
    ...conflicts.filter((c) => describeManager(c.owner) === owner).map((c) => `- ${pathString(c.path)}`),
  ]);
  return new ApiError(409, "Conflict", `Apply failed with ${conflicts.length} conflicts: ${lines.join("\n")}`, { causes });
}

/**
 * Takes the changed fields away from the other managers (and the removed ones from everybody);
 * without `force`, a changed field another manager owns is a conflict instead.
 */
function takeOwnership(others: readonly Manager[], change: Change, force: boolean): Manager[] {
  const taken = change.added.union(change.modified);
  if (!force) {
    const conflicts = others.flatMap((owner) => owner.fields.intersection(taken).paths().map((path) => ({ owner, path })));
    if (conflicts.length > 0) throw conflictError(conflicts);
  }
  return others.map((m) => ({ ...m, fields: m.fields.difference(taken).difference(change.removed) }));
}

/** The merged object with the live object's server-owned metadata, which an applied configuration cannot change. */
function withServerMetadata(merged: KubeObject, live: KubeObject | undefined, managedFields: ManagedFieldsEntry[] | undefined): KubeObject {
  const keep = (meta: ObjectMeta, own: boolean) => Object.entries(meta).filter(([field]) => isServerOwnedMetadata(field) === own);
  const serverOwned = live ? keep(live.metadata, true) : keep(merged.metadata, true);
  const metadata: ObjectMeta = Object.fromEntries([...keep(merged.metadata, false), ...serverOwned.filter(([field]) => field !== "managedFields")]);
  return { ...merged, metadata: managedFields ? { ...metadata, managedFields } : metadata };
}

/** Server-side apply: the applied configuration merged into the live object (or created), with managedFields updated. */
export function serverSideApply(input: ApplyInput): KubeObject {
  const { kind, live, applied } = input;
  if (applied.metadata?.managedFields !== undefined) throw badRequest("metadata.managedFields must be nil");
  const self: Omit<Manager, "fields"> = { manager: input.manager, operation: "Apply", apiVersion: input.apiVersion, subresource: input.subresource };
  const managers = decodeManagers(live?.metadata.managedFields);
  const previous = managers.find((m) => sameManager(m, self));
  const others = managers.filter((m) => m !== previous);
  const appliedFields = fromObject(kind, applied);
  const owned = others.reduce((set, m) => set.union(m.fields), appliedFields);
  const merged = prune(kind, mergeValue(kind, [], live ?? {}, applied), previous?.fields, owned);
  const change = compare(kind, live, merged);
  const unchanged = live !== undefined && change.added.union(change.modified).union(change.removed).isEmpty;
  const entry: Manager = { ...self, time: unchanged && previous ? previous.time : input.now, fields: appliedFields };
  const managedFields = encodeManagers([...takeOwnership(others, change, input.force), entry]);
  return withServerMetadata(merged as KubeObject, live, managedFields);
}

function recordCreate(input: UpdateInput): KubeObject["metadata"]["managedFields"] {
  const fieldsV1 = createdFieldsV1(input.after);
  if (!fieldsV1) return undefined;
  return [{ manager: input.manager, operation: "Update", apiVersion: input.apiVersion, time: input.now, fieldsType: "FieldsV1", fieldsV1, ...(input.subresource ? { subresource: input.subresource } : {}) }];
}

/**
 * managedFields after a create, update or patch by `manager`: it owns what it changed, others
 * lose it, and nobody keeps what was removed.
 */
export function recordUpdate(input: UpdateInput): KubeObject["metadata"]["managedFields"] {
  if (!input.before) return recordCreate(input);
  const self: Omit<Manager, "fields"> = { manager: input.manager, operation: "Update", apiVersion: input.apiVersion, subresource: input.subresource };
  const managers = decodeManagers(input.before?.metadata.managedFields);
  const previous = managers.find((m) => sameManager(m, self));
  const change = compare(input.after.kind, input.before, input.after);
  const changed = change.added.union(change.modified).difference(change.removed);
  const others = takeOwnership(managers.filter((m) => m !== previous), change, true);
  const fields = (previous?.fields ?? FieldSet.empty).difference(change.removed).union(changed);
  const time = changed.isEmpty ? previous?.time : input.now;
  return encodeManagers([...others, { ...self, time, fields }]);
}
