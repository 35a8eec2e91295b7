import { afterEach, describe, expect, it } from "vitest";
import { NODES, PODS } from "@/lib/k8s/resources";
import { waitFor } from "@/server/testing/wait-for";
import { conditionOf, isRunningAndReady, eventReasons, podGone, podObject, startDataPlane, waitForPod, type Harness, type PodStatusShape } from "./data-plane-harness";

let h: Harness;
afterEach(() => h.close());

const running = isRunningAndReady;
const restarts = (n: number) => (s: PodStatusShape) => running(s) && s.containerStatuses?.[0].restartCount === n;

async function runningPod(name: string, nodeName = "node-a1-1") {
  await h.client.create(PODS, podObject(name, { nodeName }));
  return waitForPod(h, name, running);
}

describe("the embedded fault injector", () => {
  it("crashes a container: the kubelet restarts it with restartCount+1 and lastState.terminated", async () => {
    h = await startDataPlane();
    const before = await runningPod("web");
    await h.plane.faults.crashContainer("default", "web");
    const status = await waitForPod(h, "web", restarts(1), "a restart");
    const container = status.containerStatuses![0];
    expect(container.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error", containerID: before.containerStatuses![0].containerID });
    expect(container.containerID).not.toBe(before.containerStatuses![0].containerID);
    const pod = await h.client.get(PODS, "default", "web");
    expect(h.plane.logs.read(pod, "main", { previous: true })).toContain("exiting: Error (exit code 1)");
  });

  it("backs off a container that crashes again (CrashLoopBackOff, BackOff event)", async () => {
    h = await startDataPlane({ backoffMs: 60_000 });
    await runningPod("web");
    await h.plane.faults.crashContainer("default", "web", "main");
    await waitForPod(h, "web", restarts(1));
    await h.plane.faults.crashContainer("default", "web", "main");
    const status = await waitForPod(h, "web", (s) => s.containerStatuses?.[0].state.waiting?.reason === "CrashLoopBackOff");
    expect(status.phase).toBe("Running");
    expect(status.containerStatuses![0]).toMatchObject({ restartCount: 1, ready: false });
    expect(status.containerStatuses![0].state.waiting?.message).toMatch(/^back-off 60s restarting failed container=main pod=web_default\(/);
    expect(await waitFor(async () => (await eventReasons(h)).includes("BackOff"))).toBe(true);
  });

  it("refuses to crash a container that is not running", async () => {
    h = await startDataPlane();
    await runningPod("web");
    await expect(h.plane.faults.crashContainer("default", "web", "sidecar")).rejects.toThrow('container "sidecar" in pod "web" is not running');
  });

  it("fails a pod for good", async () => {
    h = await startDataPlane();
    await runningPod("web");
    await h.plane.faults.failPod("default", "web", "Evicted");
    const status = await waitForPod(h, "web", (s) => s.phase === "Failed");
    expect(status.reason).toBe("Evicted");
    expect(status.containerStatuses![0].state.terminated?.exitCode).toBe(1);
    expect(conditionOf(status, "Ready")).toBe("False");
  });

  it("deletes a pod gracefully", async () => {
    h = await startDataPlane();
    await runningPod("web");
    await h.plane.faults.deletePod("default", "web");
    expect(await podGone(h, "web")).toBe(true);
  });

  it("cordons, uncordons and drains a node", async () => {
    h = await startDataPlane();
    await runningPod("a", "node-a2-1");
    await runningPod("b", "node-a2-1");
    await runningPod("elsewhere", "node-a2-2");
    const evicted = await h.plane.faults.drain("node-a2-1");
    expect(evicted.sort()).toEqual(["default/a", "default/b"]);
    await podGone(h, "a");
    await podGone(h, "b");
    await waitForPod(h, "elsewhere", running);
    const spec = async () => (await h.client.get(NODES, "", "node-a2-1")).spec as { unschedulable?: boolean; taints?: Array<{ key: string }> };
    expect((await spec()).unschedulable).toBe(true);
    await waitFor(async () => (await spec()).taints?.some((t) => t.key === "node.kubernetes.io/unschedulable"));
    await h.plane.faults.uncordon("node-a2-1");
    await waitFor(async () => !(await spec()).unschedulable && !(await spec()).taints);
  });
});
