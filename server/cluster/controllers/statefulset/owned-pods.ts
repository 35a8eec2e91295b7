import { errorCode, isConflict, isNotFound } from "@/lib/k8s/api-errors";
import { labelSelectorFromObject, matchesLabels, type Selector } from "@/lib/k8s/label-selector";
import { PODS } from "@/lib/k8s/resources";
import type { KubeObject, OwnerReference } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";
import type { Informer } from "@/server/runtime/informer";
import { parentAndOrdinal, podName } from "./pod-identity";
import { isTerminating } from "./pod-state";
import { controllerRef, controllingStatefulSet, isControlledBy, type StatefulSetSpec } from "./statefulset-spec";
import { KUBE_CONTROLLER_MANAGER } from "@/server/cluster/field-managers";

/**
 * The pods a StatefulSet controls (ClaimPods): those it owns that still match its selector and
 * are named `<sts>-<ordinal>`; owned pods that no longer match are released, and orphans at the
 * ordinals it wants that match are adopted. Orphans are looked up by name, so the work stays
 * proportional to the StatefulSet's own pods.
 */
export class OwnedPods {
  constructor(
    private readonly client: Client,
    private readonly pods: Informer,
  ) {}

  async of(set: KubeObject, spec: StatefulSetSpec): Promise<KubeObject[]> {
    const selector = labelSelectorFromObject(spec.selector);
    const canChange = !set.metadata.deletionTimestamp;
    const claimed: KubeObject[] = [];
    for (const pod of this.pods.byOwner(set.metadata.uid ?? "").filter((p) => isControlledBy(p, set))) {
      if (belongs(set, selector, pod)) claimed.push(pod);
      else if (canChange) await this.setOwners(pod, (pod.metadata.ownerReferences ?? []).filter((ref) => ref.uid !== set.metadata.uid));
    }
    if (canChange) claimed.push(...(await this.adoptOrphans(set, spec, selector)));
    return claimed;
  }

  private async adoptOrphans(set: KubeObject, spec: StatefulSetSpec, selector: Selector): Promise<KubeObject[]> {
    const adopted: KubeObject[] = [];
    for (let ordinal = spec.start; ordinal < spec.start + spec.replicas; ordinal++) {
      const pod = this.pods.get(set.metadata.namespace ?? "", podName(set.metadata.name ?? "", ordinal));
      if (!pod || controllingStatefulSet(pod) || pod.metadata.ownerReferences?.some((ref) => ref.controller)) continue;
      if (isTerminating(pod) || !belongs(set, selector, pod)) continue;
      const updated = await this.setOwners(pod, [...(pod.metadata.ownerReferences ?? []), controllerRef(set)]);
      if (updated) adopted.push(updated);
    }
    return adopted;
  }

  /** Replaces the pod's ownerReferences if it is still the pod that was looked at. */
  private async setOwners(pod: KubeObject, ownerReferences: OwnerReference[]): Promise<KubeObject | undefined> {
    const patch = [
      { op: "test", path: "/metadata/uid", value: pod.metadata.uid },
      { op: "add", path: "/metadata/ownerReferences", value: ownerReferences },
    ];
    try {
      return await this.client.patch(PODS, pod.metadata.namespace ?? "", pod.metadata.name ?? "", { type: "json", body: patch }, { fieldManager: KUBE_CONTROLLER_MANAGER });
    } catch (err) {
      if (isNotFound(err) || isConflict(err) || isFailedTest(err)) return undefined;
      throw err;
    }
  }
}

function belongs(set: KubeObject, selector: Selector, pod: KubeObject): boolean {
  const { parent, ordinal } = parentAndOrdinal(pod.metadata.name ?? "");
  return ordinal >= 0 && parent === set.metadata.name && matchesLabels(selector, pod.metadata.labels);
}

/** A JSON patch `test` that failed: the pod was replaced by another of the same name. */
function isFailedTest(err: unknown): boolean {
  return errorCode(err) === 422;
}
