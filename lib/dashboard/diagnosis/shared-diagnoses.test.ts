import { describe, expect, it } from "vitest";
import { sharedDiagnoses } from "./shared-diagnoses";
import type { Cause, GroupDiagnosis, Verdict } from "./types";

const NO_RESTARTS = { count: 0, podRestarts: 0 };
const group = (index: number, verdict: Verdict, causes: Cause[]): GroupDiagnosis => ({ index, verdict, causes, restarts: NO_RESTARTS });
const noRack = (index: number): Cause => ({
  summary: "1 pod cannot be scheduled: exclusive topology needs a rack of its own",
  suggestion: "add a rack",
  evidence: ["rack-a1 is taken by group 0", "kube-scheduler: 0/32 nodes are available", `pod/racks-${index}: PodScheduled=False (Unschedulable)`],
});

describe("diagnoses shared by several groups", () => {
  it("shows groups stuck for the same reason once, with the evidence they share and each one's own", () => {
    const shared = sharedDiagnoses([group(5, "stuck", [noRack(5)]), group(6, "stuck", [noRack(6)]), group(7, "stuck", [noRack(7)])]);
    expect(shared).toEqual([
      {
        indexes: [5, 6, 7],
        verdict: "stuck",
        causes: [
          {
            summary: noRack(5).summary,
            suggestion: "add a rack",
            evidence: ["rack-a1 is taken by group 0", "kube-scheduler: 0/32 nodes are available"],
            perGroup: [5, 6, 7].map((index) => ({ index, evidence: [`pod/racks-${index}: PodScheduled=False (Unschedulable)`] })),
          },
        ],
      },
    ]);
  });

  it("keeps apart groups whose verdict, causes or suggestions differ, in the order of their first group", () => {
    const otherStep = { ...noRack(3), suggestion: "lower replicas" };
    const crashing: Cause = { summary: "the leader keeps crashing", evidence: ["pod/racks-2: CrashLoopBackOff"] };
    const shared = sharedDiagnoses([group(1, "stuck", [noRack(1)]), group(2, "failing", [crashing]), group(3, "stuck", [otherStep]), group(4, "stuck", [noRack(4)]), group(8, "progressing", []), group(9, "progressing", [])]);
    expect(shared.map((s) => [s.indexes, s.verdict])).toEqual([
      [[1, 4], "stuck"],
      [[2], "failing"],
      [[3], "stuck"],
      [[8, 9], "progressing"],
    ]);
    expect(shared[1].causes[0]).toEqual({ ...crashing, suggestion: undefined, perGroup: [] });
  });

  it("lists no group of its own when all evidence is shared", () => {
    const same: Cause = { summary: "node node-a1-1 is NotReady", evidence: ["node/node-a1-1: Ready=Unknown"] };
    const [shared] = sharedDiagnoses([group(0, "degraded", [same]), group(1, "degraded", [same])]);
    expect(shared.causes[0]).toMatchObject({ evidence: same.evidence, perGroup: [] });
  });
});
