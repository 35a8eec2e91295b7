import type { KubeObject, OwnerReference } from "@/lib/k8s/types";
import { ApiError } from "@/lib/k8s/api-errors";
import type { ObjectRegistry } from "../apiserver/registry/object-registry";
import { RESOURCES, resourceKey, type ResourceInfo } from "@/lib/k8s/resources";
import { deepEqual } from "@/lib/k8s/deep-equal";
import { flatKey as flatten, parseKey as parse, type ObjectKey } from "../store/store";
import type { StoreEvent } from "../store/watch-history";
import { DeferredQueue } from "./deferred-queue";
import { KUBE_CONTROLLER_MANAGER } from "../field-managers";

const ORPHAN = "orphan";
const FOREGROUND = "foregroundDeletion";
const byKey = new Map(RESOURCES.map((info) => [resourceKey(info), info]));

/**
 * Whether a write can have left something for the collector: a deleting object (its finalizers),
 * or a dependent whose owners are new or changed. An object without owners has nothing to
 * collect, and one whose owners stay as they were is looked at again when an owner goes.
 */
function mayNeedCollecting(event: StoreEvent): boolean {
  const meta = event.object.metadata;
  if (meta.deletionTimestamp) return true;
  if (!meta.ownerReferences?.length) return false;
  const before = event.previous?.metadata.ownerReferences;
  return before !== meta.ownerReferences && !deepEqual(before, meta.ownerReferences);
}

/**
 * kube-controller-manager's garbage collector: deletes objects whose owners are gone, and runs
 * the two deletion finalizers, `foregroundDeletion` (dependents first; blockOwnerDeletion ones
 * are waited for) and `orphan` (dependents lose the ownerReference instead). Level-triggered:
 * it starts with a full sweep, so a restart in the middle of a cascade finishes it.
 */
export class GarbageCollector {
  private readonly queue = new DeferredQueue<string>((flat) => this.sync(parse(flat)), (key, err) => console.error(`garbage collector: ${key}:`, err));
  private unsubscribe = () => {};

  constructor(private readonly registry: ObjectRegistry) {}

  start(): void {
    const store = this.registry.store;
    this.unsubscribe = store.onCommit((event) => {
      const key = { resource: event.resource, namespace: event.object.metadata.namespace ?? "", name: event.object.metadata.name ?? "" };
      if (event.type !== "DELETED" && mayNeedCollecting(event)) this.queue.add(flatten(key));
      // An owner that went or started deleting: its dependents need a look.
      if (event.type === "DELETED" || event.object.metadata.deletionTimestamp) {
        for (const dependent of store.dependentsOf(event.object.metadata.uid ?? "")) this.queue.add(flatten(dependent));
      }
      // A dependent that went may unblock an owner waiting in foreground deletion.
      if (event.type === "DELETED") {
        for (const ref of event.object.metadata.ownerReferences ?? []) {
          const owner = store.keyOfUid(ref.uid);
          if (owner) this.queue.add(flatten(owner));
        }
      }
    });
    for (const info of RESOURCES) {
      for (const entry of store.entries(resourceKey(info))) {
        const meta = entry.object.metadata;
        if (meta.ownerReferences?.length || meta.deletionTimestamp) this.queue.add(flatten({ resource: resourceKey(info), namespace: meta.namespace ?? "", name: meta.name ?? "" }));
      }
    }
  }

  stop(): void {
    this.unsubscribe();
    this.queue.stop();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async sync(key: ObjectKey): Promise<void> {
    const info = byKey.get(key.resource);
    const object = this.registry.store.get(key.resource, key.namespace, key.name);
    if (!info || !object) return;
    if (object.metadata.deletionTimestamp) await this.runFinalizers(info, object);
    else if (object.metadata.ownerReferences?.length) await this.collectIfOrphaned(info, object);
  }

  private ownerExists(ref: OwnerReference): boolean {
    const key = this.registry.store.keyOfUid(ref.uid);
    return !!key && this.registry.store.get(key.resource, key.namespace, key.name)?.metadata.uid === ref.uid;
  }

  private async collectIfOrphaned(info: ResourceInfo, object: KubeObject): Promise<void> {
    const refs = object.metadata.ownerReferences ?? [];
    const dangling = refs.filter((ref) => !this.ownerExists(ref));
    if (dangling.length === 0) return;
    const { namespace = "", name = "" } = object.metadata;
    if (dangling.length === refs.length) {
      // No policy: the dependent's own orphan/foregroundDeletion finalizers decide, as upstream.
      await ignoreMissing(this.registry.delete(info, namespace, name, { preconditions: { uid: object.metadata.uid } }));
      return;
    }
    const remaining = refs.filter((ref) => !dangling.includes(ref));
    await ignoreMissing(this.registry.patch(info, namespace, name, "merge", { metadata: { ownerReferences: remaining } }, { fieldManager: KUBE_CONTROLLER_MANAGER }));
  }

  private async runFinalizers(info: ResourceInfo, owner: KubeObject): Promise<void> {
    const finalizers = owner.metadata.finalizers ?? [];
    const dependents = this.registry.store.dependentsOf(owner.metadata.uid ?? "");
    if (finalizers.includes(ORPHAN)) {
      for (const dep of dependents) await this.dropOwnerReference(dep, owner.metadata.uid ?? "");
      await this.removeFinalizer(info, owner, ORPHAN);
    } else if (finalizers.includes(FOREGROUND)) {
      let blocking = 0;
      for (const dep of dependents) {
        const object = this.registry.store.get(dep.resource, dep.namespace, dep.name);
        const depInfo = byKey.get(dep.resource);
        if (!object || !depInfo) continue;
        const ref = object.metadata.ownerReferences?.find((r) => r.uid === owner.metadata.uid);
        if (ref?.blockOwnerDeletion) blocking++;
        if (!object.metadata.deletionTimestamp) await ignoreMissing(this.registry.delete(depInfo, dep.namespace, dep.name, { propagationPolicy: "Foreground" }));
      }
      if (blocking === 0) await this.removeFinalizer(info, owner, FOREGROUND);
    }
  }

  private async dropOwnerReference(dep: ObjectKey, ownerUid: string): Promise<void> {
    const info = byKey.get(dep.resource);
    const object = this.registry.store.get(dep.resource, dep.namespace, dep.name);
    if (!info || !object) return;
    const refs = (object.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
    await ignoreMissing(this.registry.patch(info, dep.namespace, dep.name, "merge", { metadata: { ownerReferences: refs.length ? refs : null } }, { fieldManager: KUBE_CONTROLLER_MANAGER }));
  }

  private async removeFinalizer(info: ResourceInfo, object: KubeObject, finalizer: string): Promise<void> {
    const finalizers = (object.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    const patch = [
      { op: "test", path: "/metadata/uid", value: object.metadata.uid },
      { op: "replace", path: "/metadata/finalizers", value: finalizers },
    ];
    await ignoreMissing(this.registry.patch(info, object.metadata.namespace ?? "", object.metadata.name ?? "", "json", patch, { fieldManager: KUBE_CONTROLLER_MANAGER }));
  }
}

async function ignoreMissing(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (err) {
    // The object went (or changed identity) meanwhile: whatever changed it queued it again.
    if (err instanceof ApiError && (err.code === 404 || err.code === 409 || err.code === 422)) return;
    throw err;
  }
}
