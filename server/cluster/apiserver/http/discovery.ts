import { groupVersion, groupVersions, RESOURCES, type ResourceInfo } from "@/lib/k8s/resources";
import { jsonResponse } from "./responses";

const VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
const SUBRESOURCE_VERBS: Record<string, string[]> = {
  status: ["get", "patch", "update"],
  scale: ["get", "patch", "update"],
  binding: ["create"],
  eviction: ["create"],
  log: ["get"],
};

export const VERSION_INFO = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.0-lws-console",
  gitCommit: "0000000000000000000000000000000000000000",
  gitTreeState: "clean",
  buildDate: "2026-01-01T00:00:00Z",
  goVersion: "go1.23",
  compiler: "gc",
  platform: "linux/amd64",
};

const AGGREGATED = /as=APIGroupDiscoveryList/;

/** The aggregated-discovery media type the client asked for (first acceptable in its order), if any. */
export function aggregatedDiscoveryVersion(accept: string | null): "v2" | "v2beta1" | undefined {
  for (const part of (accept ?? "").split(",")) {
    if (!AGGREGATED.test(part) || !/g=apidiscovery\.k8s\.io/.test(part)) continue;
    const version = /v=(v2beta1|v2)\b/.exec(part)?.[1];
    if (version === "v2" || version === "v2beta1") return version;
  }
  return undefined;
}

function scaleOrSelfKind(info: ResourceInfo, sub: string): { group: string; version: string; kind: string } {
  if (sub === "scale") return { group: "autoscaling", version: "v1", kind: "Scale" };
  if (sub === "binding") return { group: "", version: "v1", kind: "Binding" };
  if (sub === "eviction") return { group: "policy", version: "v1", kind: "Eviction" };
  return { group: info.group, version: info.version, kind: info.kind };
}

function aggregatedResource(info: ResourceInfo) {
  return {
    resource: info.resource,
    singularResource: info.singular,
    scope: info.namespaced ? "Namespaced" : "Cluster",
    responseKind: { group: info.group, version: info.version, kind: info.kind },
    verbs: VERBS,
    ...(info.shortNames.length ? { shortNames: info.shortNames } : {}),
    ...(info.categories.length ? { categories: info.categories } : {}),
    subresources: info.subresources.map((sub) => ({ subresource: sub, responseKind: scaleOrSelfKind(info, sub), verbs: SUBRESOURCE_VERBS[sub] })),
  };
}

export function aggregatedDiscovery(root: "api" | "apis", version: "v2" | "v2beta1"): Response {
  const gvs = groupVersions().filter((gv) => (root === "api" ? gv.group === "" : gv.group !== ""));
  const groups = [...new Set(gvs.map((gv) => gv.group))];
  const items = groups.map((group) => ({
    metadata: { name: group },
    versions: gvs
      .filter((gv) => gv.group === group)
      .map((gv) => ({
        version: gv.version,
        freshness: "Current",
        resources: RESOURCES.filter((r) => r.group === gv.group && r.version === gv.version).map(aggregatedResource),
      })),
  }));
  const apiVersion = `apidiscovery.k8s.io/${version}`;
  const contentType = `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
  return jsonResponse({ kind: "APIGroupDiscoveryList", apiVersion, metadata: {}, items }, 200, contentType);
}

export function legacyApiVersions(serverAddress: string): Response {
  return jsonResponse({ kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }] });
}

function apiGroup(group: string) {
  const versions = groupVersions()
    .filter((gv) => gv.group === group)
    .map((gv) => ({ groupVersion: groupVersion(gv), version: gv.version }));
  return versions.length ? { name: group, versions, preferredVersion: versions[0] } : undefined;
}

export function legacyApiGroupList(): Response {
  const groups = [...new Set(groupVersions().map((gv) => gv.group))].filter(Boolean).map(apiGroup);
  return jsonResponse({ kind: "APIGroupList", apiVersion: "v1", groups });
}

export function legacyApiGroup(group: string): Response | undefined {
  const body = apiGroup(group);
  return body && jsonResponse({ kind: "APIGroup", apiVersion: "v1", ...body });
}

export function legacyResourceList(group: string, version: string): Response | undefined {
  const infos = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (infos.length === 0) return undefined;
  const resources = infos.flatMap((info) => [
    {
      name: info.resource,
      singularName: info.singular,
      namespaced: info.namespaced,
      kind: info.kind,
      verbs: VERBS,
      ...(info.shortNames.length ? { shortNames: info.shortNames } : {}),
      ...(info.categories.length ? { categories: info.categories } : {}),
    },
    ...info.subresources.map((sub) => {
      const kind = scaleOrSelfKind(info, sub);
      return { name: `${info.resource}/${sub}`, singularName: "", namespaced: info.namespaced, group: kind.group, version: kind.version, kind: kind.kind, verbs: SUBRESOURCE_VERBS[sub] };
    }),
  ]);
  return jsonResponse({ kind: "APIResourceList", apiVersion: "v1", groupVersion: groupVersion({ group, version }), resources });
}
