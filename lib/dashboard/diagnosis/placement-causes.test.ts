import { describe, expect, it } from "vitest";
import { diagnose } from "./diagnose";
import { gpuLws, group, input, node } from "./test-views";

const EXCLUSIVE = { "leaderworkerset.sigs.k8s.io/exclusive-topology": "rack" };
const nodes = new Map([node("node-0", "rack-a"), node("node-1", "rack-b")].map((n) => [`/${n.name}`, n]));

describe("placement of a running group", () => {
  it("sees an exclusive group spread over two racks, with the pod on each", () => {
    const pods = group(0).map((p, i) => ({ ...p, nodeName: `node-${i}` }));
    const [diagnosis] = diagnose(input({ lws: gpuLws({ replicas: 1, size: 2, gpu: 1, annotations: EXCLUSIVE }), pods, nodes }));
    expect(diagnosis.verdict).toBe("degraded");
    expect(diagnosis.causes).toEqual([{
      summary: "group spread over 2 rack domains (rack-a, rack-b) despite exclusive placement",
      evidence: ["annotation leaderworkerset.sigs.k8s.io/exclusive-topology=rack", "pod/llm-0 on node-0 in rack-a", "pod/llm-0-1 on node-1 in rack-b"],
      suggestion: "delete the group's leader so the whole group is placed again in one rack domain",
    }]);
  });

  it("raises nothing for an exclusive group in one rack, or for a spread group without exclusive placement", () => {
    const spread = group(0).map((p, i) => ({ ...p, nodeName: `node-${i}` }));
    expect(diagnose(input({ lws: gpuLws({ replicas: 1, size: 2, gpu: 1, annotations: EXCLUSIVE }), pods: group(0, { nodeName: "node-0" }), nodes }))[0].causes).toEqual([]);
    expect(diagnose(input({ lws: gpuLws({ replicas: 1, size: 2, gpu: 1 }), pods: spread, nodes }))[0].causes).toEqual([]);
  });
});
