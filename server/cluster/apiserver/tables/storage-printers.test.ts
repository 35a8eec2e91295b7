import { describe, expect, it } from "vitest";
import type { ObjectMeta } from "@/lib/k8s/types";
import { persistentVolumeClaimPrinter } from "./storage-printers";
import { NOW, SECOND, ago, kubeObject } from "./test-objects";

function claim(spec: Record<string, unknown>, status: Record<string, unknown>, metadata: ObjectMeta = {}) {
  return kubeObject("v1", "PersistentVolumeClaim", { name: "model-cache-leaderworkerset-sample-0", ...metadata }, { spec, status });
}

describe("persistentvolumeclaim rows", () => {
  const requests = { resources: { requests: { storage: "10Gi" } }, accessModes: ["ReadWriteOnce"] };

  it("prints a bound claim", () => {
    const object = claim(
      { ...requests, volumeName: "pvc-3f1c", storageClassName: "standard-rwo", volumeMode: "Filesystem" },
      { phase: "Bound", capacity: { storage: "10Gi" }, accessModes: ["ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod", "ReadOnlyMany"] },
    );
    expect(persistentVolumeClaimPrinter.print(object, NOW).cells).toEqual([
      "model-cache-leaderworkerset-sample-0",
      "Bound",
      "pvc-3f1c",
      "10Gi",
      "RWO,ROX,RWX,RWOP",
      "standard-rwo",
      "<unset>",
      "6m10s",
      "Filesystem",
    ]);
  });

  it("leaves capacity and access modes blank until bound, and the class blank when unset", () => {
    const object = claim(requests, { phase: "Pending" });
    expect(persistentVolumeClaimPrinter.print(object, NOW).cells).toEqual([
      "model-cache-leaderworkerset-sample-0",
      "Pending",
      "",
      "",
      "",
      "",
      "<unset>",
      "6m10s",
      "Filesystem",
    ]);
  });

  it("prints Terminating, the beta class annotation and the attributes class", () => {
    const annotations = { "volume.beta.kubernetes.io/storage-class": "legacy" };
    const object = claim(
      { ...requests, storageClassName: "standard", volumeAttributesClassName: "gold", volumeMode: "Block" },
      { phase: "Bound" },
      { deletionTimestamp: ago(5 * SECOND), annotations },
    );
    const cells = persistentVolumeClaimPrinter.print(object, NOW).cells;
    expect([cells[1], cells[5], cells[6], cells[8]]).toEqual(["Terminating", "legacy", "gold", "Block"]);
  });
});
