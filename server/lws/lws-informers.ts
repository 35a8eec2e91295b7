import { CONTROLLER_REVISIONS, LEADER_WORKER_SETS, NODES, POD_GROUPS, PODS, SERVICES, STATEFUL_SETS } from "@/lib/k8s/resources";
import { LABELS } from "@/lib/lws/constants";
import type { KubeObject } from "@/lib/k8s/types";
import type { Informer } from "@/server/runtime/informer";
import type { InformerFactory } from "@/server/runtime/informer-factory";
import type { GangSchedulerProvider } from "./volcano-pod-group";

/** The caches both LWS reconcilers read: LWS objects, and what carries the LWS name label. */
export interface LwsInformers {
  lws: Informer;
  statefulSets: Informer;
  pods: Informer;
  services: Informer;
  revisions: Informer;
  nodes: Informer;
  /** volcano PodGroups: only with gang scheduling, whose clusters serve the kind */
  podGroups?: Informer;
}

/** Index of the pods informer: an LWS's leader pods by `<namespace>/<lws name>`. */
export const LEADERS_INDEX = "lws-leaders";

function leaderOf(pod: KubeObject): string[] {
  const labels = pod.metadata.labels;
  return labels?.[LABELS.workerIndex] === "0" ? [`${pod.metadata.namespace ?? ""}/${labels[LABELS.name]}`] : [];
}

export function lwsInformers(factory: InformerFactory, options: { gangScheduling?: GangSchedulerProvider } = {}): LwsInformers {
  const owned = { labelSelector: LABELS.name };
  const pods = factory.informer(PODS, owned);
  // A status reads every leader of its LWS: 1,000 of them, not the 8,000 pods of the LWS.
  pods.addIndex(LEADERS_INDEX, leaderOf, (pod) => pod.metadata.labels);
  return {
    ...(options.gangScheduling ? { podGroups: factory.informer(POD_GROUPS, owned) } : {}),
    lws: factory.informer(LEADER_WORKER_SETS),
    statefulSets: factory.informer(STATEFUL_SETS, owned),
    pods,
    services: factory.informer(SERVICES, owned),
    revisions: factory.informer(CONTROLLER_REVISIONS, owned),
    nodes: factory.informer(NODES),
  };
}
