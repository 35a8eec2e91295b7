import { describe, expect, it } from "vitest";
import type { ObjectMeta } from "@/lib/k8s/types";
import { podPrinter } from "./pod-printer";
import { MINUTE, NOW, SECOND, ago, kubeObject } from "./test-objects";

type Fields = Record<string, unknown>;

function pod(status: Fields, spec: Fields = {}, metadata: ObjectMeta = {}) {
  const containers = [{ name: "worker", image: "nginx:1.27" }];
  return kubeObject("v1", "Pod", { name: "leaderworkerset-sample-0", ...metadata }, { spec: { containers, ...spec }, status });
}

const running = (name: string, ready = true, restartCount = 0): Fields => ({
  name,
  ready,
  started: true,
  restartCount,
  state: { running: { startedAt: ago(6 * MINUTE) } },
});
const waiting = (name: string, reason: string, restartCount = 0): Fields => ({ name, ready: false, restartCount, state: { waiting: { reason } } });
const terminated = (name: string, detail: Fields): Fields => ({ name, ready: false, restartCount: 0, state: { terminated: { exitCode: 0, ...detail } } });
const condition = (type: string, status: string, reason?: string): Fields => ({ type, status, ...(reason ? { reason } : {}) });

/** The Ready, Status and Restarts cells of a row. */
function summary(object: ReturnType<typeof pod>) {
  return podPrinter.print(object, NOW).cells.slice(1, 4);
}

describe("pod rows", () => {
  it("prints the concepts-page row for a running LWS pod, wide cells included", () => {
    const object = pod(
      { phase: "Running", podIP: "10.0.0.101", podIPs: [{ ip: "10.0.0.101" }], conditions: [condition("Ready", "True")], containerStatuses: [running("worker")] },
      { nodeName: "node-1" },
    );
    expect(podPrinter.print(object, NOW)).toEqual({
      cells: ["leaderworkerset-sample-0", "1/1", "Running", "0", "6m10s", "10.0.0.101", "node-1", "<none>", "<none>"],
    });
  });

  it("declares the upstream columns, wide ones at priority 1", () => {
    expect(podPrinter.columns.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ["Name", "string", "name", 0],
      ["Ready", "string", "", 0],
      ["Status", "string", "", 0],
      ["Restarts", "string", "", 0],
      ["Age", "string", "", 0],
      ["IP", "string", "", 1],
      ["Node", "string", "", 1],
      ["Nominated Node", "string", "", 1],
      ["Readiness Gates", "string", "", 1],
    ]);
  });

  it.each([
    ["an unset phase as Pending", {}, ["0/1", "Pending", "0"]],
    ["an unschedulable pod", { phase: "Pending", conditions: [condition("PodScheduled", "False", "Unschedulable")] }, ["0/1", "Pending", "0"]],
    ["a gated pod", { phase: "Pending", conditions: [condition("PodScheduled", "False", "SchedulingGated")] }, ["0/1", "SchedulingGated", "0"]],
    ["status.reason over the phase", { phase: "Failed", reason: "Evicted" }, ["0/1", "Evicted", "0"]],
    ["a waiting reason", { phase: "Pending", containerStatuses: [waiting("worker", "ContainerCreating")] }, ["0/1", "ContainerCreating", "0"]],
    ["a running but unready container", { phase: "Running", containerStatuses: [running("worker", false)] }, ["0/1", "Running", "0"]],
    ["a terminated reason", { phase: "Running", containerStatuses: [terminated("worker", { reason: "OOMKilled", exitCode: 137 })] }, ["0/1", "OOMKilled", "0"]],
    ["an exit code without reason", { phase: "Running", containerStatuses: [terminated("worker", { exitCode: 2 })] }, ["0/1", "ExitCode:2", "0"]],
    ["a signal without reason", { phase: "Running", containerStatuses: [terminated("worker", { exitCode: 137, signal: 9 })] }, ["0/1", "Signal:9", "0"]],
    ["a succeeded pod", { phase: "Succeeded", containerStatuses: [terminated("worker", { reason: "Completed" })] }, ["0/1", "Completed", "0"]],
  ])("prints %s", (_, status, expected) => {
    expect(summary(pod(status))).toEqual(expected);
  });

  it("lets the first container's state win, scanning from the last", () => {
    const object = pod(
      { phase: "Running", containerStatuses: [waiting("a", "ImagePullBackOff"), waiting("b", "CrashLoopBackOff")] },
      { containers: [{ name: "a" }, { name: "b" }] },
    );
    expect(summary(object)).toEqual(["0/2", "ImagePullBackOff", "0"]);
  });

  it.each([
    ["Running when the pod is Ready", "True", "Running"],
    ["NotReady when it is not", "False", "NotReady"],
  ])("turns Completed beside a running container into %s", (_, ready, expected) => {
    const object = pod(
      { phase: "Running", conditions: [condition("Ready", ready)], containerStatuses: [running("a"), terminated("b", { reason: "Completed" })] },
      { containers: [{ name: "a" }, { name: "b" }] },
    );
    expect(summary(object)).toEqual(["1/2", expected, "0"]);
  });

  it("prints restarts with the age of the latest termination", () => {
    const crashing = {
      ...waiting("worker", "CrashLoopBackOff", 2),
      lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(5 * MINUTE) } },
    };
    const older = { ...running("sidecar", true, 1), lastState: { terminated: { exitCode: 1, finishedAt: ago(40 * MINUTE) } } };
    const object = pod({ phase: "Running", containerStatuses: [crashing, older] }, { containers: [{ name: "worker" }, { name: "sidecar" }] });
    expect(summary(object)).toEqual(["1/2", "CrashLoopBackOff", "3 (5m ago)"]);
  });

  it("prints a bare restart count when no termination time is known", () => {
    expect(summary(pod({ phase: "Running", containerStatuses: [running("worker", true, 4)] }))).toEqual(["1/1", "Running", "4"]);
  });

  describe("init containers", () => {
    const spec = { initContainers: [{ name: "fetch" }, { name: "warm" }] };

    it.each([
      ["Init:0/2 while the first runs", [running("fetch", false)], "Init:0/2"],
      ["Init:1/2 once the first succeeded", [terminated("fetch", { reason: "Completed" }), running("warm", false)], "Init:1/2"],
      ["Init:0/2 for PodInitializing", [waiting("fetch", "PodInitializing")], "Init:0/2"],
      ["the waiting reason", [waiting("fetch", "CrashLoopBackOff")], "Init:CrashLoopBackOff"],
      ["the failure reason", [terminated("fetch", { reason: "Error", exitCode: 1 })], "Init:Error"],
      ["the exit code", [terminated("fetch", { exitCode: 3 })], "Init:ExitCode:3"],
      ["the signal", [terminated("fetch", { exitCode: 137, signal: 9 })], "Init:Signal:9"],
    ])("print %s", (_, initContainerStatuses, expected) => {
      const object = pod({ phase: "Pending", initContainerStatuses, containerStatuses: [waiting("worker", "PodInitializing")] }, spec);
      expect(summary(object)[1]).toBe(expected);
    });

    it("count init restarts while initializing", () => {
      const object = pod({ phase: "Pending", initContainerStatuses: [waiting("fetch", "CrashLoopBackOff", 3)] }, spec);
      expect(summary(object)).toEqual(["0/1", "Init:CrashLoopBackOff", "3"]);
    });

    it("show app container state once all succeeded", () => {
      const done = [terminated("fetch", { reason: "Completed", exitCode: 0 }), terminated("warm", { reason: "Completed", exitCode: 0 })];
      const object = pod({ phase: "Running", initContainerStatuses: done, containerStatuses: [running("worker")] }, spec);
      expect(summary(object)).toEqual(["1/1", "Running", "0"]);
    });

    it("count started sidecars as containers and keep only their restarts", () => {
      const sidecarSpec = { initContainers: [{ name: "proxy", restartPolicy: "Always" }, { name: "fetch" }] };
      const initContainerStatuses = [
        { ...running("proxy", true, 1), lastState: { terminated: { exitCode: 1, finishedAt: ago(90 * SECOND) } } },
        { ...terminated("fetch", { reason: "Completed" }), restartCount: 5 },
      ];
      const object = pod({ phase: "Running", initContainerStatuses, containerStatuses: [running("worker")] }, sidecarSpec);
      expect(summary(object)).toEqual(["2/2", "Running", "1 (90s ago)"]);
    });
  });

  describe("deletion", () => {
    const deleting = { deletionTimestamp: ago(10 * SECOND) };

    it.each([
      ["Terminating for a live pod", { phase: "Running", containerStatuses: [running("worker")] }, "Terminating"],
      ["Unknown when the node was lost", { phase: "Running", reason: "NodeLost" }, "Unknown"],
      ["the final state of a finished pod", { phase: "Succeeded", containerStatuses: [terminated("worker", { reason: "Completed" })] }, "Completed"],
    ])("prints %s", (_, status, expected) => {
      expect(summary(pod(status, {}, deleting))[1]).toBe(expected);
    });
  });

  it.each([
    ["Succeeded", "The pod has completed successfully."],
    ["Failed", "The pod failed."],
  ])("marks a %s pod's row Completed", (phase, message) => {
    expect(podPrinter.print(pod({ phase }), NOW).conditions).toEqual([{ type: "Completed", status: "True", reason: phase, message }]);
  });

  it("fills the wide cells from podIPs, nomination and readiness gates", () => {
    const object = pod(
      {
        phase: "Running",
        podIPs: [{ ip: "fd00::7" }, { ip: "10.0.0.7" }],
        nominatedNodeName: "node-2",
        conditions: [condition("example.com/gate-a", "True"), condition("example.com/gate-b", "False")],
      },
      { nodeName: "node-1", readinessGates: [{ conditionType: "example.com/gate-a" }, { conditionType: "example.com/gate-b" }] },
    );
    expect(podPrinter.print(object, NOW).cells.slice(5)).toEqual(["fd00::7", "node-1", "node-2", "1/2"]);
  });

  it("prints <unknown> age for an object without creationTimestamp", () => {
    expect(podPrinter.print(pod({ phase: "Running" }, {}, { creationTimestamp: undefined }), NOW).cells[4]).toBe("<unknown>");
  });
});
