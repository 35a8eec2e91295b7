import { describe, expect, it } from "vitest";
import { diagnoseLws } from "./diagnose";
import { group, input, lws, NOT_READY, pod, statefulSets, UNSCHEDULABLE } from "./test-views";

const OLD = { revision: "old" };
const rolling = (config: Record<string, unknown>) => lws({ rolloutStrategy: { type: "RollingUpdate", rollingUpdateConfiguration: { maxUnavailable: 1, maxSurge: 0, partition: 0, ...config } } });

describe("diagnosis of a rolling update", () => {
  it("says nothing when every group runs the current revision", () => {
    const result = diagnoseLws(input({ pods: [...group(0), ...group(1), ...group(2)] }));
    expect(result.rollout).toBeUndefined();
    expect(result.groups.map((g) => g.verdict)).toEqual(["healthy", "healthy", "healthy"]);
  });

  it("calls a rollout held by the user's partition intentional, and leaves the held groups healthy", () => {
    const result = diagnoseLws(input({ lws: rolling({ partition: 2 }), pods: [...group(0, OLD), ...group(1, OLD), ...group(2)], statefulSets: statefulSets(3, { partition: 2 }) }));
    expect(result.rollout).toMatchObject({ verdict: "progressing", summary: "rolling update paused by partition 2: 2 groups below it stay on revision old" });
    expect(result.rollout?.suggestion).toMatch(/intentional .*partition: 2.*lower the partition/);
    expect(result.groups.map((g) => [g.verdict, g.causes.length])).toEqual([["healthy", 0], ["healthy", 0], ["healthy", 0]]);
  });

  it("blames an updated group whose new revision cannot be scheduled", () => {
    const result = diagnoseLws(input({ lws: rolling({}), pods: [...group(0, OLD), ...group(1, OLD), pod(2, 0, UNSCHEDULABLE)], statefulSets: statefulSets(2, { partition: 2 }) }));
    expect(result.rollout?.verdict).toBe("stuck");
    expect(result.rollout?.summary).toBe("rolling update to revision new waits on an updated group that cannot become Ready: group 2 (1 pod cannot be scheduled: 0/32 nodes are available: 32 Insufficient nvidia.com/gpu.)");
    expect(result.rollout?.evidence).toEqual(["statefulset/llm: partition 2, template-revision-hash new", "1/3 groups updated"]);
    const stuck = result.groups[2];
    expect(stuck.verdict).toBe("stuck");
    expect(stuck.causes.map((c) => c.summary)).toEqual([expect.stringMatching(/^1 pod cannot be scheduled/), "the rolling update to revision new waits for this group to become Ready"]);
    expect(result.groups.slice(0, 2).map((g) => g.verdict)).toEqual(["healthy", "healthy"]);
  });

  it("reports an updated group that is still starting as progress, not an alarm", () => {
    const result = diagnoseLws(input({ lws: rolling({}), pods: [...group(0, OLD), ...group(1, OLD), ...group(2, NOT_READY)], statefulSets: statefulSets(3, { partition: 2 }) }));
    expect(result.rollout).toMatchObject({ verdict: "progressing", summary: "rolling update to revision new: waiting for group 2 (pod/llm-2 ContainerCreating) to become Ready" });
    expect(result.groups[2].verdict).toBe("progressing");
  });

  it("explains surge groups that never become Ready", () => {
    const result = diagnoseLws(input({ lws: rolling({ maxUnavailable: 0, maxSurge: 1 }), pods: [...group(0, OLD), ...group(1, OLD), ...group(2, OLD), pod(3, 0, UNSCHEDULABLE)], statefulSets: statefulSets(3, { partition: 3, replicas: 4 }) }));
    expect(result.rollout?.verdict).toBe("stuck");
    expect(result.rollout?.summary).toMatch(/^rolling update to revision new waits on surge group 3 \(1 pod cannot be scheduled: .*\) \(maxSurge 1\): not Ready, so the surge cannot be reclaimed$/);
    expect(result.groups[3].causes.at(-1)?.summary).toBe("surge group (maxSurge 1) not Ready: the rolling update waits for it and reclaims the surge only after");
  });

  it.each([
    { maxUnavailable: 1, expected: "rolling update cannot take another group down: maxUnavailable 1 is used up by 1 group not Ready: group 0 (pod/llm-0 CrashLoopBackOff)" },
    { maxUnavailable: "50%", expected: "rolling update cannot take another group down: maxUnavailable 1 is used up by 1 group not Ready: group 0 (pod/llm-0 CrashLoopBackOff)" },
    { maxUnavailable: 2, expected: "rolling update to revision new: 0/3 groups updated" },
  ])("with maxUnavailable $maxUnavailable and an old group crashing: $expected", ({ maxUnavailable, expected }) => {
    const crashing = { ...OLD, ready: false, status: "CrashLoopBackOff", restarts: 4 };
    const result = diagnoseLws(input({ lws: rolling({ maxUnavailable }), pods: [...group(0, crashing), ...group(1, OLD), ...group(2, OLD)], statefulSets: statefulSets(3, { partition: 3 }) }));
    expect(result.rollout?.summary).toBe(expected);
    expect(result.rollout?.verdict).toBe(maxUnavailable === 2 ? "progressing" : "stuck");
    expect(result.groups[0].verdict).toBe("failing");
    expect(result.groups[0].causes.length).toBe(maxUnavailable === 2 ? 0 : 1);
  });
});
