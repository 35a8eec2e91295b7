import type { ResourceInfo } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "./client";
import { Informer, type InformerOptions } from "./informer";

/** One informer per resource (and selector), shared by every controller of the process: one watch each. */
export class InformerFactory {
  private readonly informers = new Map<string, Informer>();

  constructor(readonly client: Client) {}

  informer<T extends KubeObject = KubeObject>(resource: ResourceInfo, options: InformerOptions = {}): Informer<T> {
    const key = JSON.stringify([resource.group, resource.resource, options.namespace ?? "", options.labelSelector ?? "", options.fieldSelector ?? ""]);
    let informer = this.informers.get(key);
    if (!informer) this.informers.set(key, (informer = new Informer(this.client, resource, options)));
    return informer as unknown as Informer<T>;
  }

  /** Starts every informer asked for so far and resolves when all have synced. */
  async start(): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.start()));
  }

  stop(): void {
    for (const informer of this.informers.values()) informer.stop();
  }
}
