import { describe, expect, it } from "vitest";
import { ANNOTATIONS, LABELS } from "@/lib/lws/constants";
import type { NodeView, PodView } from "../view-models";
import { diagnose } from "./diagnose";
import { boundPod, gpuLws, input, node, racks, stuckPod } from "./test-views";
import type { Cause } from "./types";

const exclusive = (key = "rack") => ({ [ANNOTATIONS.exclusiveTopology]: key });
const ANTI_AFFINITY = "0/8 nodes are available: 2 node(s) didn't match pod affinity rules, 6 node(s) didn't match pod anti-affinity rules.";

/** Groups 0 … n-1 of LWS `name`, each on its own rack, `gpu` per pod. */
const onRacks = (name: string, groups: number[], gpu = 8): PodView[] => groups.flatMap((g) => [boundPod(name, g, 0, `node-${g}-0`, gpu), boundPod(name, g, 1, `node-${g}-1`, gpu)]);

const withNodes = (nodes: Map<string, NodeView>, ...more: NodeView[]) => new Map([...nodes, ...more.map((n): [string, NodeView] => [`/${n.name}`, n])]);

/** The cause of the group with unschedulable pods. */
function causeOf(lws: ReturnType<typeof gpuLws>, pods: PodView[], nodes: Map<string, NodeView>, group: number): Cause {
  const result = diagnose(input({ lws, pods, nodes }));
  const stuck = result.find((g) => g.index === group);
  expect(stuck?.verdict).toBe("stuck");
  return stuck?.causes[0] as Cause;
}

describe("an unschedulable group under exclusive topology: why each rack cannot take it", () => {
  const lws = gpuLws({ replicas: 4, size: 2, gpu: 8, annotations: exclusive() });
  const cordoned = (nodes: Map<string, NodeView>) => new Map([...nodes].map(([k, n]) => [k, n.rack === "rack-3" ? { ...n, unschedulable: true } : n]));
  it.each<[string, PodView[], Map<string, NodeView>, string, RegExp]>([
    [
      "the namespace trap: another LWS holds the last rack",
      [...onRacks("llm", [0, 1, 2]), boundPod("other-llm", 0, 0, "node-3-0", 1)],
      racks(4, 2),
      "of 4 racks, 3 are taken by groups 0-2, rack-3 holds pods of LWS other-llm (upstream #539)",
      /^add a rack with room for a group \(nodes labelled rack\) or lower replicas to 3; move LWS other-llm to another namespace/,
    ],
    [
      "a rack too small, partly used by another namespace",
      [...onRacks("llm", [0, 1, 2]), boundPod("batch", 0, 0, "node-3-0", 8, { namespace: "team-b" })],
      racks(4, 2),
      "of 4 racks, 3 are taken by groups 0-2, rack-3 has 8 free nvidia.com/gpu of 16 needed",
      /free or add capacity on rack-3, or lower the group's size or requests/,
    ],
    [
      "a rack with room in total but no node with one pod's share",
      [...onRacks("llm", [0, 1, 2]), ...[0, 1, 2, 3].map((i) => boundPod("batch", i, 0, `node-3-${i}`, 4, { namespace: "team-b" }))],
      withNodes(racks(4, 2), node("node-3-2", "rack-3"), node("node-3-3", "rack-3")),
      "of 4 racks, 3 are taken by groups 0-2, rack-3 has no node with 8 free nvidia.com/gpu for one pod",
      /free or add capacity on rack-3/,
    ],
    [
      "a rack with room for one pod of the group, not both",
      [...onRacks("llm", [0, 1, 2]), ...[0, 1].map((i) => boundPod("batch", i, 0, `node-3-${i}`, 4, { namespace: "team-b" }))],
      withNodes(racks(4, 2), node("node-3-2", "rack-3")),
      "of 4 racks, 3 are taken by groups 0-2, rack-3 has too little room left to place the group's pods together",
      /free or add capacity on rack-3/,
    ],
    ["a cordoned rack", onRacks("llm", [0, 1, 2]), cordoned(racks(4, 2)), "of 4 racks, 3 are taken by groups 0-2, rack-3 has no node it may use (2 cordoned)", /uncordon the cordoned nodes/],
    ["every rack taken by the LWS itself", onRacks("llm", [0, 1, 2]), racks(3, 2), "all 3 racks are taken by groups 0-2", /^add a rack with room for a group \(nodes labelled rack\) or lower replicas to 3$/],
  ])("%s", (_, pods, nodes, breakdown, suggestion) => {
    const cause = causeOf(lws, [...pods, stuckPod(3, 0, 8, ANTI_AFFINITY)], nodes, 3);
    expect(cause.summary).toBe(`1 pod cannot be scheduled: exclusive topology needs a rack of its own with room for 2 pods, 16 nvidia.com/gpu; ${breakdown}`);
    expect(cause.suggestion).toMatch(suggestion);
    expect(cause.evidence).toContain(`kube-scheduler: ${ANTI_AFFINITY}`);
    expect(cause.evidence).toContain("pod/llm-3: PodScheduled=False (Unschedulable)");
  });

  it("names every rack's reason in the evidence", () => {
    const pods = [...onRacks("llm", [0, 1]), boundPod("other-llm", 0, 0, "node-2-0", 1), stuckPod(3, 0, 8, ANTI_AFFINITY)];
    const cause = causeOf(lws, pods, racks(4, 2), 3);
    expect(cause.evidence.slice(0, 4)).toEqual([
      "rack-0 is taken by group 0",
      "rack-1 is taken by group 1",
      "rack-2 holds pods of LWS other-llm in this namespace, and exclusive placement keeps every LWS's groups apart there (upstream #539)",
      "rack-3 has room for the group now: the scheduler places it on its next attempt",
    ]);
  });

  it("pods of another namespace take room but hold no rack", () => {
    const pods = [...onRacks("llm", [0, 1, 2]), boundPod("other-llm", 0, 0, "node-3-0", 0, { namespace: "team-b" }), stuckPod(3, 0, 8, ANTI_AFFINITY)];
    expect(causeOf(lws, pods, racks(4, 2), 3).summary).toMatch(/rack-3 has room now$/);
  });

  it("says when no node carries the topology label", () => {
    const cause = causeOf(gpuLws({ replicas: 1, size: 2, gpu: 8, annotations: exclusive("topology.kubernetes.io/zone") }), [stuckPod(0, 0, 8, ANTI_AFFINITY)], racks(2, 2), 0);
    expect(cause.summary).toBe('1 pod cannot be scheduled: exclusive topology needs a zone of its own with room for 2 pods, 16 nvidia.com/gpu, and no node has the label "topology.kubernetes.io/zone"');
  });

  it("keeps workers in their leader's rack: explains that rack's room", () => {
    const busy = [0, 1].map((i) => boundPod("batch", i, 0, `node-3-${i}`, 4, { namespace: "team-b" }));
    const pods = [...onRacks("llm", [0, 1, 2]), ...busy, boundPod("llm", 3, 0, "node-3-0", 4), stuckPod(3, 1, 8, "0/8 nodes are available: 2 Insufficient nvidia.com/gpu, 6 node(s) didn't match Pod's node affinity/selector.")];
    const cause = causeOf(gpuLws({ replicas: 4, size: 2, gpu: 8, annotations: exclusive() }), pods, racks(4, 2), 3);
    expect(cause.summary).toBe("1 pod cannot be scheduled: pod/llm-3-0 of the group runs on rack rack-3, and exclusive topology keeps the group there: no node in rack-3 has 8 free nvidia.com/gpu; the most free on one node is 4 (node-3-1)");
    expect(cause.suggestion).toMatch(/; or delete pod\/llm-3-0 so the group is placed again, on a rack with room$/);
  });

  it("gives each sub-group a node of its own and says which nodes other sub-groups hold", () => {
    const spec = gpuLws({ replicas: 3, size: 4, gpu: 4, subGroupSize: 2, annotations: { [ANNOTATIONS.subGroupExclusiveTopology]: "kubernetes.io/hostname" } });
    const sub = (g: number, w: number, nodeName: string) => boundPod("llm", g, w, nodeName, 4, { placementLabels: { [LABELS.groupKey]: `g${g}`, [LABELS.subGroupKey]: `g${g}-${w >> 1}` } });
    const pods = [sub(0, 0, "node-0-0"), sub(0, 2, "node-0-1"), sub(1, 0, "node-0-2"), sub(1, 2, "node-0-3"), stuckPod(2, 0, 4, ANTI_AFFINITY)];
    const cause = causeOf(spec, [...pods].map((p) => (p.name === "llm-2" ? { ...p, subGroupIndex: 0 } : p)), racks(1, 4), 2);
    expect(cause.summary).toBe("1 pod cannot be scheduled: exclusive topology needs a node of its own for subgroup 0 with room for 2 pods, 8 nvidia.com/gpu; all 4 nodes are taken by groups 0-1");
  });
});

describe("an unschedulable group without exclusive topology: which label or resource no node has", () => {
  const affinity = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "gpu", operator: "In", values: ["a100"] }] }] } } } };
  const allCordoned = new Map([...racks(1, 4)].map(([k, n]) => [k, { ...n, unschedulable: true }]));
  const twoCordoned = new Map([...racks(1, 4)].map(([k, n], i) => [k, { ...n, unschedulable: i < 2 }]));
  const fullOn = (names: string[]) => names.map((n, i) => boundPod("batch", i, 0, n, 8, { namespace: "team-b" }));
  it.each<[string, ReturnType<typeof gpuLws>, PodView[], Map<string, NodeView>, string, RegExp]>([
    ["more GPUs than any node has free", gpuLws({ replicas: 1, size: 1, gpu: 16 }), [boundPod("batch", 0, 0, "node-0-0", 4, { namespace: "team-b" })], racks(2, 2), "no node has 16 free nvidia.com/gpu; the most free on one node is 8 (node-0-1)", /add nodes or free room/],
    ["a nodeSelector label no node has", gpuLws({ replicas: 1, size: 1, gpu: 1, podSpec: { nodeSelector: { accelerator: "h100" } } }), [], racks(1, 4), "no node has label accelerator=h100", /label nodes to match the template's nodeSelector/],
    ["a node affinity no node meets", gpuLws({ replicas: 1, size: 1, gpu: 1, podSpec: affinity }), [], racks(1, 4), "no node matches its required node affinity (gpu in (a100))", /node affinity/],
    ["every node cordoned", gpuLws({ replicas: 1, size: 1, gpu: 1 }), [], allCordoned, "no node may run it: of 4 nodes, 4 cordoned", /^uncordon the cordoned nodes/],
    ["full nodes and cordoned ones", gpuLws({ replicas: 1, size: 1, gpu: 8 }), fullOn(["node-0-2", "node-0-3"]), twoCordoned, "no node has 8 free nvidia.com/gpu; the most free on one node is 0 (node-0-2); 2 more nodes it may not use (2 cordoned)", /add nodes.*; uncordon/],
    ["room now, but an exclusive LWS's pods repel it (upstream #539)", gpuLws({ replicas: 1, size: 1, gpu: 1 }), [], racks(1, 2), "the nodes with room hold pods whose anti-affinity repels it: an LWS with exclusive topology in this namespace keeps every other LWS pod off its domains (upstream #539)", /another namespace/],
  ])("%s", (_, lws, pods, nodes, reason, suggestion) => {
    const message = "0/4 nodes are available: 4 node(s) didn't satisfy existing pods anti-affinity rules.";
    const cause = causeOf(lws, [...pods, stuckPod(0, 0, reason.includes("16") ? 16 : reason.includes(" 8 ") ? 8 : 1, message)], nodes, 0);
    expect(cause.summary).toBe(`1 pod cannot be scheduled: ${reason}`);
    expect(cause.suggestion).toMatch(suggestion);
    expect(cause.evidence).toContain(`kube-scheduler: ${message}`);
  });

  it("tells the leader's reason from the workers' when they differ", () => {
    const spec = gpuLws({ replicas: 1, size: 2, gpu: 16 });
    const cause = causeOf(spec, [stuckPod(0, 0, 0), stuckPod(0, 1, 16)], racks(1, 2), 0);
    expect(cause.summary).toBe("2 pods cannot be scheduled: the leader: node-0-0 has room for it now; the workers: no node has 16 free nvidia.com/gpu; the most free on one node is 8 (node-0-0)");
  });

  it("forwards kube-scheduler's message when it sees no nodes", () => {
    const cause = causeOf(gpuLws({ replicas: 1, size: 1, gpu: 16 }), [stuckPod(0, 0, 16)], new Map(), 0);
    expect(cause.summary).toBe("1 pod cannot be scheduled: 0/32 nodes are available: 32 Insufficient nvidia.com/gpu.");
  });
});
