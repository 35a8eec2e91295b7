import { describe, it, expect } from "vitest";
import { matchesLabels } from "@/lib/k8s/label-selector";
import type { LabelSelector } from "@/lib/k8s/types";
import type { SchedulerCache } from "./cache";
import { interPodAffinity, REASON_EXISTING_ANTI_AFFINITY, REASON_POD_AFFINITY, REASON_POD_ANTI_AFFINITY } from "./filters";
import { podAffinityState } from "./inter-pod-affinity";
import type { NodeInfo } from "./node-info";
import { schedulePod } from "./schedule";
import type { PodAffinityTerm, SchedulingPod } from "./scheduling-pod";
import { cacheOf, exclusiveTopology, node, pod, type TermSpec } from "./test-builders";

const GROUP_KEY = "leaderworkerset.sigs.k8s.io/group-key";

function rackOf(cache: SchedulerCache, nodeName: string): string | undefined {
  return cache.nodeInfo(nodeName)?.node.labels.rack;
}

/** Schedules and assumes each pod in turn, returning the node names (or the failure message). */
function placeAll(cache: SchedulerCache, pods: SchedulingPod[]): string[] {
  return pods.map((p) => {
    const result = schedulePod(p, cache);
    if (!("nodeName" in result)) return result.message;
    cache.assume(p, result.nodeName);
    return result.nodeName;
  });
}

const fourRacks = () => ["r0", "r1", "r2", "r3"].flatMap((r) => [node(`${r}-a`).rack(r), node(`${r}-b`).rack(r)]);

describe("LWS exclusive topology (lws-upstream-spec §5.1)", () => {
  it("puts each group's leader on its own rack and refuses a fifth group", () => {
    const cache = cacheOf(fourRacks());
    const leaders = ["g0", "g1", "g2", "g3", "g4"].map((g) => exclusiveTopology(pod(`lws-${g}`), g).build());
    const placed = placeAll(cache, leaders);
    const racks = placed.slice(0, 4).map((n) => rackOf(cache, n));
    expect(new Set(racks).size).toBe(4);
    expect(placed[4]).toBe(
      "0/8 nodes are available: 8 node(s) didn't match pod anti-affinity rules. preemption: 0/8 nodes are available: 8 No preemption victims found for incoming pod.",
    );
  });

  it("keeps a group's members together and other groups out", () => {
    const cache = cacheOf(fourRacks());
    const [leader0, leader1] = placeAll(cache, [exclusiveTopology(pod("l0"), "g0").build(), exclusiveTopology(pod("l1"), "g1").build()]);
    const [member] = placeAll(cache, [exclusiveTopology(pod("l0-sub"), "g0").build()]);
    expect(rackOf(cache, member)).toBe(rackOf(cache, leader0));
    // A plain worker of g1 is kept off g0's rack by the leader's anti-affinity, and may use empty racks.
    const worker = pod("w1").labels({ [GROUP_KEY]: "g1" }).build();
    const ctx = { cache, podAffinity: podAffinityState(worker, cache) };
    const verdicts = cache.nodeInfos().map((n) => [rackOf(cache, n.name), interPodAffinity(worker, n, ctx)?.reasons[0]]);
    expect(verdicts.filter(([rack]) => rack === rackOf(cache, leader0)).map(([, v]) => v)).toEqual([REASON_EXISTING_ANTI_AFFINITY, REASON_EXISTING_ANTI_AFFINITY]);
    expect(verdicts.filter(([rack]) => rack === rackOf(cache, leader1)).map(([, v]) => v)).toEqual([undefined, undefined]);
  });
});

describe("required pod affinity", () => {
  it("lets the first pod of a self-selecting group go anywhere with the topology key", () => {
    const cache = cacheOf([node("n1").rack("r1"), node("n2")]);
    const first = pod("web-0").labels({ app: "web" }).podAffinity({ labelSelector: { matchLabels: { app: "web" } }, topologyKey: "rack" }).build();
    expect(schedulePod(first, cache)).toEqual({ nodeName: "n1" });
  });

  it("refuses a pod whose terms select neither itself nor any placed pod", () => {
    const cache = cacheOf([node("n1").rack("r1"), node("n2").rack("r2")]);
    const p = pod("web").labels({ app: "web" }).podAffinity({ labelSelector: { matchLabels: { app: "db" } }, topologyKey: "rack" }).build();
    const result = schedulePod(p, cache);
    expect(result).toMatchObject({ reasons: { [REASON_POD_AFFINITY]: 2 } });
  });

  it("follows placed pods into their topology domain", () => {
    const cache = cacheOf([node("n1").rack("r1"), node("n2").rack("r2"), node("n3").rack("r2")], [pod("db").labels({ app: "db" }).on("n3")]);
    const p = pod("web").podAffinity({ labelSelector: { matchLabels: { app: "db" } }, topologyKey: "rack" }).build();
    expect(schedulePod(p, cache)).toEqual({ nodeName: "n2" });
  });

  it("merges matchLabelKeys into the selector", () => {
    const cache = cacheOf([node("n1").rack("r1"), node("n2").rack("r2")], [pod("a").labels({ app: "x", v: "1" }).on("n1"), pod("b").labels({ app: "x", v: "2" }).on("n2")]);
    const p = pod("c").labels({ v: "2" }).podAffinity({ labelSelector: { matchLabels: { app: "x" } }, matchLabelKeys: ["v"], topologyKey: "rack" }).build();
    expect(schedulePod(p, cache)).toEqual({ nodeName: "n2" });
  });

  it("only looks in the term's namespaces, its own by default", () => {
    const nodes = [node("n1").rack("r1"), node("n2").rack("r2")];
    const placed = pod("db", "other").labels({ app: "db" }).on("n2");
    const term = { labelSelector: { matchLabels: { app: "db" } }, topologyKey: "rack" };
    expect(schedulePod(pod("p").podAffinity(term).build(), cacheOf(nodes, [placed]))).toMatchObject({ unschedulable: true });
    expect(schedulePod(pod("p").podAffinity({ ...term, namespaces: ["other"] }).build(), cacheOf(nodes, [placed]))).toEqual({ nodeName: "n2" });
    const cache = cacheOf(nodes, [placed]);
    cache.setNamespace("other", { team: "data" });
    expect(schedulePod(pod("p").podAffinity({ ...term, namespaceSelector: { matchLabels: { team: "data" } } }).build(), cache)).toEqual({ nodeName: "n2" });
  });
});

describe("required pod anti-affinity", () => {
  it("spreads replicas one per host", () => {
    const cache = cacheOf([node("n1"), node("n2")]);
    const replica = (i: number) => pod(`web-${i}`).labels({ app: "web" }).podAntiAffinity({ labelSelector: { matchLabels: { app: "web" } }, topologyKey: "kubernetes.io/hostname" }).build();
    const placed = placeAll(cache, [replica(0), replica(1), replica(2)]);
    expect(placed.slice(0, 2).sort()).toEqual(["n1", "n2"]);
    expect(placed[2]).toContain(`2 ${REASON_POD_ANTI_AFFINITY}`);
  });

  it("a node without the topology key does not violate anti-affinity", () => {
    const cache = cacheOf([node("n1")], [pod("a").labels({ app: "web" }).on("n1")]);
    const p = pod("b").podAntiAffinity({ labelSelector: { matchLabels: { app: "web" } }, topologyKey: "zone" }).build();
    expect(schedulePod(p, cache)).toEqual({ nodeName: "n1" });
  });
});

// ---- The indexed computation agrees with upstream's brute-force definition on random clusters.

/** A seeded generator, so failures reproduce. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
}

const SELECTORS: Array<LabelSelector | undefined> = [
  { matchLabels: { app: "a" } },
  { matchExpressions: [{ key: "group", operator: "Exists" }, { key: "group", operator: "NotIn", values: ["g1"] }] },
  { matchExpressions: [{ key: "group", operator: "Exists" }] },
  { matchExpressions: [{ key: "app", operator: "NotIn", values: ["b"] }] },
  { matchExpressions: [{ key: "app", operator: "In", values: ["a", "c"] }, { key: "group", operator: "Exists" }] },
  {},
  { matchExpressions: [{ key: "app", operator: "DoesNotExist" }] },
  { matchExpressions: [{ key: "app", operator: "Exists" }, { key: "group", operator: "NotIn", values: ["g2"] }] },
  undefined,
];
const TOPOLOGY_KEYS = ["rack", "zone", "kubernetes.io/hostname"];
const NAMESPACING: Array<Partial<TermSpec>> = [{}, { namespaces: ["ns1", "ns2"] }, { namespaceSelector: {} }, { namespaceSelector: { matchLabels: { team: "x" } } }];

function randomTerm(rand: (n: number) => number): TermSpec {
  const labelSelector = SELECTORS[rand(SELECTORS.length)];
  return { ...(labelSelector && { labelSelector }), topologyKey: TOPOLOGY_KEYS[rand(3)], ...NAMESPACING[rand(NAMESPACING.length)] };
}

function randomPod(rand: (n: number) => number, name: string) {
  const labels: Record<string, string> = {};
  if (rand(4) > 0) labels.app = ["a", "b", "c"][rand(3)];
  if (rand(3) > 0) labels.group = ["g1", "g2", "g3"][rand(3)];
  const b = pod(name, ["ns1", "ns2"][rand(2)]).labels(labels);
  for (let i = rand(3); i > 0; i--) b.podAntiAffinity(randomTerm(rand));
  for (let i = rand(4) === 0 ? 1 + rand(2) : 0; i > 0; i--) b.podAffinity(randomTerm(rand));
  return b;
}

function termMatches(term: PodAffinityTerm, target: SchedulingPod, nsLabels: Record<string, Record<string, string>>): boolean {
  const inNs = term.namespaces.has(target.namespace) || (term.namespaceSelector !== undefined && matchesLabels(term.namespaceSelector, nsLabels[target.namespace]));
  return term.selector !== undefined && inNs && matchesLabels(term.selector, target.labels);
}

/** kube-scheduler's InterPodAffinity filter, written the direct way: visit every placed pod. */
function bruteForce(p: SchedulingPod, target: NodeInfo, cache: SchedulerCache, nsLabels: Record<string, Record<string, string>>): string | undefined {
  const placed = [...cache.pods()].map((e) => ({ e, labels: cache.nodeInfo(e.nodeName)?.node.labels ?? {} }));
  const count = (pick: (e: SchedulingPod) => PodAffinityTerm[], key: string, value: string | undefined) =>
    value === undefined ? 0 : placed.filter(({ e, labels }) => labels[key] === value && pick(e).some((t) => t.topologyKey === key)).length;
  const matchesAll = (e: SchedulingPod) => p.affinityTerms.length > 0 && p.affinityTerms.every((t) => termMatches(t, e, nsLabels));
  const anyAffinityMatch = placed.some(({ e, labels }) => matchesAll(e) && p.affinityTerms.some((t) => labels[t.topologyKey] !== undefined));
  const labels = target.node.labels;
  let affinityOk = true;
  for (const t of p.affinityTerms) {
    if (labels[t.topologyKey] === undefined) return REASON_POD_AFFINITY;
    if (count((e) => (matchesAll(e) ? p.affinityTerms.filter((x) => x.topologyKey === t.topologyKey) : []), t.topologyKey, labels[t.topologyKey]) === 0) affinityOk = false;
  }
  if (!affinityOk && (anyAffinityMatch || !matchesAll(p))) return REASON_POD_AFFINITY;
  for (const t of p.antiAffinityTerms) {
    if (count((e) => (termMatches(t, e, nsLabels) ? [t] : []), t.topologyKey, labels[t.topologyKey]) > 0) return REASON_POD_ANTI_AFFINITY;
  }
  const violated = placed.some(({ e, labels: eLabels }) => e.antiAffinityTerms.some((t) => termMatches(t, p, nsLabels) && eLabels[t.topologyKey] !== undefined && eLabels[t.topologyKey] === labels[t.topologyKey]));
  return violated ? REASON_EXISTING_ANTI_AFFINITY : undefined;
}

describe("indexed InterPodAffinity equals the brute-force definition", () => {
  it("on 300 random clusters", () => {
    const nsLabels = { ns1: { team: "x" }, ns2: { team: "y" } };
    for (let seed = 1; seed <= 300; seed++) {
      const rand = random(seed);
      const nodes = Array.from({ length: 6 }, (_, i) => {
        const n = node(`n${i}`).rack(`r${rand(3)}`);
        return rand(3) > 0 ? n.label("zone", `z${rand(2)}`) : n;
      });
      const existing = Array.from({ length: 14 }, (_, i) => randomPod(rand, `e${i}`).on(`n${rand(6)}`));
      const cache = cacheOf(nodes, existing);
      for (const [ns, labels] of Object.entries(nsLabels)) cache.setNamespace(ns, labels);
      cache.setNode(nodes[rand(6)].rack(`r${rand(3)}`).build()); // relabelled after its pods arrived
      const churn = Array.from({ length: 4 }, (_, i) => randomPod(rand, `gone${i}`).on(`n${rand(6)}`).build());
      churn.forEach((p) => cache.setPod(p));
      churn.forEach((p) => cache.removePod(p.key));
      cache.setPod(existing[0].on(`n${rand(6)}`).build()); // moved
      const incoming = randomPod(rand, "incoming").build();
      const ctx = { cache, podAffinity: podAffinityState(incoming, cache) };
      for (const n of cache.nodeInfos()) {
        expect(interPodAffinity(incoming, n, ctx)?.reasons[0], `seed ${seed}, node ${n.name}`).toBe(bruteForce(incoming, n, cache, nsLabels));
      }
    }
  });
});
