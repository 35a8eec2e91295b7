import type { FaultInjector } from "@/lib/k8s/faults";
import type { Client } from "@/server/runtime/client";
import type { InformerFactory } from "@/server/runtime/informer-factory";
import { EmbeddedFaultInjector } from "./faults";
import type { ContainerLogs } from "./kubelet/container-logs";
import { Kubelet, type KubeletOptions } from "./kubelet/kubelet";
import { NodeHeartbeat, type NodeHeartbeatOptions } from "./kubelet/node-heartbeat";
import { NodeLifecycleController } from "./node-lifecycle/node-lifecycle-controller";
import { TaintEvictionController, type TaintEvictionOptions } from "./node-lifecycle/taint-eviction-controller";
import { DEFAULT_TOPOLOGY } from "./topology/default-topology";
import { NodeRegistrar } from "./topology/node-registrar";
import type { Topology } from "./topology/topology-schema";
import { VolumeProvisioner } from "./volume-provisioner";

export interface DataPlaneOptions extends Omit<KubeletOptions, "logs">, Omit<NodeHeartbeatOptions, "clock">, Omit<TaintEvictionOptions, "clock"> {
  /** from loadTopology(LWS_TOPOLOGY); the built-in default otherwise */
  topology?: Topology;
}

/**
 * The embedded cluster's simulated data plane in one piece: the topology's nodes, their
 * kubelets and heartbeats, the node lifecycle and taint eviction controllers, and the volume
 * provisioner. `logs` serves `kubectl logs`; `faults` is what the dashboard injects through.
 */
export class SimulatedDataPlane {
  readonly logs: ContainerLogs;
  readonly faults: FaultInjector;
  private readonly registrar: NodeRegistrar;
  private readonly kubelet: Kubelet;
  private readonly controllers: Array<{ start(): Promise<void>; stop(): void; idle(): Promise<void> }>;

  constructor(client: Client, informers: InformerFactory, options: DataPlaneOptions = {}) {
    const clock = options.clock;
    this.registrar = new NodeRegistrar(client, options.topology ?? DEFAULT_TOPOLOGY, clock);
    this.kubelet = new Kubelet(client, informers, options);
    this.logs = this.kubelet.logs;
    this.faults = new EmbeddedFaultInjector(client, clock);
    this.controllers = [
      this.kubelet,
      new NodeHeartbeat(client, informers, options),
      new NodeLifecycleController(client, informers, clock),
      new TaintEvictionController(client, informers, options),
      new VolumeProvisioner(client, informers),
    ];
  }

  async start(): Promise<void> {
    await this.registrar.start();
    await Promise.all(this.controllers.map((c) => c.start()));
  }

  stop(): void {
    for (const controller of this.controllers) controller.stop();
  }

  /** Resolves when no controller of the data plane has work queued (timers aside). */
  async idle(): Promise<void> {
    await Promise.all(this.controllers.map((c) => c.idle()));
  }
}
