import { describe, expect, it } from "vitest";
import type { PodView, StatefulSetView } from "../view-models";
import { diagnose } from "./diagnose";
import { event, input, lws, minutesAgo, node, NOT_READY, pod, sts, UNSCHEDULABLE } from "./test-views";

const leaderReady = lws({ replicas: 1, startupPolicy: "LeaderReady" });
const RUNNING_UNREADY: Partial<PodView> = { ready: false, status: "Running", readyContainers: "1/1" };

function causesOf(over: Parameters<typeof input>[0]) {
  const [group] = diagnose(input({ statefulSets: [sts("llm")], ...over }));
  return group;
}

describe("startupPolicy LeaderReady", () => {
  it.each([
    { leader: UNSCHEDULABLE, nodeReady: true, why: "Pending and cannot be scheduled" },
    { leader: NOT_READY, nodeReady: true, why: "ContainerCreating" },
    { leader: { ...RUNNING_UNREADY, status: "CrashLoopBackOff", readyContainers: "0/1" }, nodeReady: true, why: "CrashLoopBackOff" },
    { leader: RUNNING_UNREADY, nodeReady: true, why: "Running with 1/1 containers ready but not Ready: a readiness gate is not True" },
    { leader: RUNNING_UNREADY, nodeReady: false, why: "Running with 1/1 containers ready but not Ready: its node node-0 is NotReady" },
  ])("says why the leader the workers wait for is not Ready: $why", ({ leader, nodeReady, why }) => {
    const nodes = new Map([["/node-0", node("node-0", "rack-0", { ready: nodeReady })]]);
    const group = causesOf({ lws: leaderReady, pods: [pod(0, 0, leader)], nodes });
    expect(group.causes.find((c) => c.summary.startsWith("startupPolicy"))?.summary).toBe(`startupPolicy LeaderReady: workers wait for leader llm-0, which is ${why}`);
    expect(group.verdict).not.toBe("healthy");
  });

  it("is no cause once the workers exist, or under LeaderCreated", () => {
    expect(causesOf({ lws: leaderReady, pods: [pod(0, 0, NOT_READY), pod(0, 1, NOT_READY)], statefulSets: [sts("llm"), sts("llm-0")] }).causes).toEqual([]);
    expect(causesOf({ lws: lws({ replicas: 1 }), pods: [pod(0, 0, NOT_READY)] }).causes).toEqual([]);
  });
});

describe("a Ready leader without workers", () => {
  const pods = [pod(0, 0)];
  const refused = (leader: string, minutes: number, count = 1) =>
    event({ reason: "FailedCreate", type: "Warning", count, lastTimestamp: minutesAgo(minutes), message: `Failed to create worker statefulset for leader pod ${leader}: statefulsets.apps "${leader}" is forbidden: exceeded quota ${minutes}` });

  it("says the worker StatefulSet is missing, quoting the latest FailedCreate of this leader", () => {
    const events = [refused("llm-0", 5), refused("llm-0", 1, 4), refused("llm-1", 0)];
    const group = causesOf({ lws: lws({ replicas: 1 }), pods, events });
    expect(group.verdict).toBe("stuck");
    expect(group.causes).toEqual([{
      summary: "no worker StatefulSet for leader llm-0: creating it failed",
      evidence: ["statefulset/llm-0 missing", 'event FailedCreate ×4: Failed to create worker statefulset for leader pod llm-0: statefulsets.apps "llm-0" is forbidden: exceeded quota 1'],
      suggestion: "fix what the FailedCreate event names; the controller retries",
    }]);
    expect(causesOf({ lws: lws({ replicas: 1 }), pods }).causes.map((c) => c.summary)).toEqual(["no worker StatefulSet for leader llm-0"]);
  });

  it.each<{ owner: StatefulSetView["owner"]; summary?: string }>([
    { owner: { kind: "ConfigMap", name: "mine", uid: "c" }, summary: "statefulset llm-0 is not this group's: it belongs to ConfigMap mine, and the LWS controller never replaces it" },
    { owner: undefined, summary: "statefulset llm-0 is not this group's: nothing owns it, and the LWS controller never replaces it" },
    { owner: { kind: "Pod", name: "other-0", uid: "o" }, summary: "statefulset llm-0 is not this group's: it belongs to Pod other-0, and the LWS controller never replaces it" },
    // An earlier incarnation of the leader: garbage collection is removing it.
    { owner: { kind: "Pod", name: "llm-0", uid: "old" }, summary: undefined },
  ])("names a StatefulSet of the worker StatefulSet's name that another owner holds ($owner.kind $owner.name)", ({ owner, summary }) => {
    const group = causesOf({ lws: lws({ replicas: 1 }), pods, statefulSets: [sts("llm"), sts("llm-0", { owner, replicas: 0 })] });
    expect(group.causes.map((c) => c.summary)).toEqual(summary ? [summary] : []);
  });
});
