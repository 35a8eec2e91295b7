import { describe, expect, it } from "vitest";
import type { ContainerStatus } from "./container-status";
import { podView, syncedPodStatus, type NodeView } from "./pod-status";

const node: NodeView = { name: "n1", hostIP: "172.16.0.2", ready: true };
const now = new Date("2025-01-01T00:00:10Z");
const exited = (exitCode: number): ContainerStatus => ({ name: "main", image: "x:1", imageID: "", ready: false, started: false, restartCount: 0, state: { terminated: { exitCode, reason: exitCode ? "Error" : "Completed", finishedAt: "2025-01-01T00:00:05Z" } }, lastState: {} });

function sync(restartPolicy: string, statuses: ContainerStatus[], backoffMs = 0) {
  const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "ns", uid: "u" }, spec: { restartPolicy, containers: [{ name: "main", image: "x:1" }] }, status: { podIP: "10.0.0.2", startTime: "2025-01-01T00:00:00Z", containerStatuses: statuses } };
  return syncedPodStatus(podView(pod), node, "10.0.0.2", now, () => backoffMs);
}

describe("the kubelet's pod status", () => {
  it.each([
    ["Never", 0, "Succeeded", "Completed"],
    ["Never", 1, "Failed", "Error"],
    ["OnFailure", 0, "Succeeded", "Completed"],
  ])("restartPolicy %s, exit %i: phase %s, container left terminated", (policy, code, phase, reason) => {
    const { status } = sync(policy, [exited(code)]);
    expect(status.phase).toBe(phase);
    expect((status.containerStatuses as ContainerStatus[])[0].state.terminated?.reason).toBe(reason);
  });

  it.each([["Always", 0], ["OnFailure", 1]])("restartPolicy %s, exit %i: restarted and Running", (policy, code) => {
    const { status } = sync(policy, [exited(code)]);
    expect(status.phase).toBe("Running");
    expect((status.containerStatuses as ContainerStatus[])[0]).toMatchObject({ restartCount: 1, ready: true, lastState: { terminated: { exitCode: code } } });
  });

  it("backs off a restart still due, and says when to look again", () => {
    const { status, wakeInMs } = sync("Always", [{ ...exited(1), restartCount: 2 }], 20_000);
    expect((status.containerStatuses as ContainerStatus[])[0].state.waiting?.reason).toBe("CrashLoopBackOff");
    expect(wakeInMs).toBe(15_000);
  });
});
