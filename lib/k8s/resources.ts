/**
 * The resource types LWS Console works with and the embedded API server serves: the one table that discovery, OpenAPI,
 * routing, the store and the garbage collector all read. Adding a kind starts here.
 */

export interface ResourceInfo {
  group: string; // "" for core
  version: string;
  resource: string; // plural, e.g. "pods"
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  /** subresources besides the resource itself */
  subresources: Array<"status" | "scale" | "binding" | "eviction" | "log">;
  /** true for kinds kubectl knows (strategic merge patch allowed); false for CRDs */
  builtin: boolean;
}

function r(info: Omit<ResourceInfo, "listKind" | "categories" | "shortNames" | "subresources" | "builtin"> & Partial<ResourceInfo>): ResourceInfo {
  return {
    listKind: `${info.kind}List`,
    categories: [],
    shortNames: [],
    subresources: [],
    builtin: true,
    ...info,
  };
}

export const RESOURCES: readonly ResourceInfo[] = [
  r({ group: "", version: "v1", resource: "namespaces", singular: "namespace", kind: "Namespace", namespaced: false, shortNames: ["ns"], subresources: ["status"] }),
  r({ group: "", version: "v1", resource: "nodes", singular: "node", kind: "Node", namespaced: false, shortNames: ["no"], subresources: ["status"] }),
  r({ group: "", version: "v1", resource: "pods", singular: "pod", kind: "Pod", namespaced: true, shortNames: ["po"], categories: ["all"], subresources: ["status", "binding", "eviction", "log"] }),
  r({ group: "", version: "v1", resource: "services", singular: "service", kind: "Service", namespaced: true, shortNames: ["svc"], categories: ["all"], subresources: ["status"] }),
  r({ group: "", version: "v1", resource: "endpoints", singular: "endpoints", kind: "Endpoints", namespaced: true, shortNames: ["ep"] }),
  r({ group: "", version: "v1", resource: "events", singular: "event", kind: "Event", namespaced: true, shortNames: ["ev"] }),
  r({ group: "", version: "v1", resource: "persistentvolumeclaims", singular: "persistentvolumeclaim", kind: "PersistentVolumeClaim", namespaced: true, shortNames: ["pvc"], subresources: ["status"] }),
  r({ group: "", version: "v1", resource: "configmaps", singular: "configmap", kind: "ConfigMap", namespaced: true, shortNames: ["cm"] }),
  r({ group: "apps", version: "v1", resource: "statefulsets", singular: "statefulset", kind: "StatefulSet", namespaced: true, shortNames: ["sts"], categories: ["all"], subresources: ["status", "scale"] }),
  r({ group: "apps", version: "v1", resource: "controllerrevisions", singular: "controllerrevision", kind: "ControllerRevision", namespaced: true }),
  r({ group: "coordination.k8s.io", version: "v1", resource: "leases", singular: "lease", kind: "Lease", namespaced: true }),
  r({ group: "events.k8s.io", version: "v1", resource: "events", singular: "event", kind: "Event", namespaced: true, shortNames: ["ev"] }),
  r({
    group: "leaderworkerset.x-k8s.io",
    version: "v1",
    resource: "leaderworkersets",
    singular: "leaderworkerset",
    kind: "LeaderWorkerSet",
    namespaced: true,
    shortNames: ["lws"],
    subresources: ["status", "scale"],
    builtin: false,
  }),
  // Volcano's PodGroup CRD, served so LWS gang scheduling (LWS_GANG_SCHEDULING=volcano) runs on the embedded cluster.
  r({
    group: "scheduling.volcano.sh",
    version: "v1beta1",
    resource: "podgroups",
    singular: "podgroup",
    kind: "PodGroup",
    namespaced: true,
    shortNames: ["pg", "podgroup-v1beta1"],
    subresources: ["status"],
    builtin: false,
  }),
];

export function groupVersion(info: Pick<ResourceInfo, "group" | "version">): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** The store key of a resource type: "pods", "apps/statefulsets". */
export function resourceKey(info: Pick<ResourceInfo, "group" | "resource">): string {
  return info.group ? `${info.group}/${info.resource}` : info.resource;
}

const byPath = new Map(RESOURCES.map((info) => [`${groupVersion(info)}/${info.resource}`, info]));
const byKind = new Map(RESOURCES.map((info) => [`${groupVersion(info)}/${info.kind}`, info]));

export function findResource(group: string, version: string, resource: string): ResourceInfo | undefined {
  return byPath.get(`${group ? `${group}/` : ""}${version}/${resource}`);
}

/** Looks a resource up by apiVersion ("apps/v1") and kind ("StatefulSet"). */
export function findResourceByKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return byKind.get(`${apiVersion}/${kind}`);
}

/** The group/versions served, in discovery order. */
export function groupVersions(): Array<{ group: string; version: string }> {
  const seen = new Map<string, { group: string; version: string }>();
  for (const info of RESOURCES) seen.set(groupVersion(info), { group: info.group, version: info.version });
  return [...seen.values()];
}

function mustFind(group: string, resource: string): ResourceInfo {
  const info = RESOURCES.find((r) => r.group === group && r.resource === resource);
  if (!info) throw new Error(`unknown resource ${group}/${resource}`);
  return info;
}

export const NAMESPACES = mustFind("", "namespaces");
export const NODES = mustFind("", "nodes");
export const PODS = mustFind("", "pods");
export const SERVICES = mustFind("", "services");
export const ENDPOINTS = mustFind("", "endpoints");
export const EVENTS = mustFind("", "events");
/** The same events as events.k8s.io/v1 serves them. */
export const EVENTS_K8S_IO = mustFind("events.k8s.io", "events");
export const PERSISTENT_VOLUME_CLAIMS = mustFind("", "persistentvolumeclaims");
export const CONFIG_MAPS = mustFind("", "configmaps");
export const STATEFUL_SETS = mustFind("apps", "statefulsets");
export const CONTROLLER_REVISIONS = mustFind("apps", "controllerrevisions");
export const LEASES = mustFind("coordination.k8s.io", "leases");
export const LEADER_WORKER_SETS = mustFind("leaderworkerset.x-k8s.io", "leaderworkersets");
export const POD_GROUPS = mustFind("scheduling.volcano.sh", "podgroups");
