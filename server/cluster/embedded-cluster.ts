import type { FaultInjector } from "@/lib/k8s/faults";
import { NAMESPACES } from "@/lib/k8s/resources";
import { InformerFactory } from "@/server/runtime/informer-factory";
import { AdmissionChain } from "./apiserver/admission/admission";
import { ApiServer } from "./apiserver/http/api-handler";
import type { PodLogSource } from "./apiserver/http/pod-subresources";
import { shareManagedFields } from "./apiserver/patch/fields-v1-sharing";
import { ObjectRegistry } from "./apiserver/registry/object-registry";
import { STRATEGIES } from "./apiserver/strategies";
import { EventTtl } from "./controllers/event-ttl";
import { GarbageCollector } from "./controllers/garbage-collector";
import { NamespaceController } from "./controllers/namespace-controller";
import { StatefulSetController } from "./controllers/statefulset/statefulset-controller";
import { SimulatedDataPlane, type DataPlaneOptions } from "./data-plane";
import { EmbeddedClient } from "./embedded-client";
import { SchedulerController, type SchedulerOptions } from "./scheduler/scheduler-controller";
import { Store } from "./store/store";

export interface EmbeddedClusterOptions {
  /** SQLite file, or ":memory:" */
  dbPath: string;
  historySize?: number;
  synchronous?: "NORMAL" | "FULL";
  /** how long an event lives after its last write (kube-apiserver's --event-ttl, 1 h) */
  eventTtlMs?: number;
  /**
   * The simulated cluster around the API server: nodes and kubelets, the scheduler and the
   * StatefulSet controller. Off for tests of the API server alone.
   */
  simulation?: { dataPlane?: DataPlaneOptions; scheduler?: SchedulerOptions };
}

// The namespaces every cluster starts with, as kube-apiserver creates them.
const SYSTEM_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

interface Controller {
  start(): Promise<void> | void;
  stop(): void;
  idle(): Promise<void>;
}

/**
 * The embedded control plane: the store (etcd), the registry and admission chain
 * (kube-apiserver), the controllers kube-controller-manager would run, and (with `simulation`)
 * kube-scheduler and the kubelets of simulated nodes. Its Client and informers are the process's.
 */
export class EmbeddedCluster {
  readonly store: Store;
  readonly admission = new AdmissionChain();
  readonly registry: ObjectRegistry;
  readonly client: EmbeddedClient;
  readonly informers: InformerFactory;
  private readonly controllers: Controller[];
  private readonly dataPlane?: SimulatedDataPlane;

  constructor(options: EmbeddedClusterOptions) {
    this.store = new Store({ path: options.dbPath, historySize: options.historySize, synchronous: options.synchronous, prepareLoaded: shareManagedFields });
    this.registry = new ObjectRegistry(this.store, this.admission, STRATEGIES);
    this.client = new EmbeddedClient(this.registry, () => this.logs);
    this.informers = new InformerFactory(this.client);
    this.controllers = [new GarbageCollector(this.registry), new NamespaceController(this.registry), new EventTtl(this.registry, { ttlMs: options.eventTtlMs })];
    const simulation = options.simulation;
    if (simulation) {
      this.dataPlane = new SimulatedDataPlane(this.client, this.informers, simulation.dataPlane);
      this.controllers.push(this.dataPlane, new SchedulerController(this.client, this.informers, simulation.scheduler), new StatefulSetController(this.client, this.informers));
    }
  }

  /** Container output for `kubectl logs`, from the simulated kubelets. */
  get logs(): PodLogSource | undefined {
    return this.dataPlane?.logs;
  }

  /** Fault injection (crash a container, fail a node, ...); simulated clusters only. */
  get faults(): FaultInjector | undefined {
    return this.dataPlane?.faults;
  }

  async start(): Promise<void> {
    for (const name of SYSTEM_NAMESPACES) {
      if (!this.store.get("namespaces", "", name)) await this.registry.create(NAMESPACES, "", { apiVersion: "v1", kind: "Namespace", metadata: { name } }, { fieldManager: "kube-apiserver" });
    }
    for (const controller of this.controllers) await controller.start();
  }

  apiServer(token: string, prefix: string): ApiServer {
    return new ApiServer({ registry: this.registry, token, prefix, logs: this.logs });
  }

  /** Resolves once the cluster's own controllers have nothing left to do (for tests). */
  async settle(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const rv = this.store.resourceVersion;
      for (const controller of this.controllers) await controller.idle();
      await new Promise((resolve) => setImmediate(resolve));
      if (this.store.resourceVersion === rv) return;
    }
  }

  close(): void {
    for (const controller of this.controllers) controller.stop();
    this.informers.stop();
    this.store.close();
  }
}
