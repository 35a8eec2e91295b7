import { describe, expect, it } from "vitest";
import { pod } from "@/lib/dashboard/diagnosis/test-views";
import { countTones } from "@/lib/dashboard/pod-tone";
import { podSummaryText } from "./pod-summary";

describe("a node's pods summed up", () => {
  it("counts them by state, in the legend's order, leaving out states nobody is in", () => {
    const pods = [
      pod(0, 0),
      pod(0, 1),
      pod(0, 2, { ready: false, status: "CrashLoopBackOff" }),
      pod(1, 0, { ready: false, status: "ContainerCreating" }),
      pod(1, 1, { deleting: true }),
    ];
    expect(podSummaryText(countTones(pods))).toBe("5 pods: 2 ready, 1 starting, 1 failing, 1 terminating");
    expect(podSummaryText(countTones([pod(0, 0)]))).toBe("1 pod: 1 ready");
    expect(podSummaryText({})).toBe("0 pods");
  });
});
