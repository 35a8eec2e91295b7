import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { podView, pvcView } from "./projections";

function claim(name: string, lws: string | undefined, spec: Record<string, unknown> = {}, status?: Record<string, unknown>): KubeObject {
  return { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name, namespace: "default", uid: "u1", resourceVersion: "7", labels: lws ? { "leaderworkerset.sigs.k8s.io/name": lws } : {} }, spec, ...(status ? { status } : {}) };
}

describe("the PVC view", () => {
  it.each([
    ["data-llm-0", "llm", "llm-0"],
    ["data-llm-3-2", "llm", "llm-3-2"],
    ["persistent-storage-llm-1-1", "llm", "llm-1-1"],
    ["cache-llm-0-llm-2", "llm", "llm-2"],
    ["data-v1.2-0", "v1.2", "v1.2-0"],
    ["data-other-0", "llm", undefined],
    ["data-llm-0", undefined, undefined],
  ])("finds the pod of claim %s (LWS %s): %s", (name, lws, pod) => {
    expect(pvcView(claim(name, lws)).pod).toBe(pod);
  });

  it("carries phase, class and request", () => {
    const view = pvcView(claim("data-llm-0", "llm", { storageClassName: "fast", resources: { requests: { storage: "100Gi" } } }, { phase: "Bound" }));
    expect(view).toEqual({ namespace: "default", name: "data-llm-0", uid: "u1", resourceVersion: "7", labels: { "leaderworkerset.sigs.k8s.io/name": "llm" }, phase: "Bound", storageClassName: "fast", storage: "100Gi", pod: "llm-0" });
    expect(pvcView(claim("data-llm-0", "llm")).phase).toBe("Pending");
  });
});

describe("the pod view's requests", () => {
  it("sums them as kube-scheduler does: limits-only GPUs count, init containers by their peak", () => {
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "llm-0", namespace: "default", uid: "p1", resourceVersion: "1" },
      spec: {
        initContainers: [{ name: "fetch", image: "x", resources: { requests: { cpu: "4", memory: "1Gi" } } }],
        containers: [
          { name: "main", image: "x", resources: { limits: { "nvidia.com/gpu": "8" }, requests: { cpu: "500m", memory: "2Gi" } } },
          { name: "sidecar", image: "x", resources: { requests: { cpu: "250m" } } },
        ],
      },
    };
    expect(podView(pod).requests).toEqual({ cpu: 4, memory: 2 * 2 ** 30, gpu: 8 });
  });
});

describe("the pod view's restarts", () => {
  const pod = (containerStatuses: unknown[]): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "llm-0", namespace: "default", uid: "p1", resourceVersion: "1" }, spec: { containers: [{ name: "main", image: "x" }, { name: "sidecar", image: "x" }] }, status: { phase: "Running", containerStatuses } });
  const restarted = (name: string, restartCount: number, finishedAt: string) => ({ name, ready: true, restartCount, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt } } });

  it("counts every container's restarts and keeps the latest, as kubectl's RESTARTS column", () => {
    const view = podView(pod([restarted("main", 2, "2026-11-29T11:50:00Z"), restarted("sidecar", 1, "2026-11-29T11:55:00Z")]));
    expect(view).toMatchObject({ restarts: 3, lastRestartAt: "2026-11-29T11:55:00Z" });
  });

  it("has no last restart for a pod that never restarted", () => {
    expect(podView(pod([{ name: "main", ready: true, restartCount: 0, state: { running: {} } }])).lastRestartAt).toBeUndefined();
  });
});
