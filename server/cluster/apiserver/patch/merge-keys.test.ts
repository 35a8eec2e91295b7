import { describe, it, expect } from "vitest";
import { listStrategyAt, type ListStrategy } from "./merge-keys";

const byKey = (key: string): ListStrategy => ({ type: "merge", key });
const SET: ListStrategy = { type: "set" };
const ATOMIC: ListStrategy = { type: "atomic" };

const podSpec = ["spec"];
const stsPodSpec = ["spec", "template", "spec"];
const lwsWorkerSpec = ["spec", "leaderWorkerTemplate", "workerTemplate", "spec"];

describe("listStrategyAt", () => {
  const cases: Array<[string, string[], ListStrategy]> = [
    ["Pod", [...podSpec, "containers"], byKey("name")],
    ["Pod", [...podSpec, "initContainers"], byKey("name")],
    ["Pod", [...podSpec, "ephemeralContainers"], byKey("name")],
    ["Pod", [...podSpec, "containers", "env"], byKey("name")],
    ["Pod", [...podSpec, "containers", "ports"], byKey("containerPort")],
    ["Pod", [...podSpec, "initContainers", "volumeMounts"], byKey("mountPath")],
    ["Pod", [...podSpec, "containers", "volumeDevices"], byKey("devicePath")],
    ["Pod", [...podSpec, "containers", "envFrom"], ATOMIC],
    ["Pod", [...podSpec, "containers", "command"], ATOMIC],
    ["Pod", [...podSpec, "volumes"], byKey("name")],
    ["Pod", [...podSpec, "imagePullSecrets"], byKey("name")],
    ["Pod", [...podSpec, "hostAliases"], byKey("ip")],
    ["Pod", [...podSpec, "topologySpreadConstraints"], byKey("topologyKey")],
    ["Pod", [...podSpec, "resourceClaims"], byKey("name")],
    ["Pod", [...podSpec, "schedulingGates"], byKey("name")],
    ["Pod", [...podSpec, "tolerations"], ATOMIC],
    ["Pod", [...podSpec, "readinessGates"], ATOMIC],
    ["Pod", ["status", "conditions"], byKey("type")],
    ["Pod", ["status", "podIPs"], byKey("ip")],
    ["Pod", ["status", "containerStatuses"], ATOMIC],
    ["Pod", ["status", "initContainerStatuses"], ATOMIC],
    ["StatefulSet", [...stsPodSpec, "containers"], byKey("name")],
    ["StatefulSet", [...stsPodSpec, "containers", "env"], byKey("name")],
    ["StatefulSet", [...stsPodSpec, "tolerations"], ATOMIC],
    ["StatefulSet", ["spec", "template", "metadata", "finalizers"], SET],
    ["StatefulSet", ["spec", "volumeClaimTemplates"], ATOMIC],
    ["StatefulSet", ["status", "conditions"], byKey("type")],
    ["LeaderWorkerSet", [...lwsWorkerSpec, "containers"], byKey("name")],
    ["LeaderWorkerSet", ["spec", "leaderWorkerTemplate", "leaderTemplate", "spec", "volumes"], byKey("name")],
    ["Service", ["spec", "ports"], byKey("port")],
    ["Service", ["spec", "clusterIPs"], ATOMIC],
    ["Node", ["status", "conditions"], byKey("type")],
    ["Node", ["status", "addresses"], byKey("type")],
    ["Node", ["spec", "taints"], ATOMIC],
    ["Node", ["spec", "podCIDRs"], SET],
    ["PersistentVolumeClaim", ["status", "conditions"], byKey("type")],
    ["PersistentVolumeClaim", ["spec", "accessModes"], ATOMIC],
    ["Namespace", ["status", "conditions"], byKey("type")],
    ["Endpoints", ["subsets"], ATOMIC],
    ["ConfigMap", ["metadata", "ownerReferences"], byKey("uid")],
    ["Lease", ["metadata", "finalizers"], SET],
    ["Event", ["metadata", "finalizers"], SET],
    ["Pod", ["metadata", "managedFields"], ATOMIC],
    ["NoSuchKind", ["metadata", "finalizers"], SET],
    ["NoSuchKind", ["spec", "containers"], ATOMIC],
    ["Pod", ["spec", "nonsense", "containers"], ATOMIC],
    ["Pod", ["spec", "constructor"], ATOMIC],
    ["Pod", [], ATOMIC],
  ];

  it.each(cases)("%s %j", (kind, path, expected) => {
    expect(listStrategyAt(kind, path)).toEqual(expected);
  });
});
