import { describe, it, expect } from "vitest";
import { runFilters, type Rejection } from "./filters";
import { podAffinityState } from "./inter-pod-affinity";
import { cacheOf, node, pod, type NodeBuilder, type PodBuilder } from "./test-builders";

/** The verdict for `incoming` on the node named "n" among `existing` pods. */
function verdict(n: NodeBuilder, incoming: PodBuilder, existing: PodBuilder[] = []): Rejection | undefined {
  const cache = cacheOf([n], existing);
  const p = incoming.build();
  const info = cache.nodeInfos()[0];
  return runFilters(p, info, { cache, podAffinity: podAffinityState(p, cache) });
}

const gpuNode = () => node("n").capacity({ "nvidia.com/gpu": "8" });

describe("NodeResourcesFit", () => {
  it.each([
    ["fits", node("n"), pod("p").container({ cpu: "8", memory: "32Gi" }), [], undefined],
    ["cpu", node("n"), pod("p").container({ cpu: "8100m" }), [], ["Insufficient cpu"]],
    ["cpu and memory together", node("n"), pod("p").container({ cpu: "9", memory: "40Gi" }), [], ["Insufficient cpu", "Insufficient memory"]],
    ["used cpu counts", node("n"), pod("p").container({ cpu: "5" }), [pod("q").container({ cpu: "4" }).on("n")], ["Insufficient cpu"]],
    ["gpu on a node without gpus", node("n"), pod("p").container({}, { "nvidia.com/gpu": "1" }), [], ["Insufficient nvidia.com/gpu"]],
    ["gpu fits", gpuNode(), pod("p").container({}, { "nvidia.com/gpu": "8" }), [], undefined],
    ["gpu used up", gpuNode(), pod("p").container({}, { "nvidia.com/gpu": "2" }), [pod("q").container({}, { "nvidia.com/gpu": "7" }).on("n")], ["Insufficient nvidia.com/gpu"]],
    ["too many pods", node("n").capacity({ pods: "1" }), pod("p"), [pod("q").on("n")], ["Too many pods"]],
  ])("%s", (_, n, p, existing, reasons) => {
    const rejection = verdict(n, p, existing);
    expect(rejection?.reasons).toEqual(reasons);
    if (rejection) expect(rejection.unresolvable).toBe(false);
  });
});

describe("node placement filters", () => {
  it.each([
    ["nodeSelector on rack matches", node("n").rack("r1"), pod("p").nodeSelector({ rack: "r1" }), undefined],
    ["nodeSelector on rack differs", node("n").rack("r2"), pod("p").nodeSelector({ rack: "r1" }), "node(s) didn't match Pod's node affinity/selector"],
    ["nodeSelector label missing", node("n"), pod("p").nodeSelector({ rack: "r1" }), "node(s) didn't match Pod's node affinity/selector"],
    [
      "node affinity terms are ORed",
      node("n").rack("r2"),
      pod("p").nodeAffinity([{ matchExpressions: [{ key: "rack", operator: "In", values: ["r1"] }] }, { matchExpressions: [{ key: "rack", operator: "In", values: ["r2"] }] }]),
      undefined,
    ],
    ["node affinity NotIn", node("n").rack("r1"), pod("p").nodeAffinity([{ matchExpressions: [{ key: "rack", operator: "NotIn", values: ["r1"] }] }]), "node(s) didn't match Pod's node affinity/selector"],
    ["node affinity Gt", node("n").label("gpus", "8"), pod("p").nodeAffinity([{ matchExpressions: [{ key: "gpus", operator: "Gt", values: ["4"] }] }]), undefined],
    ["node affinity matchFields metadata.name", node("n"), pod("p").nodeAffinity([{ matchFields: [{ key: "metadata.name", operator: "In", values: ["n"] }] }]), undefined],
    ["an empty node selector term matches nothing", node("n"), pod("p").nodeAffinity([{}]), "node(s) didn't match Pod's node affinity/selector"],
    ["NoSchedule taint", node("n").taint("dedicated", "gpu", "NoSchedule"), pod("p"), "node(s) had untolerated taint {dedicated: gpu}"],
    ["NoExecute taint", node("n").taint("k", "", "NoExecute"), pod("p"), "node(s) had untolerated taint {k: }"],
    ["PreferNoSchedule is only a preference", node("n").taint("k", "v", "PreferNoSchedule"), pod("p"), undefined],
    ["tolerated by Equal", node("n").taint("dedicated", "gpu", "NoSchedule"), pod("p").tolerate({ key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" }), undefined],
    ["tolerated by Exists without effect", node("n").taint("dedicated", "gpu", "NoSchedule"), pod("p").tolerate({ key: "dedicated", operator: "Exists" }), undefined],
    ["wrong value is not tolerated", node("n").taint("dedicated", "gpu", "NoSchedule"), pod("p").tolerate({ key: "dedicated", value: "cpu" }), "node(s) had untolerated taint {dedicated: gpu}"],
    ["cordoned node", node("n").unschedulable(), pod("p"), "node(s) were unschedulable"],
    ["cordon tolerated", node("n").unschedulable(), pod("p").tolerate({ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }), undefined],
    ["Ready=False becomes the not-ready taint", node("n").ready("False"), pod("p"), "node(s) had untolerated taint {node.kubernetes.io/not-ready: }"],
    ["Ready=Unknown becomes the unreachable taint", node("n").ready("Unknown"), pod("p"), "node(s) had untolerated taint {node.kubernetes.io/unreachable: }"],
    ["NoExecute default tolerations do not cover not-ready NoSchedule", node("n").ready("False"), pod("p").tolerate({ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" }), "node(s) had untolerated taint {node.kubernetes.io/not-ready: }"],
    ["Ready node", node("n").ready("True"), pod("p"), undefined],
    ["nodeName elsewhere", node("n"), pod("p").on("other"), "node(s) didn't match the requested node name"],
  ])("%s", (_, n, p, reason) => {
    const rejection = verdict(n, p);
    expect(rejection?.reasons[0]).toBe(reason);
    if (rejection) expect(rejection.unresolvable).toBe(true);
  });

  it("reports the first failing filter only, in upstream order", () => {
    const n = node("n").unschedulable().taint("k", "v", "NoSchedule").rack("r2");
    expect(verdict(n, pod("p").nodeSelector({ rack: "r1" }).container({ cpu: "99" }))?.reasons).toEqual(["node(s) were unschedulable"]);
    expect(verdict(node("n").taint("k", "v", "NoSchedule"), pod("p").nodeSelector({ rack: "r1" }))?.reasons).toEqual(["node(s) had untolerated taint {k: v}"]);
    expect(verdict(node("n"), pod("p").nodeSelector({ rack: "r1" }).container({ cpu: "99" }))?.reasons).toEqual(["node(s) didn't match Pod's node affinity/selector"]);
  });
});
