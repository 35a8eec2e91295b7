import type { KubeObject } from "@/lib/k8s/types";
import { isRecord } from "@/lib/k8s/types";
import { ApiError } from "@/lib/k8s/api-errors";
import type { ObjectRegistry } from "../apiserver/registry/object-registry";
import { NAMESPACE_FINALIZER } from "../apiserver/strategies/namespace-strategy";
import { NAMESPACES, RESOURCES, resourceKey } from "@/lib/k8s/resources";
import { DeferredQueue } from "./deferred-queue";
import { KUBE_CONTROLLER_MANAGER } from "../field-managers";

const NAMESPACED = RESOURCES.filter((r) => r.namespaced);

/**
 * Empties a namespace being deleted: marks it Terminating, deletes everything in it, and
 * removes the `kubernetes` finalizer once nothing is left, which completes the deletion.
 */
export class NamespaceController {
  private readonly queue = new DeferredQueue<string>((name) => this.sync(name), (name, err) => console.error(`namespace controller: ${name}:`, err));
  private unsubscribe = () => {};

  constructor(private readonly registry: ObjectRegistry) {}

  start(): void {
    const store = this.registry.store;
    this.unsubscribe = store.onCommit((event) => {
      const namespace = event.resource === "namespaces" ? event.object.metadata.name : event.object.metadata.namespace;
      // Only deletions inside a terminating namespace can let it finish.
      if (!namespace || (event.resource !== "namespaces" && event.type !== "DELETED")) return;
      if (store.get("namespaces", "", namespace)?.metadata.deletionTimestamp) this.queue.add(namespace);
    });
    for (const entry of store.entries("namespaces")) if (entry.object.metadata.deletionTimestamp) this.queue.add(entry.object.metadata.name ?? "");
  }

  stop(): void {
    this.unsubscribe();
    this.queue.stop();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async sync(name: string): Promise<void> {
    const ns = this.registry.store.get("namespaces", "", name);
    if (!ns?.metadata.deletionTimestamp) return;
    if (isRecord(ns.status) && ns.status.phase !== "Terminating") {
      await this.registry.update(NAMESPACES, "", name, { ...ns, status: { ...ns.status, phase: "Terminating" } }, { subresource: "status", fieldManager: KUBE_CONTROLLER_MANAGER });
    }
    let remaining = 0;
    for (const info of NAMESPACED) {
      for (const entry of [...this.registry.store.entries(resourceKey(info), name)]) {
        remaining++;
        if (!entry.object.metadata.deletionTimestamp) await ignoreGone(this.registry.delete(info, name, entry.object.metadata.name ?? "", {}));
      }
    }
    if (remaining === 0) await this.finalize(name);
  }

  private async finalize(name: string): Promise<void> {
    const ns = this.registry.store.get("namespaces", "", name);
    if (!ns) return;
    const spec = isRecord(ns.spec) ? ns.spec : {};
    const finalizers = Array.isArray(spec.finalizers) ? spec.finalizers.filter((f) => f !== NAMESPACE_FINALIZER) : [];
    const finalized: KubeObject = { ...ns, spec: { ...spec, finalizers } };
    await ignoreGone(this.registry.update(NAMESPACES, "", name, finalized, { fieldManager: KUBE_CONTROLLER_MANAGER }));
  }
}

async function ignoreGone(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (err) {
    if (!(err instanceof ApiError && (err.code === 404 || err.code === 409))) throw err;
  }
}
