import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, LABELS } from "@/lib/lws/constants";
import { checkCapacity, type CapacityResult } from "./capacity";
import { withUsage } from "./diagnosis/test-views";
import { NO_USAGE } from "./node-usage";
import type { NodeView, PodView } from "./view-models";

interface NodeOptions {
  rack?: string;
  gpu?: number;
  cpu?: number;
  pods?: number;
  labels?: Record<string, string>;
  ready?: boolean;
  unschedulable?: boolean;
  taints?: NodeView["taints"];
}

function node(name: string, o: NodeOptions = {}): NodeView {
  const amounts = { cpu: o.cpu ?? 32, memory: 256 * 2 ** 30, gpu: o.gpu ?? 8, pods: o.pods ?? 110 };
  return {
    name,
    uid: name,
    resourceVersion: "1",
    labels: { "kubernetes.io/hostname": name, ...(o.rack ? { rack: o.rack } : {}), ...o.labels },
    rack: o.rack,
    ready: o.ready ?? true,
    unschedulable: o.unschedulable ?? false,
    taints: o.taints ?? [],
    capacity: amounts,
    allocatable: amounts,
    requested: NO_USAGE,
  };
}

/** `racks` racks of `perRack` nodes each: rack-0 has node-0-0, node-0-1 … */
function racks(count: number, perRack: number, o: NodeOptions = {}): NodeView[] {
  return Array.from({ length: count * perRack }, (_, i) => node(`node-${Math.floor(i / perRack)}-${i % perRack}`, { rack: `rack-${Math.floor(i / perRack)}`, ...o }));
}

/** The check as the dashboard runs it: every pod of the cluster counted in its node's `requested`. */
function check(lws: KubeObject, nodes: NodeView[], pods: PodView[]): CapacityResult {
  return checkCapacity(lws, withUsage(nodes, pods), pods);
}

function pod(name: string, nodeName: string, gpu: number, o: Partial<PodView> = {}): PodView {
  return {
    namespace: "default",
    name,
    uid: name,
    resourceVersion: "1",
    placementLabels: {},
    nodeName,
    phase: "Running",
    status: "Running",
    ready: true,
    readyContainers: "1/1",
    restarts: 0,
    requests: { cpu: 0, memory: 0, gpu },
    deleting: false,
    createdAt: "",
    ...o,
  };
}

/** A pod of another LWS: it carries a group key, which exclusive anti-affinity matches. */
const lwsPod = (name: string, nodeName: string, lwsName: string, namespace = "default") =>
  pod(name, nodeName, 1, { namespace, lws: lwsName, placementLabels: { [LABELS.groupKey]: "k" } });

interface LwsOptions {
  name?: string;
  replicas: number;
  size: number;
  gpu: number;
  annotations?: Record<string, string>;
  subGroupSize?: number;
  subGroupPolicyType?: string;
  podSpec?: Record<string, unknown>;
}

function lws(o: LwsOptions): KubeObject {
  const container = { name: "main", image: "vllm:1", resources: { limits: { "nvidia.com/gpu": String(o.gpu) } } };
  const subGroupPolicy = o.subGroupSize ? { subGroupPolicy: { subGroupSize: o.subGroupSize, subGroupPolicyType: o.subGroupPolicyType } } : {};
  return {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name: o.name ?? "demo", namespace: "default", annotations: o.annotations ?? {} },
    spec: { replicas: o.replicas, leaderWorkerTemplate: { size: o.size, ...subGroupPolicy, workerTemplate: { spec: { containers: [container], ...o.podSpec } } } },
  };
}

const exclusive = (key = "rack") => ({ [ANNOTATIONS.exclusiveTopology]: key });

describe("checkCapacity: plain placement", () => {
  it.each<[string, LwsOptions, NodeView[], PodView[], { fits: boolean; placed: number; reason?: RegExp }]>([
    ["fits with room to spare", { replicas: 3, size: 4, gpu: 1 }, racks(1, 2), [], { fits: true, placed: 3 }],
    ["replicas 0 always fits", { replicas: 0, size: 4, gpu: 64 }, [], [], { fits: true, placed: 0 }],
    ["runs out of GPUs", { replicas: 3, size: 2, gpu: 8 }, racks(1, 4), [], { fits: false, placed: 2, reason: /group 2 won't fit: its leader needs 8 nvidia\.com\/gpu on one node; a node it may use has at most 0 free/ }],
    ["a pod larger than any node", { replicas: 1, size: 2, gpu: 16 }, racks(2, 2), [], { fits: false, placed: 0, reason: /its leader needs 16 nvidia\.com\/gpu on one node; a node it may use has at most 8 free \(node-0-0\)/ }],
    ["existing pods take their share", { replicas: 2, size: 1, gpu: 8 }, racks(1, 2), [pod("busy", "node-0-0", 4)], { fits: false, placed: 1, reason: /at most 4 free \(node-0-0\)/ }],
    ["finished pods take nothing", { replicas: 2, size: 1, gpu: 8 }, racks(1, 2), [pod("done", "node-0-0", 8, { phase: "Succeeded" })], { fits: true, placed: 2 }],
    ["pod slots run out", { replicas: 3, size: 1, gpu: 0 }, racks(1, 1, { pods: 2 }), [], { fits: false, placed: 2, reason: /needs 1 pod slot on one node; a node it may use has at most 0 free/ }],
    ["cpu from requests, fractional", { replicas: 1, size: 1, gpu: 0, podSpec: { containers: [{ name: "c", resources: { requests: { cpu: "1500m" } } }] } }, racks(1, 1, { cpu: 1 }), [], { fits: false, placed: 0, reason: /needs 1500m cpu on one node; a node it may use has at most 1 free/ }],
    ["no nodes", { replicas: 1, size: 1, gpu: 1 }, [], [], { fits: false, placed: 0, reason: /the cluster has no nodes/ }],
  ])("%s", (_, options, nodes, pods, expected) => {
    const result = check(lws(options), nodes, pods);
    expect(result).toMatchObject({ fits: expected.fits, groupsPlaced: expected.placed, groupsWanted: options.replicas });
    expect(result.domainsUsed).toBeUndefined();
    if (expected.reason) expect(result.reasons.join("\n")).toMatch(expected.reason);
    else expect(result.reasons).toEqual([]);
    if (!expected.fits) expect(result.reasons[0]).toBe(`only ${expected.placed} of ${options.replicas} group${options.replicas === 1 ? "" : "s"} fit`);
  });
});

describe("checkCapacity: which nodes a pod may use", () => {
  const gpuLabel = { labels: { gpu: "h100" } };
  it.each<[string, LwsOptions, NodeView[], { placed: number; reason?: RegExp }]>([
    ["nodeSelector no node matches", { replicas: 1, size: 1, gpu: 1, podSpec: { nodeSelector: { gpu: "h100" } } }, racks(1, 4), { placed: 0, reason: /no node can run the leader pods: of 4 nodes, 4 not matching its nodeSelector \(nodeSelector gpu=h100\)/ }],
    ["nodeSelector picks the matching node", { replicas: 2, size: 1, gpu: 8, podSpec: { nodeSelector: { gpu: "h100" } } }, [node("a"), node("b", gpuLabel)], { placed: 1, reason: /at most 0 free \(b\)/ }],
    [
      "required node affinity",
      { replicas: 1, size: 1, gpu: 1, podSpec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "gpu", operator: "In", values: ["a100"] }] }] } } } } },
      [node("a", gpuLabel)],
      { placed: 0, reason: /1 not matching its node affinity/ },
    ],
    ["cordoned node is skipped", { replicas: 2, size: 1, gpu: 8 }, [node("a", { unschedulable: true }), node("b")], { placed: 1 }],
    ["NotReady node is skipped", { replicas: 2, size: 1, gpu: 8 }, [node("a", { ready: false }), node("b")], { placed: 1 }],
    ["all cordoned or not ready", { replicas: 1, size: 1, gpu: 1 }, [node("a", { unschedulable: true }), node("b", { ready: false })], { placed: 0, reason: /of 2 nodes, 1 cordoned, 1 not ready/ }],
    ["NoSchedule taint without toleration", { replicas: 1, size: 1, gpu: 1 }, [node("a", { taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] })], { placed: 0, reason: /1 tainted without a toleration/ }],
    ["PreferNoSchedule taint is only a preference", { replicas: 1, size: 1, gpu: 1 }, [node("a", { taints: [{ key: "dedicated", value: "gpu", effect: "PreferNoSchedule" }] })], { placed: 1 }],
    [
      "tolerated taint",
      { replicas: 1, size: 1, gpu: 1, podSpec: { tolerations: [{ key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" }] } },
      [node("a", { taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] })],
      { placed: 1 },
    ],
  ])("%s", (_, options, nodes, expected) => {
    const result = check(lws(options), nodes, []);
    expect(result.groupsPlaced).toBe(expected.placed);
    expect(result.fits).toBe(expected.placed === options.replicas);
    if (expected.reason) expect(result.reasons.join("\n")).toMatch(expected.reason);
  });

  it("uses the leader template for the leader and the worker template for workers", () => {
    const spec = lws({ replicas: 1, size: 3, gpu: 8 });
    const template = (spec.spec as { leaderWorkerTemplate: Record<string, unknown> }).leaderWorkerTemplate;
    template.leaderTemplate = { spec: { containers: [{ name: "leader", resources: { requests: { cpu: "1" } } }] } };
    // two workers need 8 GPUs each; the leader needs none, so it goes on the cpu-only node
    const result = check(spec, [node("a", { gpu: 0 }), node("b"), node("c")], []);
    expect(result.fits).toBe(true);
  });
});

describe("checkCapacity: exclusive topology", () => {
  it("gives each group a rack of its own", () => {
    const result = check(lws({ replicas: 3, size: 2, gpu: 8, annotations: exclusive() }), racks(4, 2), []);
    expect(result).toEqual({ fits: true, groupsPlaced: 3, groupsWanted: 3, domainsUsed: ["rack-0", "rack-1", "rack-2"], reasons: [] });
  });

  it("needs N racks with room for a group: says how many exist and which are too small", () => {
    const busy = pod("other-ns", "node-1-0", 4, { namespace: "team-b" });
    const result = check(lws({ replicas: 4, size: 2, gpu: 8, annotations: exclusive() }), racks(3, 2), [busy]);
    expect(result).toMatchObject({ fits: false, groupsPlaced: 2, domainsUsed: ["rack-0", "rack-2"] });
    expect(result.reasons).toEqual([
      "only 2 of 4 groups fit",
      "won't fit: needs 4 racks with room for 2 pods, 16 nvidia.com/gpu, 2 exist (rack-0, rack-2); 1 rack too small or too busy (rack-1)",
    ]);
  });

  it("small groups still take whole racks", () => {
    const result = check(lws({ replicas: 3, size: 1, gpu: 1, annotations: exclusive() }), racks(2, 4), []);
    expect(result).toMatchObject({ fits: false, groupsPlaced: 2, domainsUsed: ["rack-0", "rack-1"] });
    expect(result.reasons[1]).toBe("won't fit: needs 3 racks with room for 1 pod, 1 nvidia.com/gpu, 2 exist (rack-0, rack-1)");
  });

  it("names the missing topology label", () => {
    const result = check(lws({ replicas: 1, size: 1, gpu: 1, annotations: exclusive("cloud.google.com/gke-nodepool") }), racks(1, 2), []);
    expect(result.reasons[1]).toBe('no node has the label "cloud.google.com/gke-nodepool" that the exclusive topology names');
  });

  it("falls into the namespace trap: another LWS's pods in the namespace block their racks (#539)", () => {
    const pods = [lwsPod("other-0", "node-0-0", "other"), lwsPod("other-1", "node-2-1", "other")];
    const result = check(lws({ replicas: 2, size: 1, gpu: 1, annotations: exclusive() }), racks(3, 2), pods);
    expect(result).toMatchObject({ fits: false, groupsPlaced: 1, domainsUsed: ["rack-1"] });
    expect(result.reasons[2]).toBe(
      "2 racks (rack-0, rack-2) already run pods of other LeaderWorkerSets in namespace default: exclusive placement keeps every group out of them (upstream issue #539); free them or use another namespace",
    );
  });

  it("pods of another namespace only take room, they block no rack", () => {
    const result = check(lws({ replicas: 3, size: 1, gpu: 1, annotations: exclusive() }), racks(3, 1), [lwsPod("x", "node-0-0", "other", "team-b")]);
    expect(result).toMatchObject({ fits: true, domainsUsed: ["rack-0", "rack-1", "rack-2"] });
  });

  it("room taken by pods the caller does not hold comes from the nodes' requested totals", () => {
    const elsewhere = [pod("other-ns", "node-0-0", 6, { namespace: "team-b" })];
    const nodes = withUsage(racks(1, 1), elsewhere);
    expect(checkCapacity(lws({ replicas: 1, size: 1, gpu: 4 }), nodes, [])).toMatchObject({ fits: false, reasons: [expect.any(String), expect.stringMatching(/at most 2 free \(node-0-0\)/)] });
    expect(checkCapacity(lws({ replicas: 1, size: 1, gpu: 2 }), nodes, [])).toMatchObject({ fits: true });
  });

  it("an update does not count its own pods, nor does its own group key block racks", () => {
    const own = [0, 1].map((g) => lwsPod(`demo-${g}`, `node-${g}-0`, "demo"));
    const full = own.map((p) => ({ ...p, requests: { cpu: 0, memory: 0, gpu: 8 } }));
    const spec = lws({ replicas: 2, size: 1, gpu: 8, annotations: exclusive() });
    expect(check(spec, racks(2, 1), full)).toMatchObject({ fits: true, domainsUsed: ["rack-0", "rack-1"] });
    expect(check({ ...spec, metadata: { ...spec.metadata, name: "fresh" } }, racks(2, 1), full)).toMatchObject({ fits: false, groupsPlaced: 0 });
  });
});

describe("checkCapacity: sub-group exclusive topology", () => {
  const host = "kubernetes.io/hostname";
  const subgroups = (o: Partial<LwsOptions>) =>
    lws({ replicas: 2, size: 4, gpu: 4, subGroupSize: 2, annotations: { [ANNOTATIONS.subGroupExclusiveTopology]: host }, ...o });

  it("gives each sub-group a node of its own", () => {
    const result = check(subgroups({}), racks(1, 4), []);
    expect(result).toMatchObject({ fits: true, groupsPlaced: 2, domainsUsed: ["node-0-0", "node-0-1", "node-0-2", "node-0-3"] });
  });

  it("says which sub-group is left without a node", () => {
    const result = check(subgroups({}), racks(1, 3), []);
    expect(result).toMatchObject({ fits: false, groupsPlaced: 1 });
    expect(result.reasons[1]).toBe("won't fit: needs 4 nodes (one per subgroup) with room for 2 pods, 8 nvidia.com/gpu, 3 exist (node-0-0, node-0-1, node-0-2)");
  });

  it("a sub-group does not share its node even when it has room", () => {
    const result = check(subgroups({ gpu: 1 }), racks(1, 3), []);
    expect(result.groupsPlaced).toBe(1);
  });

  it("LeaderExcluded: the leader goes anywhere, workers by sub-group", () => {
    // size 5, sub-groups of 2 workers: 2 nodes per group plus the leader on any node with room
    const result = check(subgroups({ size: 5, subGroupPolicyType: "LeaderExcluded", replicas: 1 }), racks(1, 2), []);
    expect(result).toMatchObject({ fits: false, groupsPlaced: 0 });
    expect(result.reasons[1]).toMatch(/its leader needs 4 nvidia\.com\/gpu on one node; a node it may use has at most 0 free/);
    expect(check(subgroups({ size: 5, subGroupPolicyType: "LeaderExcluded", replicas: 1 }), racks(1, 3), []).fits).toBe(true);
  });

  it("with both annotations the sub-groups split the group's rack", () => {
    const both = subgroups({ annotations: { ...exclusive(), [ANNOTATIONS.subGroupExclusiveTopology]: host } });
    expect(check(both, racks(2, 2), [])).toMatchObject({ fits: true, domainsUsed: ["rack-0", "rack-1"] });
    const tooFew = check(both, racks(3, 1), []);
    expect(tooFew).toMatchObject({ fits: false, groupsPlaced: 0 });
    expect(tooFew.reasons[1]).toBe("won't fit: needs 2 racks with room for 4 pods, 16 nvidia.com/gpu, as 2 subgroups on a node each, none exists; 3 racks too small or too busy (rack-0, rack-1, rack-2)");
  });
});

describe("checkCapacity: speed", () => {
  const big = racks(100, 10);

  it.each([
    ["spread", {}],
    ["exclusive by node", exclusive("kubernetes.io/hostname")],
  ])("1,000 nodes × 1,000 groups (%s) in well under a second", (_, annotations) => {
    const started = performance.now();
    const result = check(lws({ replicas: 1000, size: 1, gpu: 8, annotations }), big, []);
    const elapsed = performance.now() - started;
    expect(result.fits).toBe(true);
    expect(elapsed).toBeLessThan(500);
  });

  it("stops at the first group that does not fit", () => {
    const started = performance.now();
    const result = check(lws({ replicas: 1_000_000, size: 4, gpu: 2 }), big, []);
    expect(result).toMatchObject({ fits: false, groupsPlaced: 1000 });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
