import { describe, expect, it } from "vitest";
import { diagnose } from "./diagnose";
import { claim, event, group, input, NOT_READY, pod } from "./test-views";

const failed = event({ reason: "ProvisioningFailed", type: "Warning", message: 'storageclass.storage.k8s.io "fast" not found', involved: { kind: "PersistentVolumeClaim", name: "data-llm-1", namespace: "default" } });

describe("claims that are not Bound", () => {
  it("are the root cause of a group whose pods wait for them", () => {
    const claims = [claim("llm-0"), claim("llm-1", { phase: "Pending", storageClassName: "fast" }), claim("llm-1-1", { phase: "Pending", storageClassName: "fast" })];
    const [healthy, stuck] = diagnose(input({ pods: [...group(0), ...group(1, NOT_READY), ...group(2)], claims, events: [failed] }));
    expect(healthy.verdict).toBe("healthy");
    expect(stuck.verdict).toBe("stuck");
    expect(stuck.causes).toHaveLength(1);
    expect(stuck.causes[0].summary).toBe('PVC data-llm-1 Pending: storageclass.storage.k8s.io "fast" not found (and 1 more)');
    expect(stuck.causes[0].evidence).toEqual([
      "pvc/data-llm-1: Pending, storageClassName fast, requests 10Gi, for pod/llm-1",
      "pvc/data-llm-1-1: Pending, storageClassName fast, requests 10Gi, for pod/llm-1-1",
      'event ProvisioningFailed on pvc/data-llm-1: storageclass.storage.k8s.io "fast" not found',
    ]);
    expect(stuck.causes[0].suggestion).toMatch(/^StorageClass "fast" does not exist/);
  });

  it("replace the scheduler's complaint about unbound claims", () => {
    const waiting = { ready: false, phase: "Pending", status: "Pending", nodeName: undefined, unschedulable: "0/32 nodes are available: pod has unbound immediate PersistentVolumeClaims." };
    const claims = [claim("llm-0", { phase: "Pending" })];
    const [stuck] = diagnose(input({ pods: [pod(0, 0, waiting)], claims }));
    expect(stuck.verdict).toBe("stuck");
    expect(stuck.causes.map((c) => c.summary)).toEqual(["PVC data-llm-0 Pending"]);
    expect(stuck.causes[0].suggestion).toMatch(/storage provisioner/);
  });

  it("of another LWS or namespace are not this group's business", () => {
    const claims = [claim("llm-0", { phase: "Pending", labels: { "leaderworkerset.sigs.k8s.io/name": "other" } }), claim("llm-0", { phase: "Pending", namespace: "elsewhere" })];
    const [zero] = diagnose(input({ pods: group(0, NOT_READY), claims }));
    expect([zero.verdict, zero.causes]).toEqual(["progressing", []]);
  });
});
