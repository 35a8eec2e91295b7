import { isAlreadyExists, isConflict, isNotFound } from "@/lib/k8s/api-errors";
import { PERSISTENT_VOLUME_CLAIMS, PODS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";
import type { EventRecorder } from "@/server/runtime/event-recorder";
import type { Informer } from "@/server/runtime/informer";
import { claimOwnersMatch, claimsFor, desiredClaimOwners, hasStaleOwnerRef } from "./claims";
import { identityLabels, ordinalOf } from "./pod-identity";
import type { StatefulSetSpec } from "./statefulset-spec";
import { KUBE_CONTROLLER_MANAGER } from "@/server/cluster/field-managers";

type Verb = "create" | "update" | "delete";

const capitalized = (verb: Verb) => verb[0].toUpperCase() + verb.slice(1);
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * StatefulPodControl: the writes the controller makes for one pod (its claims first, then the
 * pod), each recorded as an event on the StatefulSet in kube-controller-manager's words.
 */
export class StatefulPodControl {
  constructor(
    private readonly client: Client,
    private readonly recorder: EventRecorder,
    private readonly claims: Informer,
  ) {}

  /** Creates the pod's missing claims, then the pod; undefined when a pod of that name exists already. */
  async createPod(set: KubeObject, spec: StatefulSetSpec, pod: KubeObject): Promise<KubeObject | undefined> {
    let created: KubeObject;
    try {
      await this.createMissingClaims(set, spec, pod);
      created = await this.client.create(PODS, pod, { fieldManager: KUBE_CONTROLLER_MANAGER });
    } catch (err) {
      if (isAlreadyExists(err)) return undefined;
      this.podEvent("create", set, pod, err);
      throw err;
    }
    this.podEvent("create", set, pod);
    return created;
  }

  async deletePod(set: KubeObject, pod: KubeObject): Promise<void> {
    try {
      await this.client.delete(PODS, pod.metadata.namespace ?? "", pod.metadata.name ?? "", { preconditions: { uid: pod.metadata.uid } });
    } catch (err) {
      // Gone already, or replaced by another pod of that name: either way this one is deleted.
      if (isNotFound(err) || isConflict(err)) return;
      this.podEvent("delete", set, pod, err);
      throw err;
    }
    this.podEvent("delete", set, pod);
  }

  /** Puts back identity labels someone removed or changed. */
  async restoreIdentity(set: KubeObject, pod: KubeObject): Promise<void> {
    const { namespace = "", name = "", resourceVersion } = pod.metadata;
    const body = { metadata: { resourceVersion, labels: identityLabels(set.metadata.name ?? "", ordinalOf(pod)) } };
    try {
      await this.client.patch(PODS, namespace, name, { type: "merge", body }, { fieldManager: KUBE_CONTROLLER_MANAGER });
    } catch (err) {
      if (isNotFound(err)) return;
      this.podEvent("update", set, pod, err);
      throw err;
    }
    this.podEvent("update", set, pod);
  }

  async createMissingClaims(set: KubeObject, spec: StatefulSetSpec, pod: KubeObject): Promise<void> {
    const problems: string[] = [];
    for (const claim of claimsFor(set, spec, ordinalOf(pod))) {
      const existing = this.claims.get(claim.metadata.namespace ?? "", claim.metadata.name ?? "");
      if (existing) {
        if (existing.metadata.deletionTimestamp) problems.push(`pvc ${claim.metadata.name} is being deleted`);
        continue;
      }
      claim.metadata.ownerReferences = desiredClaimOwners(claim, set, pod, spec, false);
      try {
        await this.client.create(PERSISTENT_VOLUME_CLAIMS, claim, { fieldManager: KUBE_CONTROLLER_MANAGER });
        this.claimEvent(set, pod, claim);
      } catch (err) {
        if (isAlreadyExists(err)) continue;
        this.claimEvent(set, pod, claim, err);
        problems.push(`failed to create PVC ${claim.metadata.name}: ${message(err)}`);
      }
    }
    if (problems.length > 0) throw new Error(problems.join("; "));
  }

  /** A claim still owned by an earlier pod of this name: wait for the garbage collector to take it. */
  claimsAreStale(set: KubeObject, spec: StatefulSetSpec, pod: KubeObject): boolean {
    if (spec.retention.whenScaled === "Retain") return false;
    return claimsFor(set, spec, ordinalOf(pod)).some((claim) => {
      const existing = this.claims.get(claim.metadata.namespace ?? "", claim.metadata.name ?? "");
      return !!existing && hasStaleOwnerRef(existing, pod.metadata.name ?? "", pod.metadata.uid);
    });
  }

  claimOwnersMatch(set: KubeObject, spec: StatefulSetSpec, pod: KubeObject, scaledDown: boolean): boolean {
    return this.existingClaims(set, spec, pod).every((claim) => claimOwnersMatch(claim, desiredClaimOwners(claim, set, pod, spec, scaledDown)));
  }

  /** Sets the claims' ownerReferences as the retention policy wants them (the GC then deletes per policy). */
  async updateClaimOwners(set: KubeObject, spec: StatefulSetSpec, pod: KubeObject, scaledDown: boolean): Promise<void> {
    for (const claim of this.existingClaims(set, spec, pod)) {
      const ownerReferences = desiredClaimOwners(claim, set, pod, spec, scaledDown);
      if (claimOwnersMatch(claim, ownerReferences)) continue;
      const body = { metadata: { resourceVersion: claim.metadata.resourceVersion, ownerReferences } };
      try {
        await this.client.patch(PERSISTENT_VOLUME_CLAIMS, claim.metadata.namespace ?? "", claim.metadata.name ?? "", { type: "merge", body }, { fieldManager: KUBE_CONTROLLER_MANAGER });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  }

  private existingClaims(set: KubeObject, spec: StatefulSetSpec, pod: KubeObject): KubeObject[] {
    return claimsFor(set, spec, ordinalOf(pod))
      .map((claim) => this.claims.get(claim.metadata.namespace ?? "", claim.metadata.name ?? ""))
      .filter((claim): claim is KubeObject => claim !== undefined && !claim.metadata.deletionTimestamp);
  }

  private podEvent(verb: Verb, set: KubeObject, pod: KubeObject, err?: unknown): void {
    const { name } = pod.metadata;
    if (err === undefined) this.recorder.event(set, "Normal", `Successful${capitalized(verb)}`, `${verb} Pod ${name} in StatefulSet ${set.metadata.name} successful`);
    else this.recorder.event(set, "Warning", `Failed${capitalized(verb)}`, `${verb} Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${message(err)}`);
  }

  private claimEvent(set: KubeObject, pod: KubeObject, claim: KubeObject, err?: unknown): void {
    const [claimName, podName, setName] = [claim.metadata.name, pod.metadata.name, set.metadata.name];
    if (err === undefined) this.recorder.event(set, "Normal", "SuccessfulCreate", `create Claim ${claimName} Pod ${podName} in StatefulSet ${setName} success`);
    else this.recorder.event(set, "Warning", "FailedCreate", `create Claim ${claimName} for Pod ${podName} in StatefulSet ${setName} failed error: ${message(err)}`);
  }
}
