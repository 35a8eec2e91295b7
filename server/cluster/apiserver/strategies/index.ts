import { leaderWorkerSetStrategy } from "./lws-strategy";
import { namespaceStrategy } from "./namespace-strategy";
import { podStrategy } from "./pod-strategy";
import { pvcStrategy } from "./pvc-strategy";
import { serviceStrategy } from "./service-strategy";
import { statefulSetStrategy } from "./statefulset-strategy";
import type { KindStrategy } from "./strategy";

/** Per-kind strategies by store key (see resourceKey). Kinds without one get generic behaviour. */
export const STRATEGIES: ReadonlyMap<string, KindStrategy> = new Map([
  ["namespaces", namespaceStrategy],
  ["pods", podStrategy],
  ["services", serviceStrategy],
  ["persistentvolumeclaims", pvcStrategy],
  ["apps/statefulsets", statefulSetStrategy],
  ["leaderworkerset.x-k8s.io/leaderworkersets", leaderWorkerSetStrategy],
]);
