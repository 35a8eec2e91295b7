import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, LABELS } from "@/lib/lws/constants";
import { groupKey, mutateLeaderWorkerSetPod, parentNameAndOrdinal, subGroupKey } from "./pod-mutation";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

interface PodOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  spec?: Record<string, unknown>;
}

const CONTAINERS = [{ name: "main", image: "nginx" }];

/** A leader pod as the leader StatefulSet `test-sample` creates it, before admission. */
function leader(name = "test-sample-1", { labels = {}, annotations = {}, spec = {} }: PodOptions = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "default",
      labels: { [LABELS.name]: "test-sample", [LABELS.workerIndex]: "0", [LABELS.templateRevisionHash]: "abc", ...labels },
      annotations: { [ANNOTATIONS.size]: "4", ...annotations },
    },
    spec: { subdomain: "test-sample", containers: CONTAINERS, ...spec },
  };
}

/** A worker pod as the worker StatefulSet `test-sample-1` creates it, before admission. */
function worker(index: number, { labels = {}, annotations = {}, spec = {} }: PodOptions = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `test-sample-1-${index}`,
      namespace: "default",
      labels: { [LABELS.name]: "test-sample", [LABELS.groupIndex]: "1", [LABELS.groupKey]: groupKey("default", "test-sample-1"), ...labels },
      annotations: { [ANNOTATIONS.size]: "4", [ANNOTATIONS.leaderName]: "test-sample-1", ...annotations },
    },
    spec: { subdomain: "test-sample", containers: CONTAINERS, ...spec },
  };
}

type Env = Array<{ name: string; value?: string }>;
type Term = { labelSelector: unknown; topologyKey: string };
interface PodSpecView {
  subdomain?: string;
  containers: Array<{ env: Env }>;
  initContainers?: Array<{ env: Env }>;
  affinity?: { podAffinity?: { requiredDuringSchedulingIgnoredDuringExecution: Term[] }; podAntiAffinity?: { requiredDuringSchedulingIgnoredDuringExecution: Term[] } };
}

const specOf = (pod: KubeObject) => pod.spec as PodSpecView;
const lwsEnv = (pod: KubeObject) => specOf(pod).containers[0].env.slice(0, 3);
const env = (address: string, workerIndex: string) => [
  { name: "LWS_LEADER_ADDRESS", value: address },
  { name: "LWS_GROUP_SIZE", value: "4" },
  { name: "LWS_WORKER_INDEX", value: workerIndex },
];

describe("group and sub-group keys", () => {
  it("hashes <namespace>/<leader> for the group and <leader>/<index> for a sub-group", () => {
    expect(groupKey("default", "test-sample")).toBe("95e88034e460983f51a9952fe128729fbc0663b5");
    expect(subGroupKey("test-sample-1", 2)).toBe(sha1("test-sample-1/2"));
  });

  it.each<[string, string, number]>([
    ["x-0", "x", 0],
    ["x-1-12", "x-1", 12],
    ["x-007", "x", 7],
    ["x", "", -1],
    ["x-", "", -1],
    ["x-2147483648", "x", -1],
  ])("parses %s as parent %j and ordinal %i", (name, parent, ordinal) => expect(parentNameAndOrdinal(name)).toEqual({ parent, ordinal }));
});

describe("mutateLeaderWorkerSetPod: leaders", () => {
  it("labels the group index and key and points LWS_LEADER_ADDRESS at the shared Service", () => {
    const pod = mutateLeaderWorkerSetPod(leader());
    expect(pod.metadata.labels).toMatchObject({ [LABELS.groupIndex]: "1", [LABELS.groupKey]: sha1("default/test-sample-1") });
    expect(specOf(pod).subdomain).toBe("test-sample");
    expect(lwsEnv(pod)).toEqual(env("test-sample-1.test-sample.default", "0"));
  });

  it("gives a UniquePerReplica leader its own name as subdomain", () => {
    const pod = mutateLeaderWorkerSetPod(leader("test-sample-1", { annotations: { [ANNOTATIONS.subdomainPolicy]: "UniquePerReplica" } }));
    expect(specOf(pod).subdomain).toBe("test-sample-1");
    expect(lwsEnv(pod)).toEqual(env("test-sample-1.test-sample-1.default", "0"));
  });

  it("keeps a group index and group key already set", () => {
    const pod = mutateLeaderWorkerSetPod(leader("test-sample-1", { labels: { [LABELS.groupIndex]: "7", [LABELS.groupKey]: "k" } }));
    expect(pod.metadata.labels).toMatchObject({ [LABELS.groupIndex]: "7", [LABELS.groupKey]: "k" });
  });

  it("adds no sub-group labels without sub-groups", () => {
    const labels = mutateLeaderWorkerSetPod(leader()).metadata.labels ?? {};
    expect(Object.keys(labels)).not.toContain(LABELS.subGroupIndex);
  });
});

describe("mutateLeaderWorkerSetPod: workers", () => {
  it("labels the worker index from the name and points at the leader through the shared Service", () => {
    const pod = mutateLeaderWorkerSetPod(worker(2));
    expect(pod.metadata.labels?.[LABELS.workerIndex]).toBe("2");
    expect(lwsEnv(pod)).toEqual(env("test-sample-1.test-sample.default", "2"));
  });

  it("points at the leader through the per-replica Service with UniquePerReplica", () => {
    const pod = mutateLeaderWorkerSetPod(worker(3, { spec: { subdomain: "test-sample-1" } }));
    expect(lwsEnv(pod)).toEqual(env("test-sample-1.test-sample-1.default", "3"));
  });

  it("gets no group-level affinity even with exclusive-topology", () => {
    const pod = mutateLeaderWorkerSetPod(worker(1, { annotations: { [ANNOTATIONS.exclusiveTopology]: "rack" } }));
    expect(specOf(pod).affinity).toBeUndefined();
  });
});

describe("mutateLeaderWorkerSetPod: errors and pass-through", () => {
  it("returns pods without the LWS name label as they are", () => {
    const plain: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "web", labels: { app: "web" } }, spec: {} };
    expect(mutateLeaderWorkerSetPod(plain)).toBe(plain);
  });

  it.each<[string, KubeObject, string]>([
    ["a pod without the size annotation", { ...leader(), metadata: { ...leader().metadata, annotations: {} } }, "size annotation is unexpectedly missing for pod test-sample-1"],
    ["a size that is no integer", leader("test-sample-1", { annotations: { [ANNOTATIONS.size]: "four" } }), 'strconv.Atoi: parsing "four": invalid syntax'],
    ["a leader name without ordinal", leader("test-sample"), "parsing pod ordinal for pod test-sample"],
    ["a worker name without ordinal", { ...worker(1), metadata: { ...worker(1).metadata, name: "stray" } }, "parsing pod ordinal for pod stray"],
    [
      "a worker without group index",
      { ...worker(1), metadata: { ...worker(1).metadata, labels: { [LABELS.name]: "test-sample" } } },
      "Failure constructing environment variables, no group index label found for pod default/test-sample-1-1",
    ],
  ])("rejects %s", (_name, pod, message) => expect(() => mutateLeaderWorkerSetPod(pod)).toThrow(message));
});

describe("mutateLeaderWorkerSetPod: env", () => {
  it("puts the LWS vars first in every container and init container, replacing same-named ones", () => {
    const userEnv = [
      { name: "A", value: "1" },
      { name: "LWS_GROUP_SIZE", value: "99" },
      { name: "B", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
      { name: "A", value: "2" },
    ];
    const pod = mutateLeaderWorkerSetPod(
      leader("test-sample-1", { spec: { containers: [{ name: "main", env: userEnv }, { name: "side" }], initContainers: [{ name: "init", env: [{ name: "C", value: "3" }] }] } }),
    );
    const lws = env("test-sample-1.test-sample.default", "0");
    expect(specOf(pod).containers.map((c) => c.env)).toEqual([[...lws, userEnv[0], userEnv[2]], lws]);
    expect(specOf(pod).initContainers?.[0].env).toEqual([...lws, { name: "C", value: "3" }]);
  });
});

const affinityTerm = (labelKey: string, key: string, topologyKey: string) => ({ labelSelector: { matchExpressions: [{ key: labelKey, operator: "In", values: [key] }] }, topologyKey });
const antiAffinityTerm = (labelKey: string, key: string, topologyKey: string) => ({
  labelSelector: { matchExpressions: [{ key: labelKey, operator: "Exists" }, { key: labelKey, operator: "NotIn", values: [key] }] },
  topologyKey,
});
const required = (pod: KubeObject) => ({
  affinity: specOf(pod).affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [],
  antiAffinity: specOf(pod).affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [],
});

describe("mutateLeaderWorkerSetPod: exclusive topology", () => {
  const exclusive = { [ANNOTATIONS.exclusiveTopology]: "rack" };
  const key = sha1("default/test-sample-1");

  it("pins a leader's group to a topology domain of its own", () => {
    expect(required(mutateLeaderWorkerSetPod(leader("test-sample-1", { annotations: exclusive })))).toEqual({
      affinity: [affinityTerm(LABELS.groupKey, key, "rack")],
      antiAffinity: [antiAffinityTerm(LABELS.groupKey, key, "rack")],
    });
  });

  it("appends to the user's terms on other topology keys and keeps the rest of the affinity", () => {
    const userTerm = { labelSelector: { matchLabels: { app: "db" } }, topologyKey: "zone" };
    const affinity = { nodeAffinity: { x: 1 }, podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [userTerm] } };
    const pod = mutateLeaderWorkerSetPod(leader("test-sample-1", { annotations: exclusive, spec: { affinity } }));
    expect(required(pod)).toEqual({ affinity: [userTerm, affinityTerm(LABELS.groupKey, key, "rack")], antiAffinity: [antiAffinityTerm(LABELS.groupKey, key, "rack")] });
    expect(specOf(pod).affinity).toMatchObject({ nodeAffinity: { x: 1 } });
  });

  it("adds nothing when both terms on the topology key are there already", () => {
    const userTerm = { labelSelector: {}, topologyKey: "rack" };
    const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [userTerm] }, podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [userTerm] } };
    expect(required(mutateLeaderWorkerSetPod(leader("test-sample-1", { annotations: exclusive, spec: { affinity } })))).toEqual({ affinity: [userTerm], antiAffinity: [userTerm] });
  });

  it("adds both terms when only the affinity half is there", () => {
    const userTerm = { labelSelector: {}, topologyKey: "rack" };
    const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [userTerm] } };
    const result = required(mutateLeaderWorkerSetPod(leader("test-sample-1", { annotations: exclusive, spec: { affinity } })));
    expect(result.affinity).toHaveLength(2);
    expect(result.antiAffinity).toHaveLength(1);
  });
});

describe("mutateLeaderWorkerSetPod: sub-groups", () => {
  const subGroups = (type: string, size = "4", sgs = "2") => ({
    [ANNOTATIONS.size]: size,
    [ANNOTATIONS.subGroupSize]: sgs,
    [ANNOTATIONS.subGroupPolicyType]: type,
    [ANNOTATIONS.subGroupExclusiveTopology]: "host",
  });
  const subGroupLabels = (pod: KubeObject) => [pod.metadata.labels?.[LABELS.subGroupIndex], pod.metadata.labels?.[LABELS.subGroupKey]];

  it("puts a LeaderWorker leader in sub-group 0 with the sub-group's exclusive placement", () => {
    const pod = mutateLeaderWorkerSetPod(leader("test-sample-1", { annotations: subGroups("LeaderWorker") }));
    const key = sha1("test-sample-1/0");
    expect(subGroupLabels(pod)).toEqual(["0", key]);
    expect(required(pod)).toEqual({ affinity: [affinityTerm(LABELS.subGroupKey, key, "host")], antiAffinity: [antiAffinityTerm(LABELS.subGroupKey, key, "host")] });
  });

  it("gives a leader with both annotations two pairs of terms", () => {
    const pod = mutateLeaderWorkerSetPod(leader("test-sample-1", { annotations: { ...subGroups("LeaderWorker"), [ANNOTATIONS.exclusiveTopology]: "rack" } }));
    expect(required(pod).affinity.map((t) => t.topologyKey)).toEqual(["rack", "host"]);
    expect(required(pod).antiAffinity.map((t) => t.topologyKey)).toEqual(["rack", "host"]);
  });

  it("keeps a LeaderExcluded leader out of the sub-groups", () => {
    const pod = mutateLeaderWorkerSetPod(leader("test-sample-1", { annotations: subGroups("LeaderExcluded", "5") }));
    expect(subGroupLabels(pod)).toEqual([undefined, undefined]);
    expect(specOf(pod).affinity).toBeUndefined();
  });

  it.each<[string, string, string, Record<number, string>]>([
    ["LeaderWorker", "4", "2", { 1: "0", 2: "1", 3: "1" }],
    ["LeaderWorker", "5", "2", { 1: "0", 2: "0", 3: "1", 4: "1" }],
    ["LeaderExcluded", "5", "2", { 1: "0", 2: "0", 3: "1", 4: "1" }],
    ["LeaderExcluded", "3", "1", { 1: "1", 2: "2" }],
  ])("numbers %s workers of size %s by %s and keys them by leader name", (type, size, sgs, expected) => {
    for (const [index, subGroup] of Object.entries(expected)) {
      const pod = mutateLeaderWorkerSetPod(worker(Number(index), { annotations: subGroups(type, size, sgs) }));
      expect(subGroupLabels(pod)).toEqual([subGroup, sha1(`test-sample-1/${subGroup}`)]);
      expect(required(pod).affinity).toEqual([affinityTerm(LABELS.subGroupKey, sha1(`test-sample-1/${subGroup}`), "host")]);
    }
  });

  it("shares sub-group 0's key between a LeaderWorker leader and its first worker", () => {
    const leaderPod = mutateLeaderWorkerSetPod(leader("test-sample-1", { annotations: subGroups("LeaderWorker") }));
    const workerPod = mutateLeaderWorkerSetPod(worker(1, { annotations: subGroups("LeaderWorker") }));
    expect(workerPod.metadata.labels?.[LABELS.subGroupKey]).toBe(leaderPod.metadata.labels?.[LABELS.subGroupKey]);
  });

  it("keeps a sub-group index already set", () => {
    const pod = mutateLeaderWorkerSetPod(worker(3, { labels: { [LABELS.subGroupIndex]: "9" }, annotations: subGroups("LeaderWorker") }));
    expect(subGroupLabels(pod)).toEqual(["9", undefined]);
  });
});

describe("mutateLeaderWorkerSetPod: idempotence and purity", () => {
  const everything = {
    [ANNOTATIONS.exclusiveTopology]: "rack",
    [ANNOTATIONS.subGroupSize]: "2",
    [ANNOTATIONS.subGroupPolicyType]: "LeaderWorker",
    [ANNOTATIONS.subGroupExclusiveTopology]: "host",
    [ANNOTATIONS.subdomainPolicy]: "UniquePerReplica",
  };
  const tpuContainers = [{ name: "main", resources: { limits: { "google.com/tpu": "4" } }, env: [{ name: "X", value: "1" }] }];

  it.each<[string, KubeObject]>([
    ["a leader", leader("test-sample-1", { annotations: everything, spec: { containers: tpuContainers, initContainers: [{ name: "init" }] } })],
    ["a worker", worker(3, { annotations: everything, spec: { containers: tpuContainers, subdomain: "test-sample-1" } })],
    ["a plain leader", leader()],
  ])("changes nothing when %s is mutated twice", (_name, input) => {
    const once = mutateLeaderWorkerSetPod(input);
    expect(mutateLeaderWorkerSetPod(once)).toEqual(once);
  });

  it("returns a new object and leaves the (frozen) input untouched", () => {
    const input = leader("test-sample-1", { annotations: everything });
    const before = structuredClone(input);
    const result = mutateLeaderWorkerSetPod(Object.freeze(input));
    expect(result).not.toBe(input);
    expect(input).toEqual(before);
  });
});
