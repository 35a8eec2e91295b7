import type { KubeObject } from "@/lib/k8s/types";
import { LABELS } from "@/lib/lws/constants";
import { controllerRef } from "./owner-references";

function headless(name: string, namespace: string | undefined, lwsName: string, selector: Record<string, string>, owner: KubeObject): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace, labels: { [LABELS.name]: lwsName }, ownerReferences: [controllerRef(owner)] },
    spec: { clusterIP: "None", publishNotReadyAddresses: true, selector },
  };
}

/** `<lws>`: one headless Service for every pod of the LWS (subdomainPolicy Shared). */
export function sharedService(lws: KubeObject): KubeObject {
  const name = lws.metadata.name ?? "";
  return headless(name, lws.metadata.namespace, name, { [LABELS.name]: name }, lws);
}

/** `<lws>-<i>`: a group's own headless Service (UniquePerReplica), owned by its leader pod. */
export function perReplicaService(lwsName: string, leader: KubeObject): KubeObject {
  const groupIndex = leader.metadata.labels?.[LABELS.groupIndex] ?? "";
  return headless(leader.metadata.name ?? "", leader.metadata.namespace, lwsName, { [LABELS.name]: lwsName, [LABELS.groupIndex]: groupIndex }, leader);
}
