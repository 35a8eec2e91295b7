import { isRecord, type KubeObject, type StatusCause } from "@/lib/k8s/types";
import { clone } from "@/lib/k8s/deep-equal";
import { rfc3339 } from "@/lib/k8s/time";
import { groupVersion, resourceKey, type ResourceInfo } from "@/lib/k8s/resources";
import { type Store, type StoreEntry } from "../../store/store";
import type { AdmissionChain, AdmissionOperation } from "../admission/admission";
import { ApiError, alreadyExists, badRequest, conflict, forbidden, invalid, notFound, type ErrorTarget } from "@/lib/k8s/api-errors";
import { recordUpdate, serverSideApply } from "../patch/server-side-apply";
import type { KindStrategy, StrategyContext } from "../strategies/strategy";
import { validateWrite } from "./builtin-validation";
import type { DeleteOptions } from "./delete-options";
import { initialMetadata, isNoop, nextGeneration, preserveServerMetadata } from "./metadata";
import { applyPatch, type PatchType } from "./patching";
import { extend } from "@/lib/k8s/extend";

export interface WriteOptions {
  fieldManager?: string;
  dryRun?: boolean;
  /** "" for the resource itself, "status" for the status subresource */
  subresource?: string;
}

export interface PatchOptions extends WriteOptions {
  force?: boolean;
}

const FINALIZER_ORPHAN = "orphan";
const FINALIZER_FOREGROUND = "foregroundDeletion";
const PATCH_RETRIES = 8;

/**
 * kube-apiserver's generic registry: create, update, patch and delete with Kubernetes
 * semantics (optimistic concurrency, generation, status subresource, finalizers, graceful
 * deletion, admission) on top of the store. Every API path and the embedded Client end here.
 */
export class ObjectRegistry {
  constructor(
    readonly store: Store,
    readonly admission: AdmissionChain,
    private readonly strategies: ReadonlyMap<string, KindStrategy>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  get(info: ResourceInfo, namespace: string, name: string): KubeObject {
    const object = this.store.get(resourceKey(info), scopeOf(info, namespace), name);
    if (!object) throw notFound(target(info, name));
    return object;
  }

  entries(info: ResourceInfo, namespace: string | undefined): IterableIterator<StoreEntry> {
    return this.store.entries(resourceKey(info), info.namespaced ? namespace : undefined);
  }

  async create(info: ResourceInfo, namespace: string, body: KubeObject, options: WriteOptions = {}): Promise<KubeObject> {
    return this.createObject(info, namespace, body, options);
  }

  /** `applied` is set for server-side apply: the applier then owns exactly the fields it sent. */
  private async createObject(info: ResourceInfo, namespace: string, body: KubeObject, options: PatchOptions, applied?: KubeObject): Promise<KubeObject> {
    const draft = clone(body);
    checkTypeMeta(info, draft);
    if (info.namespaced) this.checkNamespaceWritable(namespace, draft);
    if (draft.metadata.resourceVersion) throw badRequest("resourceVersion should not be set on objects to be created");
    const now = this.clock();
    draft.metadata = initialMetadata(draft.metadata ?? {}, info.namespaced ? namespace : undefined, now);
    if (!draft.metadata.name) throw invalid(info.kind, info.group, "", [{ reason: "FieldValueRequired", field: "metadata.name", message: "Required value: name or generateName is required" }]);
    // A status that the strategy resets on create is the server's, not the creator's (upstream's reset fields).
    const statusReset = info.subresources.includes("status") && info.kind !== "Node";
    if (statusReset) delete draft.status;
    this.strategy(info).prepareForCreate?.(draft, this.context(now));
    const object = await this.admit("CREATE", info, "", draft, undefined, options);
    const fields = { manager: manager(options), apiVersion: groupVersion(info), now: rfc3339(now) };
    object.metadata.managedFields = applied
      ? serverSideApply(extend(fields, { live: undefined, applied: statusReset ? extend(applied, { status: undefined }) : applied, force: true, kind: info.kind })).metadata.managedFields
      : recordUpdate(extend(fields, { before: undefined, after: statusReset ? extend(object, { status: undefined }) : object }));
    if (options.dryRun) return object;
    if (this.store.get(resourceKey(info), scopeOf(info, namespace), object.metadata.name ?? "")) throw alreadyExists(target(info, object.metadata.name));
    return this.persist(info, "put", object);
  }

  /** PUT: replaces the object (or its status), guarded by metadata.resourceVersion when given. */
  async update(info: ResourceInfo, namespace: string, name: string, body: KubeObject, options: WriteOptions = {}): Promise<KubeObject> {
    // A status write copies only the status (in replace): the rest of the body is not used.
    const draft = options.subresource === "status" ? { ...body, metadata: { ...body.metadata } } : clone(body);
    checkTypeMeta(info, draft);
    if (draft.metadata.name && draft.metadata.name !== name) throw badRequest(`the name of the object (${draft.metadata.name}) does not match the name on the URL (${name})`);
    const old = this.get(info, namespace, name);
    const expectedRV = draft.metadata.resourceVersion;
    if (expectedRV && expectedRV !== old.metadata.resourceVersion) throw conflict(target(info, name));
    return this.replace(info, old, draft, options);
  }

  /** PATCH of any supported type; server-side apply creates a missing object. */
  async patch(info: ResourceInfo, namespace: string, name: string, type: PatchType, body: unknown, options: PatchOptions = {}): Promise<{ object: KubeObject; created: boolean }> {
    for (let attempt = 0; ; attempt++) {
      const old = this.store.get(resourceKey(info), scopeOf(info, namespace), name);
      if (!old) {
        if (type !== "apply" || options.subresource) throw notFound(target(info, name));
        return { object: await this.applyCreate(info, namespace, name, body, options), created: true };
      }
      if (patchPinsVersion(body) && pinnedVersion(body) !== old.metadata.resourceVersion) throw conflict(target(info, name));
      const next = type === "apply" ? this.applied(info, old, body, options) : applyPatch(type, ...patchTarget(type, old, body, options), info);
      try {
        return { object: await this.replace(info, old, next, options, type === "apply"), created: false };
      } catch (err) {
        if (!isRetryableConflict(err) || attempt >= PATCH_RETRIES || patchPinsVersion(body)) throw err;
      }
    }
  }

  async delete(info: ResourceInfo, namespace: string, name: string, options: DeleteOptions = {}): Promise<KubeObject> {
    const old = this.get(info, namespace, name);
    checkPreconditions(info, old, options);
    await this.admission.validate({ operation: "DELETE", resource: info, subresource: "", namespace, name, object: old, dryRun: !!options.dryRun });
    const finalizers = withPolicyFinalizer(old.metadata.finalizers ?? [], options.propagationPolicy);
    const strategy = this.strategy(info);
    const grace = strategy.gracefulDeletion?.(old, options.gracePeriodSeconds) ?? 0;
    if (finalizers.length === 0 && grace === 0 && !strategy.holdsDeletion?.(old)) {
      if (options.dryRun) return old;
      return this.persist(info, "delete", old);
    }
    if (old.metadata.deletionTimestamp && sameList(finalizers, old.metadata.finalizers ?? []) && grace >= (old.metadata.deletionGracePeriodSeconds ?? 0)) return old;
    const now = this.clock();
    const deleting = { ...old, metadata: { ...old.metadata, finalizers: finalizers.length ? finalizers : undefined } };
    deleting.metadata.deletionTimestamp ??= rfc3339(new Date(now.getTime() + grace * 1000));
    deleting.metadata.deletionGracePeriodSeconds = grace;
    if (options.dryRun) return deleting;
    return this.persist(info, "put", deleting);
  }

  /**
   * Writes an object as it is, bypassing admission (for subresources with rules of their own,
   * like pods/binding), and resolves once it is durable: only then may anyone hear of it.
   */
  async persist(info: ResourceInfo, type: "put" | "delete", object: KubeObject): Promise<KubeObject> {
    const [stored] = this.store.commit([{ type, resource: resourceKey(info), object }]);
    await this.store.durable();
    return stored;
  }

  /** The shared tail of update and patch: `next` is the client's desired object, `old` what it was based on. */
  private async replace(info: ResourceInfo, old: KubeObject, next: KubeObject, options: WriteOptions, fieldsFromApply = false): Promise<KubeObject> {
    const subresource = options.subresource ?? "";
    // A status write keeps everything else as stored: sharing those (frozen) subtrees, rather than
    // copying them, lets managedFields skip them by identity.
    const draft = subresource === "status" ? { ...old, status: clone(next.status) } : next;
    draft.apiVersion = old.apiVersion;
    draft.kind = old.kind;
    draft.metadata = preserveServerMetadata(subresource === "status" ? { ...old.metadata } : { ...next.metadata }, old.metadata);
    if (subresource === "" && info.subresources.includes("status")) draft.status = old.status;
    if (old.metadata.deletionTimestamp) checkNoNewFinalizers(info, draft, old);
    const now = this.clock();
    // Status writes keep the stored spec as it is (shared, frozen): only the resource itself is defaulted.
    if (subresource === "") this.strategy(info).prepareForUpdate?.(draft, old, this.context(now));
    draft.metadata.generation = nextGeneration(draft, old);
    const object = await this.admit("UPDATE", info, subresource, draft, old, options);
    if (isNoop(object, old)) return old;
    if (!fieldsFromApply) {
      object.metadata.managedFields = recordUpdate({ before: old, after: object, manager: manager(options), apiVersion: groupVersion(info), now: rfc3339(now), subresource: subresource || undefined });
    }
    if (options.dryRun) return object;
    const live = this.store.get(resourceKey(info), old.metadata.namespace ?? "", old.metadata.name ?? "");
    if (!live) throw notFound(target(info, old.metadata.name));
    if (live.metadata.resourceVersion !== old.metadata.resourceVersion) throw conflict(target(info, old.metadata.name));
    const finished = object.metadata.deletionTimestamp && !object.metadata.finalizers?.length && !isGraceful(object) && !this.strategy(info).holdsDeletion?.(object);
    return this.persist(info, finished ? "delete" : "put", object);
  }

  private applied(info: ResourceInfo, live: KubeObject, body: unknown, options: PatchOptions): KubeObject {
    const applied = asObject(info, body);
    // The merge shares subtrees with the (frozen) live object; strategies and admission edit the draft.
    return clone(serverSideApply({ live, applied, manager: manager(options), force: !!options.force, kind: info.kind, apiVersion: groupVersion(info), now: rfc3339(this.clock()), subresource: options.subresource || undefined }));
  }

  private async applyCreate(info: ResourceInfo, namespace: string, name: string, body: unknown, options: PatchOptions): Promise<KubeObject> {
    const applied = asObject(info, body);
    if (applied.metadata.name && applied.metadata.name !== name) throw badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${name})`);
    return this.createObject(info, namespace, { ...applied, metadata: { ...applied.metadata, name } }, options, applied);
  }

  private async admit(operation: AdmissionOperation, info: ResourceInfo, subresource: string, draft: KubeObject, old: KubeObject | undefined, options: WriteOptions): Promise<KubeObject> {
    const request = { operation, resource: info, subresource, namespace: draft.metadata.namespace ?? "", name: draft.metadata.name ?? "", object: draft, oldObject: old, dryRun: !!options.dryRun };
    const object = await this.admission.mutate(request);
    const causes: StatusCause[] = [...validateWrite(info, this.strategy(info), object, old), ...(await this.admission.validate(request))];
    if (causes.length > 0) throw invalid(info.kind, info.group, draft.metadata.name ?? "", causes);
    return object;
  }

  private checkNamespaceWritable(namespace: string, body: KubeObject): void {
    if (body.metadata?.namespace && body.metadata.namespace !== namespace) {
      throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
    const ns = this.store.get("namespaces", "", namespace);
    if (!ns) throw notFound({ resource: "namespaces", group: "", name: namespace });
    if (ns.metadata.deletionTimestamp) {
      throw forbidden(`${body.kind ? body.kind.toLowerCase() + "s" : "objects"} "${body.metadata?.name ?? body.metadata?.generateName ?? ""}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`);
    }
  }

  private strategy(info: ResourceInfo): KindStrategy {
    return this.strategies.get(resourceKey(info)) ?? {};
  }

  private context(now: Date): StrategyContext {
    return { now, list: (resource) => [...this.store.entries(resource)].map((e) => e.object) };
  }
}

function scopeOf(info: ResourceInfo, namespace: string): string {
  return info.namespaced ? namespace : "";
}

function target(info: ResourceInfo, name?: string): ErrorTarget {
  return { resource: info.resource, group: info.group, name };
}

/**
 * What a patch applies to, and what of it: all of the object, except for a merge patch of status,
 * where only the status counts (a status write keeps the rest as stored) and so only it is copied.
 * Merge patches are field by field, so leaving the other fields out changes nothing in the status.
 */
function patchTarget(type: Exclude<PatchType, "apply">, old: KubeObject, body: unknown, options: WriteOptions): [KubeObject, unknown] {
  if (type !== "merge" || options.subresource !== "status" || !isRecord(body)) return [old, body];
  return [{ apiVersion: old.apiVersion, kind: old.kind, metadata: {}, status: old.status }, "status" in body ? { status: body.status } : {}];
}

function manager(options: WriteOptions): string {
  return options.fieldManager || "unknown";
}

function checkTypeMeta(info: ResourceInfo, body: KubeObject): void {
  const gv = groupVersion(info);
  if (body.apiVersion && body.apiVersion !== gv) throw badRequest(`the API version in the data (${body.apiVersion}) does not match the expected API version (${gv})`);
  if (body.kind && body.kind !== info.kind) throw badRequest(`the kind in the data (${body.kind}) does not match the expected kind (${info.kind})`);
  body.apiVersion = gv;
  body.kind = info.kind;
  body.metadata ??= {};
}

function asObject(info: ResourceInfo, body: unknown): KubeObject {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("the request body must be a JSON object");
  const object = body as KubeObject;
  checkTypeMeta(info, object);
  return object;
}

function checkPreconditions(info: ResourceInfo, old: KubeObject, options: DeleteOptions): void {
  const pre = options.preconditions;
  if (pre?.uid && pre.uid !== old.metadata.uid) {
    throw conflict(target(info, old.metadata.name), `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
    throw conflict(target(info, old.metadata.name), `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`);
  }
}

function withPolicyFinalizer(finalizers: readonly string[], policy: DeleteOptions["propagationPolicy"]): string[] {
  const rest = finalizers.filter((f) => f !== FINALIZER_ORPHAN && f !== FINALIZER_FOREGROUND);
  const kept = finalizers.filter((f) => f === FINALIZER_ORPHAN || f === FINALIZER_FOREGROUND);
  if (policy === "Orphan") return [...rest, FINALIZER_ORPHAN];
  if (policy === "Foreground") return [...rest, FINALIZER_FOREGROUND];
  if (policy === "Background") return rest;
  return [...rest, ...kept];
}

function checkNoNewFinalizers(info: ResourceInfo, draft: KubeObject, old: KubeObject): void {
  const before = new Set(old.metadata.finalizers ?? []);
  const added = (draft.metadata.finalizers ?? []).filter((f) => !before.has(f));
  if (added.length > 0) {
    throw invalid(info.kind, info.group, old.metadata.name ?? "", [{ reason: "FieldValueForbidden", field: "metadata.finalizers", message: `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers ${JSON.stringify(added)}` }]);
  }
}

function isGraceful(object: KubeObject): boolean {
  return (object.metadata.deletionGracePeriodSeconds ?? 0) > 0;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A lost race with another writer (retryable), as opposed to a field-manager conflict of server-side apply. */
function isRetryableConflict(err: unknown): boolean {
  return err instanceof ApiError && err.code === 409 && err.reason === "Conflict" && !err.details?.causes?.length;
}

/** A patch that names a resourceVersion asks for optimistic concurrency: a conflict is the answer, not a retry. */
function patchPinsVersion(body: unknown): boolean {
  return pinnedVersion(body) !== undefined;
}

function pinnedVersion(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const rv = (body as { metadata?: { resourceVersion?: unknown } }).metadata?.resourceVersion;
  return typeof rv === "string" && rv !== "" ? rv : undefined;
}
