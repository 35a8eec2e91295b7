import { describe, expect, it } from "vitest";
import { diagnose } from "./diagnose";
import { group, input, minutesAgo, recreated } from "./test-views";

describe("restart history of a group", () => {
  it("sums RecreateGroup events of its LWS, however old, and its pods' restarts", () => {
    const events = [recreated(1, 2, 300, 295), recreated(1, 3, 30, 25), recreated(0, 1, 5, 5), recreated(1, 9, 5, 1, "other-lws")];
    const [zero, one] = diagnose(input({ pods: [...group(0), ...group(1, { restarts: 2 }), ...group(2)], events }));
    expect(one.restarts).toEqual({ count: 5, firstAt: minutesAgo(300), lastAt: minutesAgo(25), podRestarts: 4 });
    expect(zero.restarts).toEqual({ count: 1, firstAt: minutesAgo(5), lastAt: minutesAgo(5), podRestarts: 0 });
    // Recreated, but not lately and not often: history, not a loop.
    expect([zero.verdict, one.verdict]).toEqual(["healthy", "healthy"]);
  });

  it.each([
    { events: [recreated(0, 4, 6, 1)], summary: "group recreated 4 times in the last 6 minutes" },
    { events: [recreated(0, 2, 14, 9), recreated(0, 2, 3, 0)], summary: "group recreated 4 times in the last 14 minutes" },
    { events: [recreated(0, 1, 0, 0), recreated(0, 2, 1, 1)], summary: "group recreated 3 times in the last 1 minute" },
    { events: [recreated(0, 2, 3, 1)], summary: undefined },
    { events: [recreated(0, 9, 30, 11)], summary: undefined },
  ])("calls recreations a loop only when frequent and recent: $summary", ({ events, summary }) => {
    const [zero] = diagnose(input({ pods: [...group(0, { ready: false, status: "CrashLoopBackOff", restarts: 1 })], events }));
    const loop = zero.causes.find((c) => c.summary.startsWith("group recreated"));
    expect(loop?.summary).toBe(summary);
    if (summary) {
      expect(zero.verdict).toBe("failing");
      expect(loop?.evidence.at(-1)).toBe("its current pods restarted 2 times");
    }
  });
});
