import { describe, expect, it } from "vitest";
import { diagnoseLws } from "./diagnosis";
import { group, input, NOT_READY, pod, UNSCHEDULABLE } from "./diagnosis/test-views";
import { summarizeLws } from "./lws-summary";

describe("an LWS summed up for the overview", () => {
  it("has each group at a glance, its pods' restarts with the latest, and its groups in trouble with their first cause", () => {
    const pods = [...group(0), pod(1, 0, NOT_READY), pod(1, 1, { ...NOT_READY, restarts: 2, lastRestartAt: "2026-01-01T11:00:00Z" }), pod(2, 0, { restarts: 1, lastRestartAt: "2026-01-01T11:30:00Z" }), pod(2, 1, UNSCHEDULABLE)];
    const view = input({ pods });
    const summary = summarizeLws(view.lws, pods, diagnoseLws(view));
    expect(summary).toMatchObject({ namespace: "default", name: "llm", restarts: 3, lastRestartAt: "2026-01-01T11:30:00Z" });
    expect(summary.groups).toEqual([
      { index: 0, health: "ready", readyPods: 2, size: 2, surge: false },
      { index: 1, health: "progressing", readyPods: 0, size: 2, surge: false },
      { index: 2, health: "failing", readyPods: 1, size: 2, surge: false },
    ]);
    expect(summary.trouble).toEqual([{ index: 2, verdict: "stuck", summary: expect.stringMatching(/cannot be scheduled/) }]);
  });

  it("has no restart time when nothing restarted", () => {
    const pods = [...group(0), ...group(1), ...group(2)];
    const view = input({ pods });
    const summary = summarizeLws(view.lws, pods, diagnoseLws(view));
    expect(summary).toMatchObject({ restarts: 0, trouble: [] });
    expect(summary).not.toHaveProperty("lastRestartAt");
  });
});
