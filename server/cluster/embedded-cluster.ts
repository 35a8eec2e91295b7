import { AdmissionChain } from "./apiserver/admission/admission";
import { ApiServer } from "./apiserver/http/api-handler";
import type { PodLogSource } from "./apiserver/http/pod-subresources";
import { ObjectRegistry } from "./apiserver/registry/object-registry";
import { STRATEGIES } from "./apiserver/strategies";
import { GarbageCollector } from "./controllers/garbage-collector";
import { NamespaceController } from "./controllers/namespace-controller";
import { NAMESPACES } from "@/lib/k8s/resources";
import { Store } from "./store/store";

export interface EmbeddedClusterOptions {
  /** SQLite file, or ":memory:" */
  dbPath: string;
  historySize?: number;
  synchronous?: "NORMAL" | "FULL";
}

// The namespaces every cluster starts with, as kube-apiserver creates them.
const SYSTEM_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

/**
 * The embedded control plane: the store (etcd), the registry and admission chain
 * (kube-apiserver), and the controllers kube-controller-manager would run for it.
 */
export class EmbeddedCluster {
  readonly store: Store;
  readonly admission = new AdmissionChain();
  readonly registry: ObjectRegistry;
  private readonly gc: GarbageCollector;
  private readonly namespaces: NamespaceController;
  logs?: PodLogSource;

  constructor(options: EmbeddedClusterOptions) {
    this.store = new Store({ path: options.dbPath, historySize: options.historySize, synchronous: options.synchronous });
    this.registry = new ObjectRegistry(this.store, this.admission, STRATEGIES);
    this.gc = new GarbageCollector(this.registry);
    this.namespaces = new NamespaceController(this.registry);
  }

  async start(): Promise<void> {
    for (const name of SYSTEM_NAMESPACES) {
      if (!this.store.get("namespaces", "", name)) await this.registry.create(NAMESPACES, "", { apiVersion: "v1", kind: "Namespace", metadata: { name } }, { fieldManager: "kube-apiserver" });
    }
    this.gc.start();
    this.namespaces.start();
  }

  apiServer(token: string, prefix: string): ApiServer {
    return new ApiServer({ registry: this.registry, token, prefix, logs: this.logs });
  }

  /** Resolves once the cluster's own controllers have nothing left to do (for tests). */
  async settle(): Promise<void> {
    for (let i = 0; i < 50; i++) {
      const rv = this.store.resourceVersion;
      await this.gc.idle();
      await this.namespaces.idle();
      if (this.store.resourceVersion === rv) return;
    }
  }

  close(): void {
    this.gc.stop();
    this.namespaces.stop();
    this.store.close();
  }
}
