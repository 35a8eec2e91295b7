import { isConflict, isNotFound } from "@/lib/k8s/api-errors";
import { PERSISTENT_VOLUME_CLAIMS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";
import { EventRecorder } from "@/server/runtime/event-recorder";
import type { Informer } from "@/server/runtime/informer";
import type { InformerFactory } from "@/server/runtime/informer-factory";
import { WorkQueue } from "@/server/runtime/work-queue";
import { recordAt, stringAt } from "./scheduler/narrow";

export const VOLUME_PROVISIONER = "lws-console.dev/simulated-provisioner";

/**
 * The storage classes the simulation serves: the examples' "default" and the common defaults of
 * kind, minikube, GKE, EKS, AKS and k3s, so manifests written for those clusters bind as written.
 */
export const STORAGE_CLASSES: ReadonlySet<string> = new Set(["default", "standard", "standard-rwo", "premium-rwo", "gp2", "gp3", "managed-csi", "managed-premium", "local-path", "hostpath"]);

/** The name a dynamically provisioned volume gets, as upstream provisioners name it. */
export function volumeNameFor(claim: KubeObject): string {
  return `pvc-${claim.metadata.uid ?? ""}`;
}

/**
 * A dynamic provisioner and the persistent volume controller in one, for the simulation: every
 * claim gets a volume of exactly its request at once, and is Bound to it. No PersistentVolume
 * objects are served, so the volume exists only as the claim's spec.volumeName. A claim naming a
 * class outside STORAGE_CLASSES stays Pending, as the persistent volume controller leaves it.
 */
export class VolumeProvisioner {
  private readonly queue = new WorkQueue<string>({ name: "volume-provisioner", concurrency: 4 });
  private readonly claims: Informer;
  private readonly recorder: EventRecorder;

  constructor(
    private readonly client: Client,
    informers: InformerFactory,
  ) {
    this.claims = informers.informer(PERSISTENT_VOLUME_CLAIMS);
    this.recorder = new EventRecorder(client, VOLUME_PROVISIONER);
  }

  async start(): Promise<void> {
    const enqueue = (c: KubeObject) => this.queue.add(`${c.metadata.namespace}/${c.metadata.name}`);
    this.claims.addHandler({ add: enqueue, update: (_, c) => enqueue(c) });
    await this.claims.start();
    this.queue.run((key) => this.sync(key));
  }

  stop(): void {
    this.queue.shutdown();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async sync(key: string): Promise<void> {
    const [namespace, name] = key.split("/");
    const claim = this.claims.get(namespace, name);
    if (!claim || claim.metadata.deletionTimestamp) return;
    const storageClass = stringAt(recordAt(claim.spec).storageClassName);
    if (storageClass && !STORAGE_CLASSES.has(storageClass)) return this.recorder.event(claim, "Warning", "ProvisioningFailed", `storageclass.storage.k8s.io "${storageClass}" not found`);
    try {
      const bound = await this.bindVolume(claim);
      await this.markBound(bound);
    } catch (err) {
      // A newer claim is on its way to the informer, which brings the key back.
      if (!isConflict(err) && !isNotFound(err)) throw err;
    }
  }

  /** Provisions the volume (names it in spec.volumeName) unless the claim already has one. */
  private async bindVolume(claim: KubeObject): Promise<KubeObject> {
    const spec = recordAt(claim.spec);
    if (stringAt(spec.volumeName)) return claim;
    const annotations = { ...claim.metadata.annotations, "pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes", "volume.kubernetes.io/storage-provisioner": VOLUME_PROVISIONER };
    const bound = await this.client.update(PERSISTENT_VOLUME_CLAIMS, { ...claim, metadata: { ...claim.metadata, annotations }, spec: { ...spec, volumeName: volumeNameFor(claim) } }, { fieldManager: VOLUME_PROVISIONER });
    this.recorder.event(claim, "Normal", "ProvisioningSucceeded", `Successfully provisioned volume ${volumeNameFor(claim)}`);
    return bound;
  }

  private async markBound(claim: KubeObject): Promise<void> {
    const spec = recordAt(claim.spec);
    const status = recordAt(claim.status);
    if (status.phase === "Bound") return;
    const capacity = { storage: recordAt(recordAt(spec.resources).requests).storage };
    await this.client.updateStatus(PERSISTENT_VOLUME_CLAIMS, { ...claim, status: { ...status, phase: "Bound", accessModes: spec.accessModes, capacity } }, { fieldManager: VOLUME_PROVISIONER });
  }
}
